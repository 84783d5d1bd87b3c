/**
 * CPU of the stack's own processes per submission, from /proc (Linux): each service's own
 * time, and for workers the time of the sandboxes they ran (reaped children). With the
 * database's own counters (pg_stat_database, per database, so only this run's), this is
 * what docs/scaling.md sizes api, notifier, worker glue and PostgreSQL from.
 */
import { readFile } from "node:fs/promises";
import type { PrismaClient } from "@judge/db";

/** USER_HZ: /proc reports CPU in these ticks; 100 on every Linux that matters. */
const TICKS_PER_SECOND = 100;

export interface ProcessCpu {
  /** the process's own user+system time, ms */
  selfMs: number;
  /** its reaped children's user+system time (the sandboxes, for a worker), ms */
  childrenMs: number;
}

export async function processCpu(pid: number): Promise<ProcessCpu> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ").map(Number);
  // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
  const tick = (n: number) => ((fields[n - 3] ?? 0) * 1000) / TICKS_PER_SECOND;
  return { selfMs: tick(14) + tick(15), childrenMs: tick(16) + tick(17) };
}

export interface DatabaseCounters {
  commits: number;
  /** rows inserted, updated and deleted */
  rowsWritten: number;
  /** rows returned and fetched by reads */
  rowsRead: number;
}

/**
 * This database's counters. PostgreSQL's backends flush their statistics at most once a
 * second and idle ones after up to 10 s, so read them across a whole run, not a short phase.
 */
export async function databaseCounters(prisma: PrismaClient): Promise<DatabaseCounters> {
  const rows = await prisma.$queryRaw<{ c: bigint; w: bigint; r: bigint }[]>`
    SELECT xact_commit AS c, tup_inserted + tup_updated + tup_deleted AS w, tup_returned + tup_fetched AS r
      FROM pg_stat_database WHERE datname = current_database()`;
  const row = rows[0];
  return { commits: Number(row?.c ?? 0), rowsWritten: Number(row?.w ?? 0), rowsRead: Number(row?.r ?? 0) };
}
