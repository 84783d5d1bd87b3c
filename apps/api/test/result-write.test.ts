import assert from "node:assert/strict";
import { describe, test } from "vitest";
import type { JudgeResult, Status, TestResult } from "@judge/protocol";
import { judgedColumnsOf, openJudgingOf, testRowsOf } from "../src/results/result-write.ts";

/** The columns of a submission row the guard looks at, and what a stored result writes. */
interface Row {
  id: string;
  status: Status;
  judging: number;
  [column: string]: unknown;
}

/**
 * Prisma's meaning of the where-clause forms the guard uses: a value is equality, `{ not }`
 * is inequality, `undefined` is no filter. Any other form fails the test loudly rather than
 * being guessed at.
 */
function selects(where: object, row: Row): boolean {
  return Object.entries(where).every(([column, condition]) => {
    if (condition === undefined) return true;
    if (condition !== null && typeof condition === "object" && !(condition instanceof Date)) {
      if (Object.keys(condition).length === 1 && "not" in condition) return row[column] !== condition.not;
      throw new Error(`this test does not know the filter ${column}: ${JSON.stringify(condition)}`);
    }
    return row[column] === condition;
  });
}

/** One delivery, as the transaction applies it to an in-memory table: the row updated or not. */
function deliver(rows: Row[], tests: Map<string, TestResult[]>, result: JudgeResult): boolean {
  const hit = rows.filter((row) => selects(openJudgingOf(result), row));
  for (const row of hit) Object.assign(row, judgedColumnsOf(result));
  if (hit.length === 0) return false;
  tests.set(result.submissionId, testRowsOf(result).map(({ submissionId: _id, ...t }) => t as TestResult));
  return true;
}

const result = (over: Partial<JudgeResult> = {}): JudgeResult => ({
  v: 1,
  submissionId: "s1",
  verdict: "WA",
  passed: 1,
  total: 2,
  timeMs: 31,
  memoryKb: 2048,
  compileOutput: null,
  tests: [
    { index: 1, verdict: "AC", timeMs: 31, memoryKb: 2048 },
    { index: 2, verdict: "WA", timeMs: 12, memoryKb: 1024 },
  ],
  judgedAt: "2025-03-04T05:06:07.089Z",
  workerId: "w1",
  judging: 1,
  ...over,
});
const row = (status: Status, judging: number, id = "s1"): Row => ({ id, status, judging });

describe("openJudgingOf: does a delivered result apply to the row?", () => {
  const table: [string, Row, JudgeResult, boolean][] = [
    ["queued, same judging", row("queued", 1), result(), true],
    ["compiling, same judging", row("compiling", 1), result(), true],
    ["running, same judging", row("running", 1), result(), true],
    ["a rejudge's own result", row("queued", 2), result({ judging: 2 }), true],
    ["already done: a second delivery of the same result", row("done", 1), result(), false],
    ["rejudged since: a late result of the earlier judging", row("queued", 2), result({ judging: 1 }), false],
    ["rejudged and done: the earlier judging's late result", row("done", 2), result({ judging: 1 }), false],
    ["a result ahead of the row's judging", row("running", 1), result({ judging: 2 }), false],
    ["no judging (an older worker), row open", row("running", 3), result({ judging: undefined }), true],
    ["no judging (an older worker), row done", row("done", 3), result({ judging: undefined }), false],
    ["another submission", row("queued", 1, "s2"), result(), false],
  ];
  test.each(table)("%s", (_what, target, delivered, applies) => {
    assert.equal(selects(openJudgingOf(delivered), target), applies);
  });
});

describe("a submission's deliveries, in order", () => {
  test("stored once per judging: duplicates and a late earlier judging change nothing", () => {
    const rows = [row("running", 1)];
    const tests = new Map<string, TestResult[]>();
    assert.equal(deliver(rows, tests, result()), true);
    assert.equal(rows[0]!.verdict, "WA");
    assert.equal(deliver(rows, tests, result({ verdict: "AC", passed: 2 })), false, "a re-run of judging 1");
    assert.equal(rows[0]!.verdict, "WA");

    // A rejudge reopens the row on judging 2.
    Object.assign(rows[0]!, { status: "queued", judging: 2 });
    assert.equal(deliver(rows, tests, result({ verdict: "TLE" })), false, "judging 1's result, late");
    const rejudged = result({ judging: 2, verdict: "AC", passed: 1, total: 1, tests: [{ index: 1, verdict: "AC", timeMs: 9, memoryKb: 900 }] });
    assert.equal(deliver(rows, tests, rejudged), true);
    assert.equal(rows[0]!.verdict, "AC");
    assert.equal(rows[0]!.status, "done");
    assert.deepEqual(tests.get("s1"), [{ index: 1, verdict: "AC", timeMs: 9, memoryKb: 900 }], "the rejudge's tests replace the first judging's");
    assert.equal(deliver(rows, tests, rejudged), false, "and a second delivery of it is dropped");
  });
});

describe("judgedColumnsOf and testRowsOf", () => {
  test("the row becomes done with the result's figures and the instant it was judged", () => {
    const columns = judgedColumnsOf(result());
    assert.equal(columns.status, "done");
    assert.equal(columns.verdict, "WA");
    assert.equal(columns.passed, 1);
    assert.equal(columns.total, 2);
    assert.equal(columns.timeMs, 31);
    assert.equal(columns.memoryKb, 2048);
    assert.equal(columns.compileOutput, null);
    assert.ok(columns.judgedAt instanceof Date);
    assert.equal((columns.judgedAt as Date).getTime(), Date.UTC(2025, 2, 4, 5, 6, 7, 89));
  });

  test("nothing of the delivery's bookkeeping lands in the row: not the worker, not the judging", () => {
    const columns = judgedColumnsOf(result({ judging: 7 }));
    assert.equal("workerId" in columns, false);
    assert.equal("judging" in columns, false, "the row's judging moves only on a rejudge");
    assert.equal("id" in columns, false);
  });

  test("a compile error keeps its message and null figures", () => {
    const columns = judgedColumnsOf(result({ verdict: "CE", passed: 0, total: 0, timeMs: null, memoryKb: null, compileOutput: "a.c:1: error", tests: [] }));
    assert.equal(columns.compileOutput, "a.c:1: error");
    assert.equal(columns.timeMs, null);
    assert.equal(columns.memoryKb, null);
    assert.deepEqual(testRowsOf(result({ tests: [] })), []);
  });

  test("a scoring problem's score and most are stored with it, and each test's group; a pass-fail result writes no score", () => {
    const columns = judgedColumnsOf(result({ verdict: "AC", score: 30, maxScore: 100 }));
    assert.deepEqual([columns.score, columns.maxScore], [30, 100]);
    assert.equal("score" in judgedColumnsOf(result()), false);
    const grouped = result({ tests: [{ index: 1, verdict: "AC", timeMs: 3, memoryKb: 10, group: "secret/a" }] });
    assert.deepEqual(testRowsOf(grouped), [{ submissionId: "s1", index: 1, verdict: "AC", timeMs: 3, memoryKb: 10, group: "secret/a" }]);
  });

  test("one test row per judged test, each on the result's submission", () => {
    assert.deepEqual(testRowsOf(result()), [
      { submissionId: "s1", index: 1, verdict: "AC", timeMs: 31, memoryKb: 2048 },
      { submissionId: "s1", index: 2, verdict: "WA", timeMs: 12, memoryKb: 1024 },
    ]);
  });
});
