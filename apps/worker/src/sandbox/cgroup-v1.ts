import { mkdirSync } from "node:fs";
import { join } from "node:path";
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
  readText,
  removeCgroupDir,
} from "./cgroup.ts";
import { SandboxError } from "./errors.ts";

/** The v1 controllers a box needs, each a separate hierarchy (possibly co-mounted). */
const controllers = ["memory", "pids", "cpuacct"] as const;
type Controller = (typeof controllers)[number];

/** Mount points of the v1 hierarchies that carry our controllers, or null when one is missing. */
export function findV1Mounts(mounts: MountEntry[]): Record<Controller, string> | null {
  const found: Partial<Record<Controller, string>> = {};
  for (const controller of controllers) {
    const mount = mounts.find((m) => m.fsType === "cgroup" && m.options.includes(controller));
    if (mount === undefined) return null;
    found[controller] = mount.mountPoint;
  }
  return found as Record<Controller, string>;
}

class BoxV1 implements BoxCgroup {
  readonly procsFiles: readonly string[];
  #destroyed: Promise<void> | null = null;

  constructor(
    private readonly dirs: Record<Controller, string>,
    private readonly logger: Logger,
  ) {
    this.procsFiles = controllers.map((c) => join(dirs[c], "cgroup.procs"));
  }

  async cpuMs(): Promise<number> {
    return this.#cpuMs();
  }

  #cpuMs(): number {
    const ns = Number((readText(join(this.dirs.cpuacct, "cpuacct.usage"))).trim());
    return Math.round(ns / 1e6);
  }

  sampleUsage(): { cpuMs: number; memoryKb: number } {
    const peak = readText(join(this.dirs.memory, "memory.max_usage_in_bytes"));
    return { cpuMs: this.#cpuMs(), memoryKb: Math.ceil(Number(peak.trim()) / 1024) };
  }

  async usage(): Promise<CgroupUsage> {
    const cpuMs = await this.cpuMs();
    const peak = readText(join(this.dirs.memory, "memory.max_usage_in_bytes"));
    const oomControl = readText(join(this.dirs.memory, "memory.oom_control"));
    // `oom_kill N` appeared in 4.13; older kernels only have under_oom, which is enough for us.
    const oomKills = /^oom_kill (\d+)$/m.exec(oomControl)?.[1];
    const underOom = /^under_oom 1$/m.test(oomControl);
    return {
      cpuMs,
      memoryPeakKb: Math.ceil(Number(peak.trim()) / 1024),
      oomKilled: underOom || (oomKills !== undefined && Number(oomKills) > 0),
    };
  }

  async kill(): Promise<void> {
    // Every task is in all three hierarchies; pids is the one a fork bomb is fenced by.
    await killAllIn(join(this.dirs.pids, "cgroup.procs"));
  }

  destroy(): Promise<void> {
    this.#destroyed ??= (async () => {
      await this.kill();
      for (const controller of controllers) {
        if (!(await removeCgroupDir(this.dirs[controller]))) {
          this.logger.error({ dir: this.dirs[controller] }, "cgroup stays busy; leaking it");
        }
      }
    })();
    return this.#destroyed;
  }
}

/** cgroup v1: one directory per controller hierarchy, all created before the run. */
export class CgroupsV1 implements Cgroups {
  readonly version = 1 as const;
  readonly root: string;
  readonly #parents: Record<Controller, string>;
  readonly #swapAccounting: boolean;

  private constructor(
    parents: Record<Controller, string>,
    swapAccounting: boolean,
    private readonly logger: Logger,
  ) {
    this.#parents = parents;
    this.#swapAccounting = swapAccounting;
    this.root = parents.memory;
  }

  /** Parent `<mount>/<parentName>/<instance>` in each hierarchy, e.g. /sys/fs/cgroup/memory/judge/w123-1-ab. */
  static async create(mounts: Record<Controller, string>, parentName: string, logger: Logger): Promise<CgroupsV1> {
    const name = instanceName();
    const parents = {} as Record<Controller, string>;
    for (const controller of controllers) {
      parents[controller] = join(mounts[controller], parentName, name);
      try {
        mkdirSync(parents[controller], { recursive: true });
      } catch (error) {
        throw new SandboxError(`cannot create cgroup ${parents[controller]}`, { cause: error });
      }
    }
    // Hierarchical accounting so a box's usage also counts in its parent (always on since 5.x).
    const hierarchy = join(parents.memory, "memory.use_hierarchy");
    if ((readText(hierarchy)).trim() !== "1") writeControl(hierarchy, "1");
    const swapAccounting = pathExists(join(parents.memory, "memory.memsw.limit_in_bytes"));
    return new CgroupsV1(parents, swapAccounting, logger);
  }

  async createBox(limits: CgroupLimits): Promise<BoxCgroup> {
    const name = boxName();
    const dirs = {} as Record<Controller, string>;
    const made: string[] = [];
    try {
      for (const controller of controllers) {
        dirs[controller] = join(this.#parents[controller], name);
        mkdirSync(dirs[controller]);
        made.push(dirs[controller]);
      }
      const memory = String(limits.memoryBytes);
      writeControl(join(dirs.memory, "memory.limit_in_bytes"), memory);
      // With swap accounting on, also cap memory+swap so the box cannot page out to go over.
      if (this.#swapAccounting) writeControl(join(dirs.memory, "memory.memsw.limit_in_bytes"), memory);
      writeControl(join(dirs.pids, "pids.max"), String(limits.pids));
    } catch (error) {
      for (const dir of made) await removeCgroupDir(dir);
      if (error instanceof SandboxError) throw error;
      throw new SandboxError(`cannot create box cgroup ${name}`, { cause: error });
    }
    return new BoxV1(dirs, this.logger);
  }

  async close(): Promise<void> {
    for (const controller of controllers) await removeCgroupDir(this.#parents[controller]);
  }
}
