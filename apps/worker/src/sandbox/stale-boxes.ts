import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "@judge/config";
import { BOX_OWNER_ENV, aliasState, ownerState } from "./box-owner.ts";
import { killAllIn, parseMounts, readText, removeCgroupDir } from "./cgroup.ts";

/**
 * What a dead worker can leave of its boxes, and how each is found without touching anything
 * else on the host or any live worker's box:
 *
 * - processes that never got into a box cgroup: bwrap's clone child blocks on an eventfd until
 *   the outer bwrap writes it after the --userns-block-fd handshake; if the worker dies before the
 *   outer bwrap has set its own PR_SET_PDEATHSIG, the outer one dies of SIGPIPE on the info fd and
 *   its child waits for ever, parented to init. It still carries the environment we spawned bwrap
 *   with, so `JUDGE_BOX_OWNER=<dead owner>` in /proc/<pid>/environ marks it as ours.
 * - box cgroups (`<mount>/<parent>/w-<owner alias>-<hex>/box-<hex>`) and whatever is still in
 *   them: killed, then removed.
 *
 * Anything whose owner is alive, or whose owner this host cannot judge (another pid namespace),
 * is left alone.
 */
export interface StaleSweep {
  processesKilled: number;
  cgroupsRemoved: number;
}

/**
 * The state of an instance's owner: `w-<alias>-<hex>` (today), `w<token>-<n>` or
 * `w<pid>-<n>-<random>` (earlier names).
 */
export function instanceOwnerState(name: string): "live" | "dead" | "unknown" {
  const aliased = /^w-([0-9a-f]{16})-[0-9a-f]+$/.exec(name);
  if (aliased?.[1] !== undefined) return aliasState(aliased[1]);
  const current = /^w(\d+\.\d+\.\d+)-\d+$/.exec(name);
  if (current?.[1] !== undefined) return ownerState(current[1]);
  const legacy = /^w(\d+)-\d+-[a-z0-9]+$/.exec(name);
  if (legacy?.[1] !== undefined) {
    // Only a pid: call it dead only when no process has that pid, never kill on a guess.
    try {
      readFileSync(`/proc/${legacy[1]}/stat`);
      return "unknown";
    } catch {
      return "dead";
    }
  }
  return "unknown";
}

/** SIGKILL every process whose environment names a dead owner. Returns how many. */
export function killOrphanedBwraps(logger: Logger): number {
  const prefix = `${BOX_OWNER_ENV}=`;
  let killed = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let environ: string;
    try {
      environ = readFileSync(`/proc/${entry}/environ`, "latin1");
    } catch {
      continue; // exited, or a kernel thread
    }
    const marker = environ.split("\0").find((v) => v.startsWith(prefix));
    if (marker === undefined || ownerState(marker.slice(prefix.length)) !== "dead") continue;
    try {
      process.kill(Number(entry), "SIGKILL");
      killed++;
      logger.warn({ pid: Number(entry), owner: marker.slice(prefix.length) }, "killed a box process of a dead worker");
    } catch {
      // gone meanwhile
    }
  }
  return killed;
}

/** The directories that hold every worker's boxes under `parentName`, one per mounted hierarchy. */
function parentDirs(parentName: string): string[] {
  const dirs = new Set<string>();
  for (const mount of parseMounts(readText("/proc/self/mounts"))) {
    if (mount.fsType === "cgroup2" || (mount.fsType === "cgroup" && ["memory", "pids", "cpuacct"].some((c) => mount.options.includes(c)))) {
      dirs.add(join(mount.mountPoint, parentName));
    }
  }
  return [...dirs];
}

function subdirs(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(dir, e.name));
  } catch {
    return [];
  }
}

/** Kill what is in `dir` and its descendants, then remove them bottom-up. */
async function removeCgroupTree(dir: string): Promise<number> {
  let removed = 0;
  for (const child of subdirs(dir)) removed += await removeCgroupTree(child);
  try {
    await killAllIn(join(dir, "cgroup.procs"));
  } catch {
    // no procs file: already gone
  }
  if (await removeCgroupDir(dir)) removed++;
  return removed;
}

/** Every stale box of this judge on this host: orphaned bwraps first, then dead workers' cgroups. */
export async function sweepStaleBoxes(parentName: string, logger: Logger): Promise<StaleSweep> {
  const processesKilled = killOrphanedBwraps(logger);
  let cgroupsRemoved = 0;
  for (const parent of parentDirs(parentName)) {
    for (const instance of subdirs(parent)) {
      const name = instance.slice(parent.length + 1);
      if (instanceOwnerState(name) !== "dead") continue;
      cgroupsRemoved += await removeCgroupTree(instance);
    }
  }
  if (processesKilled > 0 || cgroupsRemoved > 0) logger.warn({ processesKilled, cgroupsRemoved }, "swept stale boxes");
  return { processesKilled, cgroupsRemoved };
}
