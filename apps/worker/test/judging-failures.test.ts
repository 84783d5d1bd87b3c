import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { UnrecoverableError, type Job, type Queue } from "bullmq";
import { createLogger } from "@judge/config";
import type { LiveState, Snapshot } from "@judge/live-state";
import { queuedView, type JudgeResult, type Step, type SubmissionView } from "@judge/protocol";
import type { Judge, JudgeListener, RunListener } from "../src/judge/index.ts";
import { dispatchJobs } from "../src/jobs/job-dispatch.ts";
import { RunJudging } from "../src/jobs/run-judging.ts";
import { SubmissionJudging } from "../src/jobs/submission-judging.ts";
import type { TestBundleCache } from "../src/test-bundle-cache.ts";

/**
 * The glue around the retry/IE decision, with its Redis, sandbox and queue replaced by
 * in-memory stand-ins: what a failing attempt publishes, hands to the results queue and
 * throws back to BullMQ. The decision itself is in failure-policy.test.ts.
 */

const hash = "b".repeat(64);
const submissionData = { v: 1, kind: "submission", submissionId: "s1", language: "python", code: "print(1)", problemId: "p1", testsHash: hash, judging: 2 };
const runData = { v: 1, kind: "run", submissionId: "r1", language: "python", code: "print(1)", input: "", limits: { timeMs: 1000, memoryKb: 65536 } };

const bullJob = (data: unknown, attemptsMade: number, attempts: number) =>
  ({ id: "job", data, attemptsMade, opts: { attempts }, stalledCounter: 0, timestamp: 0, processedOn: 0 }) as unknown as Job;

/** Live state in memory: the steps appended to each submission, from a queued view. */
function memoryLive() {
  const views = new Map<string, SubmissionView>();
  const steps: Step[] = [];
  const live = {
    snapshot: async (id: string): Promise<Snapshot | null> => {
      const view = views.get(id) ?? queuedView({ id, problem: "p", language: "python", createdAt: new Date(0).toISOString() });
      return { ownerId: "u1", seq: steps.length, view };
    },
    append: async (id: string, step: Step, view: SubmissionView) => {
      steps.push(step);
      views.set(id, view);
      return steps.length;
    },
  };
  return { live: live as unknown as LiveState, steps };
}

/** A judge whose sandbox crashes once compiling has been announced. */
const crashingJudge = {
  judge: async (_request: unknown, listener: JudgeListener) => {
    await listener.compiling();
    throw new Error("sandbox crashed");
  },
  run: async (_request: unknown, listener: RunListener) => {
    await listener.compiling();
    throw new Error("sandbox crashed");
  },
} as unknown as Judge;

function harness() {
  const { live, steps } = memoryLive();
  const added: { data: JudgeResult; opts: { jobId?: string } }[] = [];
  const results = { add: async (_name: string, data: JudgeResult, opts: { jobId?: string }) => void added.push({ data, opts }) } as unknown as Queue<JudgeResult>;
  const bundles = { get: async () => ({ hash, limits: runData.limits, checker: { kind: "tokens" }, tests: [{ input: "", output: "1\n" }] }) } as unknown as TestBundleCache;
  const logger = createLogger("test", "silent");
  const runs = new RunJudging({ judge: crashingJudge, bundles, live, logger });
  const submissions = new SubmissionJudging({ judge: crashingJudge, bundles, live, results, workerId: "w1", logger });
  const judging = { process: dispatchJobs({ submission: submissions.process, run: runs.process }, logger) };
  return { judging, steps, added };
}

describe("a submission whose judging throws", () => {
  test("with attempts left: the error goes back to BullMQ, no result is stored and no verdict shown", async () => {
    const { judging, steps, added } = harness();
    await assert.rejects(judging.process(bullJob(submissionData, 0, 3)), /sandbox crashed/);
    assert.deepEqual(added, []);
    assert.deepEqual(
      steps.map((s) => s.kind),
      ["status"],
      "the compiling step only",
    );
  });

  test("on the last attempt: IE with the reason, stored for this judging, then shown", async () => {
    const { judging, steps, added } = harness();
    await judging.process(bullJob(submissionData, 2, 3));
    assert.equal(added.length, 1);
    const [{ data, opts }] = added as [(typeof added)[number]];
    assert.equal(data.verdict, "IE");
    assert.equal(data.compileOutput, "internal error: sandbox crashed");
    assert.equal(data.judging, 2);
    assert.equal(data.submissionId, "s1");
    assert.deepEqual(data.tests, []);
    assert.equal(opts.jobId, "s1-r2");
    const last = steps.at(-1)!;
    assert.equal(last.kind, "verdict");
    assert.equal(last.kind === "verdict" && last.verdict, "IE");
  });

  test("a malformed job is dropped without retries: UnrecoverableError, nothing stored or shown", async () => {
    const { judging, steps, added } = harness();
    const { testsHash: _hash, ...malformed } = submissionData;
    await assert.rejects(judging.process(bullJob(malformed, 0, 3)), UnrecoverableError);
    await assert.rejects(judging.process(bullJob({ ...submissionData, submissionId: "../x" }, 2, 3)), UnrecoverableError);
    assert.deepEqual(added, []);
    assert.deepEqual(steps, []);
  });
});

describe("a run whose judging throws", () => {
  test("with attempts left: the error goes back to BullMQ and no verdict is shown", async () => {
    const { judging, steps } = harness();
    await assert.rejects(judging.process(bullJob(runData, 0, 2)), /sandbox crashed/);
    assert.equal(steps.some((s) => s.kind === "verdict"), false);
  });

  test("on the last attempt: an IE verdict with the reason, and nothing stored (runs are not)", async () => {
    const { judging, steps, added } = harness();
    await judging.process(bullJob(runData, 1, 2));
    const last = steps.at(-1)!;
    assert.equal(last.kind, "verdict");
    if (last.kind !== "verdict") return;
    assert.equal(last.verdict, "IE");
    assert.equal(last.compileOutput, "internal error: sandbox crashed");
    assert.equal(last.passed, 0);
    assert.deepEqual(added, []);
  });
});
