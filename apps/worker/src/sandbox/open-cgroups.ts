import type { Logger } from "@judge/config";
import { type Cgroups, parseMounts, readText } from "./cgroup.ts";
import { CgroupsV1, findV1Mounts } from "./cgroup-v1.ts";
import { CgroupsV2, findV2Mount } from "./cgroup-v2.ts";
import { SandboxError } from "./errors.ts";

export interface OpenCgroupsOptions {
  /** "auto" prefers a v2 mount that offers memory+pids+cpu, else the v1 hierarchies. */
  version: 1 | 2 | "auto";
  /** directory under each mount that holds every worker's boxes, e.g. "judge" */
  parentName: string;
  logger: Logger;
}

/** Detect how cgroups are mounted here and create this instance's parent cgroup(s). */
export async function openCgroups(options: OpenCgroupsOptions): Promise<Cgroups> {
  const mounts = parseMounts(readText("/proc/self/mounts"));
  if (options.version !== 1) {
    const v2 = await findV2Mount(mounts);
    if (v2 !== null) return CgroupsV2.create(v2, options.parentName, options.logger);
    if (options.version === 2) throw new SandboxError("no cgroup2 mount offers memory, pids and cpu");
  }
  const v1 = findV1Mounts(mounts);
  if (v1 !== null) return CgroupsV1.create(v1, options.parentName, options.logger);
  throw new SandboxError("found neither a cgroup2 mount with memory+pids+cpu nor v1 memory, pids and cpuacct hierarchies");
}
