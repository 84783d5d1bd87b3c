import { randomBytes } from "node:crypto";
import { chown, mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * A private host directory for one compile, owned by the sandbox user, shown as /box inside.
 * `remove` uses fs.rm, which lstat()s each entry and unlinks symlinks instead of following them,
 * so a planted link to a worker file is removed, never its target.
 */
export class ScratchDir implements AsyncDisposable {
  private constructor(readonly path: string) {}

  static async create(parent: string, uid: number, gid: number, files: Readonly<Record<string, string>>): Promise<ScratchDir> {
    // No worker pid in the name: the box sees this path in /proc/self/mountinfo.
    const path = join(parent, `box-${randomBytes(8).toString("hex")}`);
    await mkdir(path, { mode: 0o700 });
    const scratch = new ScratchDir(path);
    try {
      // Written by root before the sandbox user owns anything here: nothing can race these writes.
      for (const [name, content] of Object.entries(files)) {
        const file = join(path, name);
        await writeFile(file, content, { mode: 0o644, flag: "wx" });
        await chown(file, uid, gid);
      }
      await chown(path, uid, gid);
    } catch (error) {
      await scratch.remove();
      throw error;
    }
    return scratch;
  }

  async remove(): Promise<void> {
    await rm(this.path, { recursive: true, force: true });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.remove();
  }
}
