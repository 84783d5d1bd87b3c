import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { SubmissionId, SubmissionPage, SubmissionView, TestResult, queuedView } from "../src/index.ts";

const made = { id: "s1", problem: "a-plus-b", language: "python", createdAt: "2025-01-01T00:00:00.000Z" } as const;

describe("queuedView", () => {
  test("a just-made submission is queued with nothing judged, and is a valid view", () => {
    const view = queuedView(made);
    assert.deepEqual(SubmissionView.parse(view), view);
    assert.equal(view.status, "queued");
    assert.equal(view.verdict, null);
    assert.equal(view.passed, 0);
    assert.equal(view.total, 0);
    assert.equal(view.timeMs, null);
    assert.equal(view.memoryKb, null);
    assert.deepEqual(view.tests, []);
    assert.equal(view.judgedAt, null);
    assert.equal(view.id, "s1");
    assert.equal(view.createdAt, made.createdAt);
  });

  test("what the caller adds (a run's kind, the owner's code) is kept", () => {
    const run = queuedView({ ...made, kind: "run", code: "print(1)" });
    assert.equal(run.kind, "run");
    assert.equal(run.code, "print(1)");
    assert.equal(run.status, "queued");
    assert.equal(SubmissionView.safeParse(run).success, true);
  });
});

describe("SubmissionView", () => {
  const judged = {
    ...queuedView(made),
    status: "done",
    verdict: "AC",
    passed: 1,
    total: 1,
    timeMs: 4,
    memoryKb: 1024,
    tests: [{ index: 1, verdict: "AC", timeMs: 4, memoryKb: 1024 }],
    judgedAt: "2025-01-01T00:00:01.000Z",
    stats: { fasterThan: 0.5, lessMemoryThan: 1, acceptedInLanguage: 3 },
  };

  test("a judged submission with its stats parses to itself", () => {
    assert.deepEqual(SubmissionView.parse(judged), judged);
  });

  test.each([
    ["a language the judge does not know", { language: "cobol" }],
    ["a verdict outside the catalog", { verdict: "PE" }],
    ["a status outside the catalog", { status: "judging" }],
    ["a missing verdict: not judged is null, not absent", { verdict: undefined }],
    ["a fractional time", { timeMs: 4.5 }],
    ["a current test of 0", { currentTest: 0 }],
    ["a share above 1 in the stats", { stats: { fasterThan: 1.5, lessMemoryThan: 1, acceptedInLanguage: 3 } }],
    ["a kind other than submission or run", { kind: "contest" }],
  ])("refuses %s", (_what, change) => {
    assert.equal(SubmissionView.safeParse({ ...judged, ...change }).success, false);
  });

  test("a page holds views and a cursor that is null on the last page", () => {
    assert.equal(SubmissionPage.safeParse({ items: [judged], nextCursor: null }).success, true);
    assert.equal(SubmissionPage.safeParse({ items: [judged], nextCursor: "abc" }).success, true);
    assert.equal(SubmissionPage.safeParse({ items: [judged] }).success, false);
    assert.equal(SubmissionPage.safeParse({ items: [{ ...judged, id: "" }], nextCursor: null }).success, false);
  });
});

describe("SubmissionId and TestResult", () => {
  test("ids are 1 to 64 letters, digits, '_' and '-': safe in Redis keys, URLs and file names", () => {
    for (const id of ["a", "cm7x0abc123", "run_1-2", "x".repeat(64)]) assert.equal(SubmissionId.safeParse(id).success, true, id);
    for (const id of ["", "x".repeat(65), "a b", "a/b", "a:b", "a.b", "é", "a\n"]) assert.equal(SubmissionId.safeParse(id).success, false, JSON.stringify(id));
  });

  test("a test result is a 1-based index, a verdict and whole non-negative ms and KiB", () => {
    assert.equal(TestResult.safeParse({ index: 1, verdict: "MLE", timeMs: 0, memoryKb: 0 }).success, true);
    assert.equal(TestResult.safeParse({ index: 1, verdict: "MLE", timeMs: 0 }).success, false);
    assert.equal(TestResult.safeParse({ index: 1, verdict: "MLE", timeMs: "0", memoryKb: 0 }).success, false);
    assert.equal(TestResult.safeParse({ index: 1.5, verdict: "AC", timeMs: 0, memoryKb: 0 }).success, false);
  });
});
