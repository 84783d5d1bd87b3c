import type { Job } from "bullmq";
import type { Logger } from "@judge/config";
import type { LiveState } from "@judge/live-state";
import type { RunJob } from "@judge/protocol";
import type { Judge, RunOutcome } from "../judge/index.ts";
import { decideAfterError, reasonOf } from "./failure-policy.ts";
import { openLiveProgress } from "../live-progress.ts";
import type { TestBundleCache } from "../test-bundle-cache.ts";

export interface RunJudgingDeps {
  judge: Judge;
  /** a function or interactive problem's run fetches its bundle (signature, reference solutions; interactor) */
  bundles: TestBundleCache;
  live: LiveState;
  logger: Logger;
}

/**
 * The Run button's job: compile, run once on the user's input, publish the verdict with
 * what the program printed. Runs are not stored, so the live state is their only record.
 */
export class RunJudging {
  constructor(private readonly deps: RunJudgingDeps) {}

  readonly process = async (job: Job, request: RunJob): Promise<void> => {
    const logger = this.deps.logger.child({ runId: request.submissionId, attempt: job.attemptsMade + 1 });
    const progress = await openLiveProgress(this.deps.live, request.submissionId);
    let outcome: RunOutcome;
    try {
      // A function or interactive problem's run needs its bundle (signature and references, or the interactor).
      const from = request.function ?? request.interactive;
      const bundle = from === undefined ? null : await this.deps.bundles.get(from.problemId, from.testsHash);
      outcome = await this.deps.judge.run(
        {
          language: request.language,
          code: request.code,
          input: request.input,
          limits: request.limits,
          ...(bundle === null ? {} : request.function !== undefined ? { function: { bundle } } : { interactive: { bundle } }),
        },
        {
          compiling: () => progress.publish({ kind: "status", status: "compiling" }),
          running: () => progress.publish({ kind: "status", status: "running", test: 1, total: 1 }),
        },
      );
    } catch (err) {
      if (decideAfterError(err, job) === "retry") {
        logger.warn({ err }, "run failed; BullMQ will retry");
        throw err;
      }
      logger.error({ err }, "run failed on the last attempt; ending as IE");
      outcome = { verdict: "IE", timeMs: null, memoryKb: null, compileOutput: reasonOf(err), output: null };
    }
    await progress.publish({
      kind: "verdict",
      verdict: outcome.verdict,
      passed: outcome.passed ?? (outcome.verdict === "AC" ? 1 : 0),
      total: outcome.total ?? 1,
      timeMs: outcome.timeMs,
      memoryKb: outcome.memoryKb,
      compileOutput: outcome.compileOutput,
      judgedAt: new Date().toISOString(),
      ...(outcome.output ? { output: outcome.output } : {}),
    });
    logger.info({ verdict: outcome.verdict }, "ran");
  };
}
