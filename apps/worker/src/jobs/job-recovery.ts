import type { Job } from "bullmq";
import type { Snapshot } from "@judge/live-state";

/**
 * What a judge job that may have run before should do now. BullMQ re-delivers a job whose
 * worker died (stalled-job recovery), and a job may be delivered twice; the submission's
 * live state says whether a verdict was already published, and the verdict is published
 * only after the result is on the durable results queue, so "final" means nothing is owed.
 */
export type Recovery =
  | { kind: "judge" }
  | { kind: "already-final" }
  /** The job stalled so often (each time a worker died under it) that it is a poison pill. */
  | { kind: "give-up"; reason: string };

export function decideRecovery(job: Pick<Job, "stalledCounter">, snapshot: Pick<Snapshot, "view"> | null, maxStalls: number): Recovery {
  if (snapshot?.view.status === "done") return { kind: "already-final" };
  if (job.stalledCounter >= maxStalls) {
    return { kind: "give-up", reason: `judging stopped ${job.stalledCounter} times (the worker died each time)` };
  }
  return { kind: "judge" };
}
