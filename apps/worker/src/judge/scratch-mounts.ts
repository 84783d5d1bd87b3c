import { execFile } from "node:child_process";
import { chmod, chown, mkdir, readdir, rm, statfs, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Logger } from "@judge/config";
import { ownerAlias } from "../sandbox/box-owner.ts";
import { SandboxError } from "../sandbox/errors.ts";

const run = promisify(execFile);

/** statfs(2) f_type of a tmpfs */
const TMPFS_MAGIC = 0x01021994;

/** Inodes per compile scratch: plenty for class files and object files, and each costs memory. */
const SCRATCH_INODES = 16_384;

let instances = 0;

/**
 * Compile scratch with a total size bound: each compile gets `/box` on its own size-limited tmpfs
 * mounted on the host (so the worker can take the artifacts out after the box is gone), and a
 * compile-time program that writes more gets ENOSPC instead of filling the worker's disk. Its
 * pages also count in the box's memory cgroup, which is charged to whoever wrote them.
 *
 * mount(8) costs ~30 ms here, so each tmpfs is mounted once (lazily, up to `slots` of them) and
 * emptied between compiles; a compile waits when all slots are busy. Everything lives under
 * `<workDir>/w<owner>-<n>/`, so a dead worker's mounts are found and removed by the sweep.
 */
export class ScratchMounts {
  readonly #free: string[] = [];
  readonly #waiting: Array<(slot: string) => void> = [];
  #mounted: string[] = [];
  #made = 0;
  #closing: Promise<void> | null = null;

  private constructor(
    readonly dir: string,
    private readonly bytes: number,
    private readonly slots: number,
    private readonly logger: Logger,
  ) {}

  static async create(options: { workDir: string; bytes: number; slots: number; logger: Logger }): Promise<ScratchMounts> {
    instances += 1;
    const dir = join(options.workDir, `w-${ownerAlias()}-${instances}`);
    await mkdir(dir, { mode: 0o711 });
    return new ScratchMounts(dir, options.bytes, Math.max(1, options.slots), options.logger);
  }

  /**
   * A scratch directory owned by `uid`/`gid` holding `files` (written by root before the sandbox
   * user owns anything in it, so nothing can race those writes); emptied and given back on dispose.
   */
  async acquire(uid: number, gid: number, files: Readonly<Record<string, string>>): Promise<{ path: string } & AsyncDisposable> {
    const slot = await this.#take();
    try {
      for (const [name, content] of Object.entries(files)) {
        const file = join(slot, name);
        await writeFile(file, content, { mode: 0o644, flag: "wx" });
        await chown(file, uid, gid);
      }
      await chmod(slot, 0o700);
      await chown(slot, uid, gid);
    } catch (error) {
      await this.#give(slot);
      throw error;
    }
    return { path: slot, [Symbol.asyncDispose]: () => this.#give(slot) };
  }

  async #take(): Promise<string> {
    for (let free = this.#free.pop(); free !== undefined; free = this.#free.pop()) {
      // Never compile on a plain directory: if the tmpfs went (unmounted, the work directory
      // removed), forget the slot and mount a new one.
      if (await isTmpfs(free)) return free;
      this.logger.error({ slot: free }, "compile scratch is no longer a tmpfs; mounting a new one");
      this.#mounted = this.#mounted.filter((s) => s !== free);
    }
    if (this.#mounted.length < this.slots) {
      this.#made += 1;
      const slot = join(this.dir, `slot${this.#made}`);
      this.#mounted.push(slot);
      try {
        // The parent again too: someone may have removed the work directory under us.
        await mkdir(this.dir, { recursive: true, mode: 0o711 });
        await mkdir(slot, { mode: 0o700 });
        await mountTmpfs(slot, this.bytes);
      } catch (error) {
        this.#mounted = this.#mounted.filter((s) => s !== slot);
        await rm(slot, { recursive: true, force: true });
        throw error;
      }
      return slot;
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /**
   * Empty the slot and hand it on. The box that used it is already destroyed (every process killed),
   * so nothing writes here any more. fs.rm unlinks symlinks, never their targets.
   */
  async #give(slot: string): Promise<void> {
    try {
      await chown(slot, 0, 0);
      for (const name of await readdir(slot)) await rm(join(slot, name), { recursive: true, force: true });
    } catch (error) {
      // A slot that cannot be emptied is dropped, never reused with someone else's files in it.
      this.logger.error({ err: error, slot }, "cannot empty a compile scratch; unmounting it");
      this.#mounted = this.#mounted.filter((s) => s !== slot);
      await unmountAndRemove(slot, this.logger);
      const next = this.#waiting.shift();
      if (next !== undefined) this.#take().then(next, () => this.#waiting.unshift(next));
      return;
    }
    const next = this.#waiting.shift();
    if (next !== undefined) next(slot);
    else this.#free.push(slot);
  }

  /** Unmount every slot and remove the directory. Compiles must be over. Safe to call twice. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      for (const slot of this.#mounted) await unmountAndRemove(slot, this.logger);
      this.#mounted = [];
      await rm(this.dir, { recursive: true, force: true });
    })();
    return this.#closing;
  }
}

async function isTmpfs(dir: string): Promise<boolean> {
  try {
    return (await statfs(dir)).type === TMPFS_MAGIC;
  } catch {
    return false;
  }
}

async function mountTmpfs(dir: string, bytes: number): Promise<void> {
  try {
    await run("/usr/bin/mount", ["-t", "tmpfs", "-o", `size=${bytes},nr_inodes=${SCRATCH_INODES},mode=0700,nosuid,nodev`, "judge-scratch", dir]);
  } catch (error) {
    throw new SandboxError(`cannot mount a tmpfs for compile scratch at ${dir} (the worker needs CAP_SYS_ADMIN)`, { cause: error });
  }
}

/** Unmount `dir` (lazily if something still holds it) and remove it. Never throws: used in cleanup. */
export async function unmountAndRemove(dir: string, logger: Logger): Promise<void> {
  try {
    await run("/usr/bin/umount", [dir]);
  } catch {
    await run("/usr/bin/umount", ["-l", dir]).catch((error: unknown) => {
      if (!/not mounted|no mount point/i.test(String(error))) logger.warn({ err: error, dir }, "cannot unmount");
    });
  }
  await rm(dir, { recursive: true, force: true }).catch((error: unknown) => logger.error({ err: error, dir }, "cannot remove"));
}
