/**
 * What the pipeline costs Redis per submission, read from the benchmark's own private
 * redis-server (nothing else talks to it): CPU seconds of the server process and the
 * commands it ran, including those inside Lua scripts, as INFO reports them.
 */
import type { Redis } from "ioredis";

export interface RedisReading {
  /** used_cpu_user + used_cpu_sys, seconds */
  cpuSeconds: number;
  /** commandstats calls per command (lower-case name) */
  calls: Record<string, number>;
  /** commandstats time per command, µs (a script's time includes its inner commands') */
  usec: Record<string, number>;
}

export interface RedisCost {
  /** server CPU per submission, microseconds */
  cpuUsPerSubmission: number;
  /** every command per submission, script-internal ones included */
  callsPerSubmission: number;
  /** PUBLISH (or SPUBLISH) per submission: each is one event fanned out to notifiers */
  publishesPerSubmission: number;
  /** EVAL/EVALSHA/FCALL per submission: BullMQ's and the live state's scripts */
  scriptsPerSubmission: number;
  /** the commands that took the most time, per submission: [name, calls, µs] */
  top: [string, number, number][];
}

export async function readRedis(redis: Redis): Promise<RedisReading> {
  const [cpu, stats] = await Promise.all([redis.info("cpu"), redis.info("commandstats")]);
  const field = (name: string) => Number(new RegExp(`^${name}:([0-9.]+)`, "m").exec(cpu)?.[1] ?? Number.NaN);
  const calls: Record<string, number> = {};
  const usec: Record<string, number> = {};
  for (const match of stats.matchAll(/^cmdstat_([^:]+):calls=(\d+),usec=(\d+)/gm)) {
    calls[match[1]!] = Number(match[2]);
    usec[match[1]!] = Number(match[3]);
  }
  return { cpuSeconds: field("used_cpu_user") + field("used_cpu_sys"), calls, usec };
}

/** Server CPU while nothing is submitted (heartbeats, BullMQ's blocking reads, lock checks), µs per second. */
export async function idleCpuUsPerSecond(redis: Redis, windowMs: number): Promise<number> {
  const before = await readRedis(redis);
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  const after = await readRedis(redis);
  return ((after.cpuSeconds - before.cpuSeconds) * 1e6 * 1000) / (performance.now() - started);
}

/**
 * The work of `submissions` submissions between two readings; the idle rate times the
 * elapsed time is taken off the CPU, so a slow phase is not charged for the fleet's idling.
 */
export function costBetween(before: RedisReading, after: RedisReading, submissions: number, idle = { usPerSecond: 0, elapsedMs: 0 }): RedisCost {
  const delta = (name: string) => (after.calls[name] ?? 0) - (before.calls[name] ?? 0);
  const all = Object.keys(after.calls).reduce((sum, name) => sum + delta(name), 0);
  const per = (v: number) => v / Math.max(1, submissions);
  return {
    cpuUsPerSubmission: per((after.cpuSeconds - before.cpuSeconds) * 1e6 - (idle.usPerSecond * idle.elapsedMs) / 1000),
    callsPerSubmission: per(all),
    publishesPerSubmission: per(delta("publish") + delta("spublish")),
    scriptsPerSubmission: per(delta("eval") + delta("evalsha") + delta("fcall")),
    top: Object.keys(after.usec)
      .map((name): [string, number, number] => [name, per(delta(name)), per((after.usec[name] ?? 0) - (before.usec[name] ?? 0))])
      .sort((a, b) => b[2] - a[2])
      .slice(0, 8),
  };
}
