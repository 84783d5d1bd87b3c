import type { Queue } from "bullmq";
import { jobPriority, type JudgeJob } from "@judge/protocol";
import { ApiError } from "../http/api-error.ts";
import type { PendingSubmissions } from "./pending-submissions.ts";
import type { RunsInFlight } from "./runs-in-flight.ts";

export interface AdmissionLimits {
  /** New submissions get 503 while more judge jobs than this wait. */
  maxQueueDepth: number;
  /** Submissions plus runs of one user still being judged (made in the last hour) before 429. */
  maxPendingPerUser: number;
}

/** Only recent rows and runs count as in flight, so the count scans a bounded slice of the index. */
export const PENDING_WINDOW_MS = 3600_000;

/** What admission returns: the BullMQ priority a submission gets (runs keep their own, interactive one). */
export interface Admitted {
  priority: number;
}

/**
 * The one intake check of the judge queue: decides whether a new submission or run may enter
 * it, and at which priority. Both share one queue, so both share its bounds: a run counts
 * toward a user's pending cap like a submission, and both are refused when the queue is full.
 * Backpressure: a queue deeper than the bound answers 503 instead of growing Redis.
 * Fairness (as DMOJ and Hydro do): each pending submission of the same user lowers the next
 * one's priority by a step, staying above rejudges, so one user's burst does not delay others.
 */
export class Admission {
  constructor(
    private readonly submissions: PendingSubmissions,
    private readonly judgeQueue: Queue<JudgeJob>,
    private readonly runs: RunsInFlight,
    private readonly limits: AdmissionLimits,
  ) {}

  /**
   * Jobs waiting for a worker (BullMQ keeps prioritized jobs apart from `waiting`). Read fresh
   * each time: one Redis round trip, and a bound that holds exactly under a burst.
   */
  async queueDepth(): Promise<number> {
    const c = await this.judgeQueue.getJobCounts("waiting", "prioritized", "delayed");
    return (c.waiting ?? 0) + (c.prioritized ?? 0) + (c.delayed ?? 0);
  }

  async admit(userId: string, now = Date.now()): Promise<Admitted> {
    const [depth, submissions, runs] = await Promise.all([
      this.queueDepth(),
      this.submissions.count(userId, now),
      this.runs.count(userId, now),
    ]);
    if (depth >= this.limits.maxQueueDepth) {
      throw new ApiError("UNAVAILABLE", "the judge is busy, try again shortly", undefined, 5);
    }
    let pending = submissions + runs;
    // The Redis count may be high (pending-submissions.ts); the rows decide a refusal.
    if (pending >= this.limits.maxPendingPerUser) pending = (await this.submissions.rebuild(userId, now)) + runs;
    if (pending >= this.limits.maxPendingPerUser) {
      throw new ApiError("RATE_LIMITED", `you have ${pending} submissions and runs being judged; wait for some to finish`,
        undefined,
        5,
      );
    }
    const steps = jobPriority.rejudge - jobPriority.submission - 1;
    return { priority: jobPriority.submission + Math.min(pending, steps) };
  }
}
