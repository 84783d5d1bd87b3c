import { z } from "zod";
import { RunOutput, SubmissionId, TestResult, type SubmissionView } from "./submission.ts";
import { Status, Verdict } from "./verdicts.ts";

/**
 * One step of a submission as the worker publishes it. The same JSON, with `seq` added by
 * Redis, is the WebSocket `event` message, so a notifier forwards it without re-encoding.
 */
export const StatusStep = z.object({
  kind: z.literal("status"),
  status: Status,
  /** With status `running`: the test about to run, and how many there are. */
  test: z.number().int().min(1).optional(),
  total: z.number().int().min(0).optional(),
});
export const TestStep = z.object({
  kind: z.literal("test"),
  result: TestResult,
  total: z.number().int().min(0),
  /** A scoring problem: the score of the tests judged so far, and the most it can be. */
  score: z.number().optional(),
  maxScore: z.number().optional(),
});
/**
 * Where one job's time went, as the worker saw it (milliseconds). Optional and additive:
 * for the benchmark's breakdown and for operators; clients may ignore it.
 */
export const JudgeTimings = z.object({
  /** enqueue to a worker taking the job (BullMQ's own timestamps) */
  queueMs: z.number().min(0),
  /** epoch ms when a worker took the job (BullMQ's processedOn) */
  takenAt: z.number().optional(),
  /** live-state snapshot and test data (memory, disk or the API) */
  fetchMs: z.number().min(0),
  /** the sandboxed compile, 0 for interpreted languages or a cached artifact */
  compileMs: z.number().min(0),
  /** the sandboxed runs and checks of every test */
  runMs: z.number().min(0),
  /** publishing the steps before the verdict */
  publishMs: z.number().min(0),
  /** handing the result to the durable results queue */
  resultMs: z.number().min(0),
  /** epoch ms (fractional) when the verdict was handed to Redis */
  publishedAt: z.number(),
});
export type JudgeTimings = z.infer<typeof JudgeTimings>;

export const VerdictStep = z.object({
  kind: z.literal("verdict"),
  verdict: Verdict,
  passed: z.number().int().min(0),
  total: z.number().int().min(0),
  timeMs: z.number().int().min(0).nullable(),
  memoryKb: z.number().int().min(0).nullable(),
  compileOutput: z.string().nullable(),
  judgedAt: z.string(),
  /** Runs only: what the program printed. */
  output: RunOutput.optional(),
  timings: JudgeTimings.optional(),
  /** A scoring problem's score and the most it can be. */
  score: z.number().optional(),
  maxScore: z.number().optional(),
});
export const Step = z.discriminatedUnion("kind", [StatusStep, TestStep, VerdictStep]);
export type Step = z.infer<typeof Step>;

export const EventMessage = z.intersection(
  z.object({
    type: z.literal("event"),
    submissionId: SubmissionId,
    seq: z.number().int().min(1),
  }),
  Step,
);
export type EventMessage = z.infer<typeof EventMessage>;

/** The state after a step: the one reducer that worker, notifier snapshots and browser share. */
export function applyStep(view: SubmissionView, step: Step): SubmissionView {
  switch (step.kind) {
    case "status":
      return {
        ...view,
        status: step.status,
        total: step.total ?? view.total,
        currentTest: step.status === "running" ? (step.test ?? null) : null,
        ...(step.status === "compiling" ? { tests: [], passed: 0, verdict: null, ...(view.score != null ? { score: null } : {}) } : {}),
      };
    case "test": {
      const tests = [...view.tests.filter((t) => t.index !== step.result.index), step.result];
      tests.sort((a, b) => a.index - b.index);
      return {
        ...view,
        status: "running",
        total: step.total,
        tests,
        passed: tests.filter((t) => t.verdict === "AC").length,
        timeMs: Math.max(view.timeMs ?? 0, step.result.timeMs),
        memoryKb: Math.max(view.memoryKb ?? 0, step.result.memoryKb),
        ...(step.score !== undefined ? { score: step.score } : {}),
        ...(step.maxScore !== undefined ? { maxScore: step.maxScore } : {}),
      };
    }
    case "verdict":
      return {
        ...view,
        status: "done",
        currentTest: null,
        verdict: step.verdict,
        passed: step.passed,
        total: step.total,
        timeMs: step.timeMs,
        memoryKb: step.memoryKb,
        compileOutput: step.compileOutput,
        judgedAt: step.judgedAt,
        ...(step.output ? { output: step.output } : {}),
        ...(step.score !== undefined ? { score: step.score } : {}),
        ...(step.maxScore !== undefined ? { maxScore: step.maxScore } : {}),
      };
  }
}
