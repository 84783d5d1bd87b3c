import type { Job } from "bullmq";

/**
 * Why an attempt at a judge job ended without a verdict. `malformed-job`: the payload does
 * not parse, and every attempt would read the same bytes. `judge-error`: the judge threw (a
 * crashed sandbox, the API unreachable for test data, Redis away). A compile error or a
 * wrong answer is a verdict, not a failure.
 */
export const attemptFailures = ["malformed-job", "judge-error"] as const;
export type AttemptFailure = (typeof attemptFailures)[number];

/** What the worker does about it. */
export type AfterFailure =
  /** Rethrow: BullMQ runs the job again (after its backoff). */
  | "retry"
  /** Publish and record IE with the reason: the submission still gets one final verdict. */
  | "end-as-IE"
  /**
   * `UnrecoverableError`: BullMQ fails the job at once, without retries. Only for a job with
   * no trustworthy submission id to give an IE verdict to.
   */
  | "drop";

type AttemptPosition = "attempts-left" | "last-attempt";

/**
 * The one decision of retry or fail. A `Record` on both axes, so a new kind of failure does
 * not compile until it says what happens on an early and on the last attempt.
 */
const afterFailure: Record<AttemptFailure, Record<AttemptPosition, AfterFailure>> = {
  // Retrying cannot fix a payload; and its id cannot be trusted to hold a verdict.
  "malformed-job": { "attempts-left": "drop", "last-attempt": "drop" },
  // Most judge errors pass (a worker restarting, Redis failing over); the last one must not
  // leave the submission without a verdict.
  "judge-error": { "attempts-left": "retry", "last-attempt": "end-as-IE" },
};

/** BullMQ's attempt counters: `attemptsMade` counts the attempts already over, not this one. */
export type AttemptCount = Pick<Job, "attemptsMade" | "opts">;

/** Whether this attempt is the job's last: a failure now ends it as IE instead of a retry. */
export function isLastAttempt(job: AttemptCount): boolean {
  // A job added without `attempts` gets one (BullMQ's default).
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

export function decideAfterFailure(failure: AttemptFailure, job: AttemptCount): AfterFailure {
  return afterFailure[failure][isLastAttempt(job) ? "last-attempt" : "attempts-left"];
}

/** The IE verdict's compile output: what went wrong, bounded like any compiler output. */
export function reasonOf(err: unknown): string {
  return `internal error: ${err instanceof Error ? err.message : String(err)}`.slice(0, 2000);
}
