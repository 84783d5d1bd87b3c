import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * What the soak's boxes left on this host once every worker is gone: live processes of the
 * soak's own sandbox uid (every bwrap and everything in a box runs as it, so none may outlive
 * the workers), cgroups named after any of the soak's workers, and compile scratch (tmpfs
 * mounts and directories) in the soak's own work directory. Zombies are not counted: they hold
 * nothing but a pid, and this host's init does not reap.
 */
export function boxLeftovers(options: { uid: number; workDir: string; workerPids: readonly number[] }): string[] {
  const found: string[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      if (/^State:\s+Z/m.test(status) || Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]) !== options.uid) continue;
      found.push(`process ${entry}: ${readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ").slice(0, 120)}`);
    } catch {
      // exited while we looked
    }
  }
  const owned = new RegExp(`^w(\\d+\\.)?(${options.workerPids.join("|")})[.-]`);
  for (const line of readFileSync("/proc/self/mounts", "utf8").split("\n")) {
    const [, mountPoint = "", fsType, opts = ""] = line.split(" ");
    if (mountPoint.startsWith(`${options.workDir}/`)) found.push(`mount ${mountPoint}`);
    if (fsType !== "cgroup2" && !(fsType === "cgroup" && /(^|,)(memory|pids|cpuacct)(,|$)/.test(opts))) continue;
    let names: string[] = [];
    try {
      names = readdirSync(join(mountPoint, "judge"));
    } catch {
      continue;
    }
    for (const name of names) if (owned.test(name)) found.push(`cgroup ${join(mountPoint, "judge", name)}`);
  }
  try {
    for (const name of readdirSync(options.workDir)) found.push(`scratch ${join(options.workDir, name)}`);
  } catch {
    // never made
  }
  return found;
}
