import type { Job, Queue } from "bullmq";
import type { Logger } from "@judge/config";
import type { LiveState } from "@judge/live-state";
import type { JudgeResult, SubmissionJob } from "@judge/protocol";
import type { Judge, JudgeOutcome } from "../judge/index.ts";
import { JobTimings } from "./job-timings.ts";
import { OrderedSteps } from "../ordered-steps.ts";
import { decideRecovery } from "./job-recovery.ts";
import { decideAfterError, reasonOf } from "./failure-policy.ts";
import { liveProgressFrom, type LiveProgress } from "../live-progress.ts";
import type { TestBundleCache } from "../test-bundle-cache.ts";

export interface SubmissionJudgingDeps {
  judge: Judge;
  bundles: TestBundleCache;
  live: LiveState;
  results: Queue<JudgeResult>;
  workerId: string;
  logger: Logger;
  /** A job that stalled this often (its worker died each time) ends as IE instead of a new attempt. */
  maxStalls?: number;
}

/**
 * One submission's judge job (dispatched by job-dispatch.ts): publish every step with its seq, hand the final result to the durable
 * results queue, then publish the verdict. Errors of the judge's own making are retried by
 * BullMQ; after the last attempt the submission ends as IE with the reason, never silently.
 */
export class SubmissionJudging {
  constructor(private readonly deps: SubmissionJudgingDeps) {}

  readonly process = async (job: Job, request: SubmissionJob): Promise<void> => {
    const timings = new JobTimings(job);
    const logger = this.deps.logger.child({ submissionId: request.submissionId, attempt: job.attemptsMade + 1 });
    // One read of the live state serves the recovery decision and the progress to publish.
    const snapshot = await this.deps.live.snapshot(request.submissionId);
    const recovery = decideRecovery(job, snapshot, this.deps.maxStalls ?? 2);
    if (recovery.kind === "already-final") {
      logger.info("already judged (a re-delivered job); nothing to do");
      return;
    }
    const progress = liveProgressFrom(this.deps.live, request.submissionId, snapshot?.view ?? null);
    if (recovery.kind === "give-up") {
      logger.error({ reason: recovery.reason }, "ending as IE");
      await this.finish(request, internalError(new Error(recovery.reason)), progress);
      return;
    }

    // Steps go out in order while the judge works on, instead of a Redis round trip each.
    const steps = new OrderedSteps((step) => progress.publish(step));
    let outcome: JudgeOutcome;
    try {
      const bundle = await this.deps.bundles.get(request.problemId, request.testsHash);
      timings.fetched();
      outcome = await this.deps.judge.judge(
        { language: request.language, code: request.code, ...(request.files ? { files: request.files } : {}), bundle },
        {
          compiling: () => {
            timings.compiling();
            return steps.push({ kind: "status", status: "compiling" });
          },
          running: (test, total) => {
            timings.running();
            return steps.push({ kind: "status", status: "running", test, total });
          },
          tested: (result, total, score) => steps.push({ kind: "test", result, total, ...score }),
        },
      );
      timings.judged();
      // The verdict comes after every step; a failed step fails the attempt as before.
      await timings.publishing(steps.drain());
    } catch (err) {
      // Let the steps in flight land first, so nothing follows the IE verdict or a retry's start.
      await steps.drain().catch(() => {});
      if (decideAfterError(err, job) === "retry") {
        logger.warn({ err }, "judging failed; BullMQ will retry");
        throw err;
      }
      logger.error({ err }, "judging failed on the last attempt; ending as IE");
      outcome = internalError(err);
    }
    await this.finish(request, outcome, progress, timings);
    logger.info({ verdict: outcome.verdict, passed: outcome.passed, total: outcome.total }, "judged");
  };

  private async finish(request: SubmissionJob, outcome: JudgeOutcome, progress: LiveProgress, timings?: JobTimings): Promise<void> {
    const { submissionId, judging } = request;
    const judgedAt = new Date().toISOString();
    const result: JudgeResult = {
      v: 1,
      submissionId,
      ...(judging !== undefined ? { judging } : {}),
      ...outcome,
      judgedAt,
      workerId: this.deps.workerId,
    };
    // Durable first: once the result is queued for the database, the verdict may be shown.
    // One result job per judging: a rejudge's result is not mistaken for the first one's.
    const queued = this.deps.results.add("result", result, {
      jobId: `${submissionId}-r${judging ?? 1}`,
      attempts: 20,
      backoff: { type: "exponential", delay: 1000 },
      removeOnComplete: true,
      removeOnFail: false,
    });
    await (timings ? timings.resulting(queued) : queued);
    // The failing case is its owner's alone: stored with the result, never in the public steps.
    const { tests: _tests, failure: _failure, ...verdict } = outcome;
    await progress.publish({ kind: "verdict", ...verdict, judgedAt, ...(timings ? { timings: timings.snapshot() } : {}) });
  }
}

function internalError(err: unknown): JudgeOutcome {
  return { verdict: "IE", passed: 0, total: 0, timeMs: null, memoryKb: null, compileOutput: reasonOf(err), tests: [] };
}
