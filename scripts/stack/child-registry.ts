import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/**
 * The children of this `npm start`, written to its data directory as they come and go, so
 * the next start can find any that outlived a supervisor killed with SIGKILL. Each is named
 * by pid and by the start time the kernel gives it (/proc/<pid>/stat, field 22): a pid
 * reused by an unrelated process since has another start time and is left alone.
 *
 * The first line of defence is elsewhere (services exit when their IPC channel to the
 * supervisor closes, redis-server has the kernel's parent-death signal); this file is the
 * second, for whatever those missed.
 */
const Entry = z.object({ name: z.string(), pid: z.number().int().positive(), startTime: z.string() });
const Registry = z.object({ supervisor: z.number().int(), children: z.array(Entry) });
type Entry = z.infer<typeof Entry>;

/** The kernel's start time of `pid` (clock ticks since boot), or null if it is gone or a zombie. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may contain spaces: count after it.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields[0] === "Z" || fields[0] === "X") return null;
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

export function createChildRegistry(dataDir: string) {
  const file = join(dataDir, "children.json");
  const children = new Map<string, Entry>();
  const save = () => {
    const body = JSON.stringify({ supervisor: process.pid, children: [...children.values()] });
    // Written whole then renamed: a supervisor killed mid-write leaves the previous list.
    writeFileSync(`${file}.tmp`, body);
    renameSync(`${file}.tmp`, file);
  };
  return {
    /** Records the child now running under `name` (replacing the one before it). */
    started(name: string, pid: number): void {
      const startTime = processStartTime(pid);
      if (startTime === null) return;
      children.set(name, { name, pid, startTime });
      save();
    },
    stopped(name: string): void {
      if (children.delete(name)) save();
    },
    /**
     * Kills (SIGKILL) every child a previous run recorded that is still the same process, and
     * resolves with them once they are gone. Call with the data directory locked.
     */
    async killStale(): Promise<Entry[]> {
      let previous: Entry[];
      try {
        previous = Registry.parse(JSON.parse(readFileSync(file, "utf8"))).children;
      } catch {
        return [];
      }
      const alive = previous.filter((entry) => processStartTime(entry.pid) === entry.startTime);
      for (const entry of alive) {
        try {
          process.kill(entry.pid, "SIGKILL");
        } catch {
          // Gone between the look and the kill: what we wanted.
        }
      }
      for (const entry of alive) {
        // SIGKILL cannot be caught; the wait is for the kernel to tear the process down.
        while (processStartTime(entry.pid) === entry.startTime) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      save();
      return alive;
    },
  };
}
