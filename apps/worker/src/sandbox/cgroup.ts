import { randomBytes } from "node:crypto";
import { accessSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import { ownerAlias } from "./box-owner.ts";
import { SandboxError } from "./errors.ts";

/** What one box may use; the whole process tree counts. */
export interface CgroupLimits {
  /** bytes of memory (RSS + page cache + tmpfs), swap excluded */
  memoryBytes: number;
  /** processes and threads */
  pids: number;
}

export interface CgroupUsage {
  /** CPU time of every process the box ever held, ms */
  cpuMs: number;
  /** peak memory, KiB */
  memoryPeakKb: number;
  /** the kernel's OOM killer fired inside the box */
  oomKilled: boolean;
}

/** One cgroup (v2) or one cgroup per controller (v1) holding exactly one sandboxed run. */
export interface BoxCgroup {
  /**
   * `cgroup.procs` files the sandbox helper writes its own pid into before it execs anything,
   * so the box holds the process before it can fork.
   */
  readonly procsFiles: readonly string[];
  cpuMs(): Promise<number>;
  usage(): Promise<CgroupUsage>;
  /** CPU and peak memory right now, read synchronously: a result line's usage is the box's at that line */
  sampleUsage(): { cpuMs: number; memoryKb: number };
  /** SIGKILL everything in the box and wait until it is empty. */
  kill(): Promise<void>;
  /** kill, then remove the cgroup directories. Safe to call twice. */
  destroy(): Promise<void>;
}

export interface Cgroups {
  readonly version: 1 | 2;
  /** where the boxes live, for logs */
  readonly root: string;
  createBox(limits: CgroupLimits): Promise<BoxCgroup>;
  /** remove this instance's parent cgroup(s); boxes must be destroyed first */
  close(): Promise<void>;
}

export interface MountEntry {
  mountPoint: string;
  fsType: string;
  options: string[];
}

/** `/proc/self/mounts`; octal escapes (`\040`) decoded. */
export function parseMounts(text: string): MountEntry[] {
  const decodeOctal = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
  const entries: MountEntry[] = [];
  for (const line of text.split("\n")) {
    const [, mountPoint, fsType, options] = line.split(" ");
    if (mountPoint === undefined || fsType === undefined || options === undefined) continue;
    entries.push({ mountPoint: decodeOctal(mountPoint), fsType, options: options.split(",") });
  }
  return entries;
}

/**
 * cgroupfs and procfs files are tiny and answer in microseconds, and they sit on the latency
 * path of every run: synchronous I/O here is cheaper than a thread-pool round trip per file.
 */
export function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new SandboxError(`cannot read ${path}`, { cause: error });
  }
}

export function writeControl(path: string, value: string): void {
  try {
    writeFileSync(path, value);
  } catch (error) {
    throw new SandboxError(`cannot write ${value} to ${path}`, { cause: error });
  }
}

export function pathExists(path: string): boolean {
  try {
    accessSync(path);
    return true;
  } catch {
    return false;
  }
}

export function parsePids(text: string): number[] {
  return text
    .split("\n")
    .filter((line) => line.length > 0)
    .map(Number)
    .filter((pid) => Number.isInteger(pid) && pid > 0);
}

/**
 * SIGKILL every pid listed in `procsFile` until it lists none. Killing the sandbox's PID
 * namespace init takes the rest of the namespace with it, so this converges even against a
 * fork bomb; the pids limit bounds each round.
 */
export async function killAllIn(procsFile: string): Promise<void> {
  for (let round = 0; round < 200; round++) {
    const pids = parsePids(readText(procsFile));
    if (pids.length === 0) return;
    for (const pid of pids) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // ESRCH: already gone between the read and the kill
      }
    }
    await delay(round < 20 ? 1 : 10);
  }
  throw new SandboxError(`processes survive SIGKILL in ${procsFile}`);
}

/**
 * rmdir with retries: a cgroup whose last task is still exiting reports EBUSY for a moment.
 * Returns false when it stays busy, so the caller can log the leak instead of failing a verdict.
 */
export async function removeCgroupDir(path: string): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      rmdirSync(path);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return true;
      if (code !== "EBUSY") return false;
      await delay(Math.min(2 ** attempt, 50));
    }
  }
  return false;
}

/**
 * A name unique to this Judge instance, so that two workers never share a parent: its owner's
 * alias (a sweep removes the instances of owners that are gone) and a random part. No pid and no
 * counter: a box reads its cgroup's path in /proc/self/cgroup.
 */
export function instanceName(): string {
  return `w-${ownerAlias()}-${randomBytes(4).toString("hex")}`;
}

/** The name of one box's cgroup under its instance: random, for the same reason. */
export function boxName(): string {
  return `box-${randomBytes(6).toString("hex")}`;
}
