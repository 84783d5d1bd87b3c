/**
 * Where a submission's time goes, along its critical path, from the samples of the
 * throughput benchmark: the API (POST sent to the job in the queue), the queue wait and the
 * worker's phases (the verdict step's timings), and the push from Redis to the socket. All
 * processes share this machine's clock; BullMQ's timestamps are whole milliseconds.
 */
import { ms, summarize, type Summary } from "./latency-stats.ts";
import type { Sample } from "./throughput-users.ts";

export const phases = ["api", "queue", "fetch", "compile", "run", "publish", "result", "push", "other"] as const;
export type Phase = (typeof phases)[number];

export interface Breakdown {
  /** samples that carried the worker's timings (a verdict seen as an event, not a snapshot) */
  n: number;
  latency: Summary;
  phases: Record<Phase, Summary>;
  /** latency minus the sandbox's own compile+run, per submission */
  overhead: Summary;
  /** the client's POST round trip (overlaps the queue wait: a worker may start first) */
  accept: Summary;
}

export function breakdownOf(samples: Sample[]): Breakdown {
  const timed = samples.filter((s) => s.timings?.takenAt !== undefined && s.pushMs !== null);
  const columns: Record<Phase, number[]> = {
    api: [], queue: [], fetch: [], compile: [], run: [], publish: [], result: [], push: [], other: [],
  };
  const overhead: number[] = [];
  for (const s of timed) {
    const t = s.timings!;
    const push = s.pushMs!;
    const parts: Record<Exclude<Phase, "other">, number> = {
      api: t.takenAt! - t.queueMs - s.startedAt,
      queue: t.queueMs,
      fetch: t.fetchMs,
      compile: t.compileMs,
      run: t.runMs,
      publish: t.publishMs,
      result: t.resultMs,
      push,
    };
    let accounted = 0;
    for (const [phase, value] of Object.entries(parts) as [Exclude<Phase, "other">, number][]) {
      columns[phase].push(value);
      accounted += value;
    }
    // What no phase covers: BullMQ's hand-over to the worker's processor, the judge's own
    // bookkeeping between steps, and the rounding of BullMQ's whole-millisecond stamps.
    columns.other.push(s.latencyMs - accounted);
    overhead.push(s.latencyMs - t.compileMs - t.runMs);
  }
  const perPhase = Object.fromEntries(phases.map((p) => [p, summarize(columns[p])])) as Record<Phase, Summary>;
  return {
    n: timed.length,
    latency: summarize(timed.map((s) => s.latencyMs)),
    phases: perPhase,
    overhead: summarize(overhead),
    accept: summarize(timed.map((s) => s.apiMs)),
  };
}

export function printBreakdown(title: string, rows: { label: string; breakdown: Breakdown }[]): void {
  process.stdout.write(`\n${title}\n`);
  process.stdout.write(`${"".padEnd(16)}${phases.map((p) => p.padStart(9)).join("")}   (p50 per phase, ms)\n`);
  for (const { label, breakdown } of rows) {
    const cells = phases.map((p) => breakdown.phases[p].p50.toFixed(2).padStart(9)).join("");
    process.stdout.write(`${label.padEnd(16)}${cells}\n`);
  }
  process.stdout.write(`${"".padEnd(16)}${phases.map((p) => p.padStart(9)).join("")}   (mean per phase, ms)\n`);
  for (const { label, breakdown } of rows) {
    const cells = phases.map((p) => breakdown.phases[p].mean.toFixed(2).padStart(9)).join("");
    process.stdout.write(`${label.padEnd(16)}${cells}   latency p50 ${ms(breakdown.latency.p50)}\n`);
  }
}
