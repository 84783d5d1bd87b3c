import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import { MAX_CASE_TEXT_BYTES } from "@judge/protocol";
import type { Judge } from "../src/judge/index.ts";
import { bundle, createTestJudge, judgeOnce, recorder } from "./judge-fixtures.ts";

/** The first failing test of a stdin problem, kept for its owner (docs/problem-packages.md, "Failing test details"). */
let judge: Judge;
beforeAll(async () => {
  judge = await createTestJudge({ only: ["python"] });
});
afterAll(async () => {
  await judge.close();
});

const sums = bundle([
  ["1 2\n", "3\n"],
  ["5 5\n", "10\n"],
  ["7 1\n", "8\n"],
]);

test("WA on test 2: its input, expected output, the program's stdout and stderr, and never in the steps", async () => {
  // Right on 1 2, wrong on 5 5 (prints 25), so test 2 is the first failure.
  const code = "import sys\na, b = map(int, input().split())\nprint('debug', a, b, file=sys.stderr)\nprint(a + b if a != b else a * b)\n";
  const listener = recorder();
  const outcome = await judge.judge({ language: "python", code, bundle: sums }, listener);
  assert.equal(outcome.verdict, "WA");
  assert.deepEqual(outcome.failure, { index: 2, input: "5 5\n", expected: "10\n", output: "25\n", stdout: "", stderr: "debug 5 5\n", verdict: "WA" });
  // The steps say only the verdicts: the failing test's data goes nowhere but the final result.
  assert.deepEqual(Object.keys(listener.results[1]!).sort(), ["index", "memoryKb", "timeMs", "verdict"]);
});

test("RE keeps the traceback on stderr; AC has no failure", async () => {
  const crash = await judgeOnce(judge, "python", "a, b = map(int, input().split())\nprint(a + b)\nraise ValueError('boom')\n", sums);
  assert.equal(crash.verdict, "RE");
  assert.equal(crash.failure?.index, 1);
  assert.equal(crash.failure?.verdict, "RE");
  assert.equal(crash.failure?.output, "3\n");
  assert.match(crash.failure?.stderr ?? "", /ValueError: boom/);
  const accepted = await judgeOnce(judge, "python", "a, b = map(int, input().split())\nprint(a + b)\n", sums);
  assert.equal(accepted.verdict, "AC");
  assert.equal(accepted.failure, undefined);
});

test("TLE keeps the input of the test that ran out of time", async () => {
  const code = "a, b = map(int, input().split())\nif a == 7:\n    while True:\n        pass\nprint(a + b)\n";
  const outcome = await judgeOnce(judge, "python", code, bundle(sums.tests.map((t) => [t.input, t.output]), { timeMs: 500 }));
  assert.equal(outcome.verdict, "TLE");
  assert.equal(outcome.failure?.index, 3);
  assert.equal(outcome.failure?.verdict, "TLE");
  assert.equal(outcome.failure?.input, "7 1\n");
  assert.equal(outcome.failure?.expected, "8\n");
});

test("every text is cut at MAX_CASE_TEXT_BYTES, without splitting a character, and says so", async () => {
  const big = `${"é".repeat(MAX_CASE_TEXT_BYTES)}\n`;
  const code = "import sys\nsys.stdin.read()\nprint('ü' * 10000)\nprint('x' * 10000, file=sys.stderr)\n";
  const outcome = await judgeOnce(judge, "python", code, bundle([[big, big]]));
  assert.equal(outcome.verdict, "WA");
  const failure = outcome.failure;
  assert.ok(failure);
  assert.equal(failure.truncated, true);
  for (const text of [failure.input, failure.expected ?? "", failure.output ?? "", failure.stderr ?? ""]) {
    assert.ok(Buffer.byteLength(text, "utf8") <= MAX_CASE_TEXT_BYTES, `${Buffer.byteLength(text, "utf8")} bytes`);
    assert.ok(Buffer.byteLength(text, "utf8") >= MAX_CASE_TEXT_BYTES - 1);
    assert.ok(!text.includes("\uFFFD"));
  }
  assert.equal(failure.input, "é".repeat(MAX_CASE_TEXT_BYTES / 2));
});
