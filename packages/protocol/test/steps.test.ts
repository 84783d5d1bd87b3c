import assert from "node:assert/strict";
import { describe, test } from "vitest";
import fc from "fast-check";
import { EventMessage, Step, applyStep, queuedView, type SubmissionView, type TestResult, type Verdict } from "../src/index.ts";

const fresh = (): SubmissionView =>
  queuedView({ id: "s1", problem: "a-plus-b", language: "cpp", createdAt: "2025-01-01T00:00:00.000Z" });
const result = (index: number, verdict: Verdict, timeMs = 10, memoryKb = 1000): TestResult => ({ index, verdict, timeMs, memoryKb });
const verdict = (over: Partial<Extract<Step, { kind: "verdict" }>> = {}): Step => ({
  kind: "verdict",
  verdict: "AC",
  passed: 2,
  total: 2,
  timeMs: 12,
  memoryKb: 3000,
  compileOutput: null,
  judgedAt: "2025-01-01T00:00:02.000Z",
  ...over,
});
const replay = (steps: Step[], from = fresh()) => steps.reduce(applyStep, from);

describe("Step", () => {
  test("each kind parses to itself", () => {
    const steps: Step[] = [
      { kind: "status", status: "compiling" },
      { kind: "status", status: "running", test: 1, total: 5 },
      { kind: "test", result: result(1, "TLE", 2000, 512), total: 5 },
      verdict(),
      verdict({ output: { stdout: "3\n", stderr: "", exitCode: 0, truncated: false } }),
      verdict({
        timings: { queueMs: 1, fetchMs: 0, compileMs: 300.5, runMs: 12, publishMs: 0.2, resultMs: 0.4, publishedAt: 1.7e12 },
      }),
    ];
    for (const step of steps) assert.deepEqual(Step.parse(step), step);
  });

  test.each([
    ["a status step with a status no submission has", { kind: "status", status: "paused" }],
    ["test 0: tests count from 1", { kind: "status", status: "running", test: 0, total: 1 }],
    ["a negative total", { kind: "status", status: "running", test: 1, total: -1 }],
    ["a test step without its total", { kind: "test", result: result(1, "AC") }],
    ["a test result at index 0", { kind: "test", result: result(0, "AC"), total: 1 }],
    ["a test result with a verdict outside the catalog", { kind: "test", result: { ...result(1, "AC"), verdict: "PE" }, total: 1 }],
    ["a fractional time", { kind: "test", result: result(1, "AC", 1.5), total: 1 }],
    ["a negative memory", { kind: "test", result: result(1, "AC", 1, -1), total: 1 }],
    ["a verdict without judgedAt", { ...verdict(), judgedAt: undefined }],
    ["a verdict without compileOutput (null is required, not absence)", { ...verdict(), compileOutput: undefined }],
    ["a verdict with passed below 0", verdict({ passed: -1 })],
    ["a verdict whose output has no exit code field", verdict({ output: { stdout: "", stderr: "", truncated: false } as never })],
    ["timings with a negative phase", verdict({ timings: { queueMs: 0, fetchMs: 0, compileMs: -1, runMs: 0, publishMs: 0, resultMs: 0, publishedAt: 1 } })],
    ["an unknown kind", { kind: "progress", percent: 50 }],
  ])("refuses %s", (_what, step) => {
    assert.equal(Step.safeParse(step).success, false);
  });

  test("an event message is a step with the submission id and a seq from 1", () => {
    const message = { type: "event", submissionId: "s1", seq: 7, kind: "status", status: "running", test: 2, total: 3 };
    assert.deepEqual(EventMessage.parse(message), message);
    assert.equal(EventMessage.safeParse({ ...message, seq: 0 }).success, false);
    assert.equal(EventMessage.safeParse({ ...message, seq: 2.5 }).success, false);
    assert.equal(EventMessage.safeParse({ ...message, submissionId: "a b" }).success, false);
    assert.equal(EventMessage.safeParse({ ...message, status: "later" }).success, false);
  });
});

