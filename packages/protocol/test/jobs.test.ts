import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { JudgeJob, JudgeResult, MAX_CODE_BYTES, MAX_RUN_INPUT_BYTES, RunJob, SubmissionJob, utf8Length } from "../src/index.ts";

const hash = "a".repeat(64);
const submissionJob = { v: 1, kind: "submission", submissionId: "s1", language: "cpp", code: "int main(){}", problemId: "p1", testsHash: hash, judging: 2 };
const runJob = { v: 1, kind: "run", submissionId: "r1", language: "python", code: "print(input())", input: "3\n", limits: { timeMs: 1000, memoryKb: 262144 } };

/** A string of `bytes` UTF-8 bytes made of 3-byte characters (plus ASCII padding). */
const utf8Of = (bytes: number) => "€".repeat(Math.floor(bytes / 3)) + "x".repeat(bytes % 3);

describe("utf8Length", () => {
  test("counts UTF-8 bytes, not UTF-16 code units", () => {
    assert.equal(utf8Length(""), 0);
    assert.equal(utf8Length("abc"), 3);
    assert.equal(utf8Length("é"), 2);
    assert.equal(utf8Length("€"), 3);
    assert.equal(utf8Length("😀"), 4); // "😀".length is 2
  });
});

describe("SubmissionJob", () => {
  test("a submission job parses to itself", () => {
    assert.deepEqual(SubmissionJob.parse(submissionJob), submissionJob);
  });

  test("kind defaults to submission, and judging may be absent (jobs enqueued before rejudging)", () => {
    const { kind: _kind, judging: _judging, ...old } = submissionJob;
    const parsed = SubmissionJob.parse(old);
    assert.equal(parsed.kind, "submission");
    assert.equal(parsed.judging, undefined);
  });

  test("code is bounded in bytes: exactly 64 KiB passes, one byte more does not, multibyte text included", () => {
    assert.equal(SubmissionJob.safeParse({ ...submissionJob, code: utf8Of(MAX_CODE_BYTES) }).success, true);
    const over = SubmissionJob.safeParse({ ...submissionJob, code: utf8Of(MAX_CODE_BYTES + 1) });
    assert.equal(over.success, false);
    assert.match(over.error!.issues[0]!.message, /64 KiB/);
    // Fewer than 64 Ki UTF-16 units, more than 64 KiB of UTF-8.
    const euros = "€".repeat(MAX_CODE_BYTES / 2);
    assert.ok(euros.length < MAX_CODE_BYTES);
    assert.equal(SubmissionJob.safeParse({ ...submissionJob, code: euros }).success, false);
  });

  test.each([
    ["another protocol version", { v: 2 }],
    ["a language outside the catalog", { language: "brainfuck" }],
    ["a tests hash that is not a SHA-256 in lowercase hex", { testsHash: "A".repeat(64) }],
    ["a short tests hash", { testsHash: "a".repeat(63) }],
    ["judging 0: judgings count from 1", { judging: 0 }],
    ["a fractional judging", { judging: 1.5 }],
    ["no problem id", { problemId: undefined }],
    ["a submission id with a colon", { submissionId: "s:1" }],
    ["code that is not text", { code: 42 }],
  ])("refuses %s", (_what, change) => {
    assert.equal(SubmissionJob.safeParse({ ...submissionJob, ...change }).success, false);
  });
});

describe("RunJob", () => {
  test("a run job parses to itself; an input of exactly the bound passes, one byte more does not", () => {
    assert.deepEqual(RunJob.parse(runJob), runJob);
    assert.equal(RunJob.safeParse({ ...runJob, input: utf8Of(MAX_RUN_INPUT_BYTES) }).success, true);
    assert.equal(RunJob.safeParse({ ...runJob, input: utf8Of(MAX_RUN_INPUT_BYTES + 1) }).success, false);
  });

  test.each([
    ["no limits", { limits: undefined }],
    ["a time limit under 100 ms", { limits: { timeMs: 99, memoryKb: 262144 } }],
    ["a time limit over 20 s", { limits: { timeMs: 20_001, memoryKb: 262144 } }],
    ["a memory limit under 16 MiB", { limits: { timeMs: 1000, memoryKb: 16 * 1024 - 1 } }],
    ["a memory limit over 2 GiB", { limits: { timeMs: 1000, memoryKb: 2 * 1024 * 1024 + 1 } }],
    ["no input", { input: undefined }],
    ["kind absent: a run must say it is one", { kind: undefined }],
  ])("refuses %s", (_what, change) => {
    assert.equal(RunJob.safeParse({ ...runJob, ...change }).success, false);
  });
});

describe("JudgeJob", () => {
  test("tells a run from a submission, and an old job without kind is a submission", () => {
    assert.equal(JudgeJob.parse(runJob).kind, "run");
    assert.equal(JudgeJob.parse(submissionJob).kind, "submission");
    const { kind: _kind, ...old } = submissionJob;
    assert.equal(JudgeJob.parse(old).kind, "submission");
  });

  test("a run with the fields of neither is refused, as is a job of an unknown kind", () => {
    const { input: _input, ...noInput } = runJob;
    assert.equal(JudgeJob.safeParse(noInput).success, false);
    assert.equal(JudgeJob.safeParse({ ...submissionJob, kind: "rejudge" }).success, false);
    assert.equal(JudgeJob.safeParse({}).success, false);
    assert.equal(JudgeJob.safeParse("s1").success, false);
  });
});

describe("JudgeResult", () => {
  const judged = {
    v: 1,
    submissionId: "s1",
    verdict: "WA",
    passed: 1,
    total: 3,
    timeMs: 20,
    memoryKb: 4000,
    compileOutput: null,
    tests: [
      { index: 1, verdict: "AC", timeMs: 20, memoryKb: 4000 },
      { index: 2, verdict: "WA", timeMs: 10, memoryKb: 3000 },
    ],
    judgedAt: "2025-01-01T00:00:01.000Z",
    workerId: "w1",
    judging: 3,
  };

  test("a result parses to itself, with or without its judging", () => {
    assert.deepEqual(JudgeResult.parse(judged), judged);
    const { judging: _judging, ...old } = judged;
    assert.deepEqual(JudgeResult.parse(old), old);
  });

  test.each([
    ["no worker id", { workerId: undefined }],
    ["a verdict outside the catalog", { verdict: "OK" }],
    ["judging 0", { judging: 0 }],
    ["a test with a negative time", { tests: [{ index: 1, verdict: "AC", timeMs: -1, memoryKb: 0 }] }],
    ["tests missing (an IE result has an empty list, not none)", { tests: undefined }],
    ["another version", { v: 0 }],
  ])("refuses %s", (_what, change) => {
    assert.equal(JudgeResult.safeParse({ ...judged, ...change }).success, false);
  });
});
