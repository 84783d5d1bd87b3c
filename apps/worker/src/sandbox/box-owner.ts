import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Who started a box, as text that survives the starter: `<pid namespace inode>.<pid>.<start time>`.
 * A pid alone is reused; pid + start time (clock ticks since boot, /proc/<pid>/stat field 22)
 * names one process for the life of the host, and the pid namespace says whether our /proc can
 * answer for that pid at all. The environment of every bwrap we start carries it (until bwrap's
 * --clearenv), and cgroup and scratch names carry its alias (ownerAlias), so a sweep can tell a
 * dead worker's leftovers from a live worker's boxes.
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

/**
 * Where each alias's owner token is kept: under /run, a tmpfs that, like the cgroups and box
 * processes it accounts for, does not outlive a reboot.
 */
export const OWNER_ALIASES_DIR = "/run/judge/owners";

const ALIAS = /^[0-9a-f]{16}$/;
let alias: string | null = null;

/**
 * A random name for this process, used in place of its token in every name it gives a cgroup,
 * a scratch, checker or cache directory. A box sees such names (its cgroup path in
 * /proc/self/cgroup, its bind mounts' host paths in mountinfo), and the token would tell it the
 * worker's pid; the alias tells it nothing. The token is recorded under the alias before any name
 * uses it, so a sweep can still judge the owner.
 */
export function ownerAlias(dir = OWNER_ALIASES_DIR): string {
  if (alias === null) {
    const fresh = randomBytes(8).toString("hex");
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(join(dir, fresh), ownerToken(), { mode: 0o600 });
    alias = fresh;
  }
  return alias;
}

/** The state of the process behind `name` (an alias); "unknown" when it is not one or has no record. */
export function aliasState(name: string, dir = OWNER_ALIASES_DIR): "live" | "dead" | "unknown" {
  if (!ALIAS.test(name)) return "unknown";
  try {
    return ownerState(readFileSync(join(dir, name), "utf8").trim());
  } catch {
    return "unknown";
  }
}

/** Removes the records of owners that are gone; run after their leftovers were swept. */
export function forgetDeadAliases(dir = OWNER_ALIASES_DIR): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (aliasState(name, dir) === "dead") rmSync(join(dir, name), { force: true });
}