describe("applyStep", () => {
  test("a whole judging: compiling, each test announced and judged, then the verdict", () => {
    const compiling = applyStep(fresh(), { kind: "status", status: "compiling" });
    assert.equal(compiling.status, "compiling");
    assert.equal(compiling.currentTest, null);

    const running1 = applyStep(compiling, { kind: "status", status: "running", test: 1, total: 3 });
    assert.equal(running1.status, "running");
    assert.equal(running1.currentTest, 1);
    assert.equal(running1.total, 3);

    const tested1 = applyStep(running1, { kind: "test", result: result(1, "AC", 15, 2000), total: 3 });
    const running2 = applyStep(tested1, { kind: "status", status: "running", test: 2, total: 3 });
    const tested2 = applyStep(running2, { kind: "test", result: result(2, "WA", 9, 2500), total: 3 });
    assert.equal(running2.currentTest, 2);
    assert.deepEqual(
      tested2.tests.map((t) => [t.index, t.verdict]),
      [
        [1, "AC"],
        [2, "WA"],
      ],
    );
    assert.equal(tested2.passed, 1);
    // Time and memory are the worst over the tests so far, not the last test's.
    assert.equal(tested2.timeMs, 15);
    assert.equal(tested2.memoryKb, 2500);
    assert.equal(tested2.verdict, null);
    assert.equal(tested2.judgedAt, null);

    const done = applyStep(tested2, verdict({ verdict: "WA", passed: 1, total: 3, timeMs: 15, memoryKb: 2500 }));
    assert.equal(done.status, "done");
    assert.equal(done.verdict, "WA");
    assert.equal(done.currentTest, null);
    assert.equal(done.judgedAt, "2025-01-01T00:00:02.000Z");
    assert.equal(done.passed, 1);
    assert.equal(done.total, 3);
    assert.equal(done.tests.length, 2, "the verdict keeps the tests the steps brought");
  });

  test("the view never loses the submission's identity", () => {
    const done = replay([{ kind: "status", status: "compiling" }, { kind: "test", result: result(1, "AC"), total: 1 }, verdict()]);
    assert.equal(done.id, "s1");
    assert.equal(done.problem, "a-plus-b");
    assert.equal(done.language, "cpp");
    assert.equal(done.createdAt, "2025-01-01T00:00:00.000Z");
  });

  test("the input view is not changed: a notifier may hold it as the last snapshot", () => {
    const before = replay([{ kind: "status", status: "running", test: 1, total: 2 }]);
    const copy = structuredClone(before);
    applyStep(before, { kind: "test", result: result(1, "AC"), total: 2 });
    applyStep(before, verdict());
    assert.deepEqual(before, copy);
  });

  test("compiling again (a retried attempt) clears the earlier attempt's tests, passes and verdict", () => {
    const earlier = replay([
      { kind: "status", status: "running", test: 2, total: 2 },
      { kind: "test", result: result(1, "AC"), total: 2 },
      { kind: "test", result: result(2, "AC"), total: 2 },
    ]);
    assert.equal(earlier.passed, 2);
    const retried = applyStep(earlier, { kind: "status", status: "compiling" });
    assert.deepEqual(retried.tests, []);
    assert.equal(retried.passed, 0);
    assert.equal(retried.verdict, null);
    assert.equal(retried.currentTest, null);
  });

  test("a status other than compiling keeps the tests, and only `running` has a current test", () => {
    const tested = replay([
      { kind: "status", status: "running", test: 1, total: 2 },
      { kind: "test", result: result(1, "AC"), total: 2 },
    ]);
    const running = applyStep(tested, { kind: "status", status: "running", test: 2 });
    assert.equal(running.tests.length, 1);
    assert.equal(running.total, 2, "a status without total keeps the known total");
    assert.equal(running.currentTest, 2);
    assert.equal(applyStep(tested, { kind: "status", status: "running" }).currentTest, null);
    assert.equal(applyStep(running, { kind: "status", status: "queued" }).currentTest, null);
  });

  test("a test delivered twice counts once; tests stay in index order whatever order they arrive in", () => {
    const view = replay([
      { kind: "test", result: result(3, "AC"), total: 3 },
      { kind: "test", result: result(1, "WA", 50), total: 3 },
      { kind: "test", result: result(1, "AC", 5), total: 3 },
      { kind: "test", result: result(2, "AC"), total: 3 },
      { kind: "test", result: result(2, "AC"), total: 3 },
    ]);
    assert.deepEqual(
      view.tests.map((t) => [t.index, t.verdict]),
      [
        [1, "AC"],
        [2, "AC"],
        [3, "AC"],
      ],
    );
    assert.equal(view.passed, 3);
    assert.equal(view.status, "running", "a test result means the submission is running");
  });

  test("the verdict's figures are the judge's own, replacing what the steps added up to", () => {
    const tested = replay([
      { kind: "test", result: result(1, "AC", 40, 9000), total: 2 },
      { kind: "test", result: result(2, "AC", 30, 8000), total: 2 },
    ]);
    const done = applyStep(tested, verdict({ verdict: "AC", passed: 2, total: 2, timeMs: 41, memoryKb: 9100 }));
    assert.equal(done.timeMs, 41);
    assert.equal(done.memoryKb, 9100);
    // A compile error: no tests ran; the figures are nulls and the compiler's message.
    const ce = replay([{ kind: "status", status: "compiling" }, verdict({ verdict: "CE", passed: 0, total: 0, timeMs: null, memoryKb: null, compileOutput: "error: x" })]);
    assert.equal(ce.verdict, "CE");
    assert.equal(ce.timeMs, null);
    assert.equal(ce.memoryKb, null);
    assert.equal(ce.compileOutput, "error: x");
    assert.equal(ce.total, 0);
  });

  test("a run's verdict carries what the program printed; a submission's verdict leaves output alone", () => {
    const output = { stdout: "hi\n", stderr: "warn\n", exitCode: 0, truncated: false };
    const run = applyStep({ ...fresh(), kind: "run" }, verdict({ passed: 1, total: 1, output }));
    assert.deepEqual(run.output, output);
    const submission = applyStep(fresh(), verdict());
    assert.equal("output" in submission, false);
  });

  test("any order of test results adds up to one entry per index, passed = distinct accepted indexes, the worst time and memory", () => {
    const arbitraryResult = fc.record({
      index: fc.integer({ min: 1, max: 6 }),
      verdict: fc.constantFrom<Verdict>("AC", "WA", "TLE", "RE"),
      timeMs: fc.integer({ min: 0, max: 5000 }),
      memoryKb: fc.integer({ min: 0, max: 1 << 20 }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryResult, { minLength: 1, maxLength: 20 }), (results) => {
        const view = replay(results.map((r) => ({ kind: "test", result: r, total: 6 })));
        const lastByIndex = new Map(results.map((r) => [r.index, r]));
        assert.deepEqual(
          view.tests,
          [...lastByIndex.values()].sort((a, b) => a.index - b.index),
        );
        assert.equal(view.passed, [...lastByIndex.values()].filter((r) => r.verdict === "AC").length);
        assert.equal(view.timeMs, Math.max(...results.map((r) => r.timeMs)));
        assert.equal(view.memoryKb, Math.max(...results.map((r) => r.memoryKb)));
      }),
      { numRuns: 200 },
    );
  });
});

describe("applyStep on a scoring problem", () => {
  test("the score so far follows the test steps, the verdict's is final, compiling again clears it; unscored steps add none", () => {
    const running = replay([
      { kind: "status", status: "running", test: 1, total: 3 },
      { kind: "test", result: { ...result(1, "AC"), group: "sample" }, total: 3, score: 0, maxScore: 100 },
      { kind: "test", result: { ...result(2, "AC"), group: "secret/a" }, total: 3, score: 30, maxScore: 100 },
    ]);
    assert.deepEqual([running.score, running.maxScore, running.tests[1]?.group], [30, 100, "secret/a"]);
    const done = applyStep(running, verdict({ score: 30, maxScore: 100, passed: 2, total: 3 }));
    assert.deepEqual([done.status, done.score, done.maxScore], ["done", 30, 100]);
    assert.equal(applyStep(done, { kind: "status", status: "compiling" }).score, null);
    const plain = replay([{ kind: "test", result: result(1, "AC"), total: 1 }, verdict()]);
    assert.equal("score" in plain, false);
    assert.equal("maxScore" in plain, false);
  });
});
