import type { Job } from "bullmq";
import type { SandboxError } from "../sandbox/errors.ts";
import type { BundleFetchError } from "../test-bundle-cache.ts";
import type { ProgramShapeError } from "../judge/program-layout.ts";

/**
 * Why an attempt at a judge job ended without a verdict. `malformed-job`: the payload does
 * not parse, and every attempt would read the same bytes. `judge-error`: the judge threw (a
 * crashed sandbox, the API unreachable for test data, Redis away). A compile error or a
 * wrong answer is a verdict, not a failure.
 */
export const attemptFailures = ["malformed-job", "judge-error"] as const;
export type AttemptFailure = (typeof attemptFailures)[number];

/** A job whose payload does not parse as a JudgeJob (packages/protocol). */
export class MalformedJobError extends Error {
  readonly code = "MALFORMED_JOB" as const;

  constructor(message: string) {
    super(message);
    this.name = "MalformedJobError";
  }
}

/** The typed errors a job can end on, by their `code`. */
type KnownFailureCode = MalformedJobError["code"] | SandboxError["code"] | BundleFetchError["code"] | ProgramShapeError["code"];

/**
 * Which kind of failure each error code is. A `Record`, so a new typed error the job may throw
 * does not compile until it is placed here; anything without a known code (a TypeError, Redis
 * away) is a judge error, like the sandbox's own.
 */
const failureByCode: Record<KnownFailureCode, AttemptFailure> = {
  MALFORMED_JOB: "malformed-job",
  // The box broke: another attempt (maybe on another worker) usually judges it.
  SANDBOX: "judge-error",
  // The API was unreachable or answered badly: it may be back for the next attempt.
  BUNDLE_FETCH: "judge-error",
  // A program the judge itself laid out wrongly; the last attempt still gives the submission an IE.
  PROGRAM_SHAPE: "judge-error",
};

/** The kind of failure a thrown value is, read from its `code`. */
export function failureOf(err: unknown): AttemptFailure {
  const code = typeof err === "object" && err !== null && "code" in err ? (err as { code: unknown }).code : undefined;
  return typeof code === "string" && Object.hasOwn(failureByCode, code) ? failureByCode[code as KnownFailureCode] : "judge-error";
}

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

/** The decision for a thrown error: its code says the kind of failure (failureOf). */
export function decideAfterError(err: unknown, job: AttemptCount): AfterFailure {
  return decideAfterFailure(failureOf(err), job);
}

/** The IE verdict's compile output: what went wrong, bounded like any compiler output. */
export function reasonOf(err: unknown): string {
  return `internal error: ${err instanceof Error ? err.message : String(err)}`.slice(0, 2000);
}
