import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import type { Logger } from "@judge/config";
import {
  type BoxCgroup,
  type CgroupLimits,
  type CgroupUsage,
  type Cgroups,
  type MountEntry,
  boxName,
  instanceName,
  pathExists,
  writeControl,
  killAllIn,
  parsePids,
  readText,
  removeCgroupDir,
} from "./cgroup.ts";
import { SandboxError } from "./errors.ts";

const needed = ["memory", "pids", "cpu"] as const;

/**
 * The cgroup2 mount that offers memory, pids and cpu, or null. A hybrid host (like the
 * development machines: v2 at /sys/fs/cgroup/unified with only hugetlb) has none, and falls
 * back to v1.
 */
export async function findV2Mount(mounts: MountEntry[]): Promise<string | null> {
  for (const mount of mounts.filter((m) => m.fsType === "cgroup2")) {
    try {
      const available = (readText(join(mount.mountPoint, "cgroup.controllers"))).trim().split(/\s+/);
      if (needed.every((c) => available.includes(c))) return mount.mountPoint;
    } catch {
      // unreadable: not ours to use
    }
  }
  return null;
}

const enableAll = needed.map((c) => `+${c}`).join(" ");

/**
 * Turn on our controllers for the children of `dir`. The "no internal processes" rule refuses
 * (EBUSY) when `dir` holds processes and is not the real root, as a container's namespace root
 * does: then its processes move into a leaf `init` first, as container init scripts do.
 */
async function enableControllers(dir: string, isMountRoot: boolean): Promise<void> {
  try {
    writeFileSync(join(dir, "cgroup.subtree_control"), enableAll);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EBUSY" || !isMountRoot) {
      throw new SandboxError(`cannot enable ${enableAll} in ${dir}`, { cause: error });
    }
  }
  const leaf = join(dir, "init");
  mkdirSync(leaf, { recursive: true });
  for (const pid of parsePids(readText(join(dir, "cgroup.procs")))) {
    try {
      writeFileSync(join(leaf, "cgroup.procs"), String(pid));
    } catch {
      // kernel threads and exiting processes cannot move; the retry below tells if it matters
    }
  }
  writeControl(join(dir, "cgroup.subtree_control"), enableAll);
}

class BoxV2 implements BoxCgroup {
  readonly procsFiles: readonly string[];
  #destroyed: Promise<void> | null = null;

  constructor(
    private readonly dir: string,
    private readonly hasKill: boolean,
    private readonly logger: Logger,
  ) {
    this.procsFiles = [join(dir, "cgroup.procs")];
  }

  async cpuMs(): Promise<number> {
    return this.#cpuMs();
  }

  #cpuMs(): number {
    const stat = readText(join(this.dir, "cpu.stat"));
    return Math.round(Number(/^usage_usec (\d+)$/m.exec(stat)?.[1] ?? 0) / 1000);
  }

  sampleUsage(): { cpuMs: number; memoryKb: number } {
    return { cpuMs: this.#cpuMs(), memoryKb: Math.ceil(Number(readText(join(this.dir, "memory.peak")).trim()) / 1024) };
  }

  async usage(): Promise<CgroupUsage> {
    const cpuMs = await this.cpuMs();
    const peak = readText(join(this.dir, "memory.peak"));
    const events = readText(join(this.dir, "memory.events"));
    return {
      cpuMs,
      memoryPeakKb: Math.ceil(Number(peak.trim()) / 1024),
      oomKilled: Number(/^oom_kill (\d+)$/m.exec(events)?.[1] ?? 0) > 0,
    };
  }

  async kill(): Promise<void> {
    const procs = join(this.dir, "cgroup.procs");
    if (!this.hasKill) return killAllIn(procs);
    // cgroup.kill (5.14+) kills the whole tree at once, forks in flight included.
    writeControl(join(this.dir, "cgroup.kill"), "1");
    for (let round = 0; round < 200; round++) {
      if (parsePids(readText(procs)).length === 0) return;
      await delay(round < 20 ? 1 : 10);
    }
    throw new SandboxError(`processes survive cgroup.kill in ${this.dir}`);
  }

  destroy(): Promise<void> {
    this.#destroyed ??= (async () => {
      await this.kill();
      if (!(await removeCgroupDir(this.dir))) this.logger.error({ dir: this.dir }, "cgroup stays busy; leaking it");
    })();
    return this.#destroyed;
  }
}

/** cgroup v2: one directory per box under `<mount>/<parentName>/<instance>`. */
export class CgroupsV2 implements Cgroups {
  readonly version = 2 as const;

  private constructor(
    readonly root: string,
    private readonly features: { kill: boolean; swap: boolean; peak: boolean },
    private readonly logger: Logger,
  ) {}

  static async create(mountPoint: string, parentName: string, logger: Logger): Promise<CgroupsV2> {
    const name = instanceName();
    const root = join(mountPoint, parentName, name);
    try {
      mkdirSync(root, { recursive: true });
    } catch (error) {
      throw new SandboxError(`cannot create cgroup ${root}`, { cause: error });
    }
    // Every level from the mount down to our instance must hand the controllers down.
    let dir = mountPoint;
    await enableControllers(dir, true);
    for (const part of [...parentName.split("/").filter(Boolean), root.slice(root.lastIndexOf("/") + 1)]) {
      dir = join(dir, part);
      await enableControllers(dir, false);
    }
    const probe = join(root, "probe");
    mkdirSync(probe, { recursive: true });
    const features = {
      kill: pathExists(join(probe, "cgroup.kill")),
      swap: pathExists(join(probe, "memory.swap.max")),
      peak: pathExists(join(probe, "memory.peak")),
    };
    await removeCgroupDir(probe);
    if (!features.peak) throw new SandboxError("cgroup v2 without memory.peak (kernel < 5.19): cannot measure peak memory");
    return new CgroupsV2(root, features, logger);
  }

  async createBox(limits: CgroupLimits): Promise<BoxCgroup> {
    const dir = join(this.root, boxName());
    try {
      mkdirSync(dir);
    } catch (error) {
      throw new SandboxError(`cannot create cgroup ${dir}`, { cause: error });
    }
    try {
      writeControl(join(dir, "memory.max"), String(limits.memoryBytes));
      if (this.features.swap) writeControl(join(dir, "memory.swap.max"), "0");
      // One OOM kill takes the whole box, so a killed helper never leaves a half-dead tree.
      writeControl(join(dir, "memory.oom.group"), "1");
      writeControl(join(dir, "pids.max"), String(limits.pids));
    } catch (error) {
      await removeCgroupDir(dir);
      throw error;
    }
    return new BoxV2(dir, this.features.kill, this.logger);
  }

  async close(): Promise<void> {
    await removeCgroupDir(this.root);
  }
}
