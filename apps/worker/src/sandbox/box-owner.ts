import { readFileSync, readlinkSync } from "node:fs";

/**
 * Who started a box, as text that survives the starter: `<pid namespace inode>.<pid>.<start time>`.
 * A pid alone is reused; pid + start time (clock ticks since boot, /proc/<pid>/stat field 22)
 * names one process for the life of the host, and the pid namespace says whether our /proc can
 * answer for that pid at all. Cgroup and scratch names carry it, and so does the environment of
 * every bwrap we start (until bwrap's --clearenv), so a sweep can tell a dead worker's leftovers
 * from a live worker's boxes without any shared state.
 */
export type OwnerToken = string;

/** Environment variable naming the owner in every bwrap process we start; the sandbox never sees it. */
export const BOX_OWNER_ENV = "JUDGE_BOX_OWNER";

const TOKEN = /^(\d+)\.(\d+)\.(\d+)$/;

/** Field 22 of /proc/<pid>/stat, or null when no such process. The command name (field 2) may hold spaces and parentheses. */
export function processStartTime(pid: number | "self"): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[0] is field 3 (state), so field 22 is fields[19].
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function pidNamespace(): string {
  // "pid:[4026531836]"
  return /\[(\d+)\]/.exec(readlinkSync("/proc/self/ns/pid"))?.[1] ?? "0";
}

let self: OwnerToken | null = null;

/** This process's token (computed once: none of its parts change while we live). */
export function ownerToken(): OwnerToken {
  self ??= `${pidNamespace()}.${process.pid}.${processStartTime("self") ?? "0"}`;
  return self;
}

/**
 * "live": that process still runs; "dead": it is gone (or its pid now belongs to another process);
 * "unknown": not a token, or from another pid namespace, where our /proc cannot tell. Sweeps
 * remove only what is "dead".
 */
export function ownerState(token: string): "live" | "dead" | "unknown" {
  const match = TOKEN.exec(token);
  if (match === null) return "unknown";
  const [, namespace, pid, start] = match;
  if (namespace !== pidNamespace()) return "unknown";
  return processStartTime(Number(pid)) === start ? "live" : "dead";
}
