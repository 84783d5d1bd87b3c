import assert from "node:assert/strict";
import { Scoring, type TestBundle } from "@judge/protocol";
import { afterAll, beforeAll, test } from "vitest";
import type { Judge } from "../src/judge/index.ts";
import { bundle, createTestJudge, recorder } from "./judge-fixtures.ts";

let judge: Judge;
beforeAll(async () => {
  judge = await createTestJudge({ only: ["python"] });
});
afterAll(async () => {
  await judge.close();
});

// What the importer makes of packages/problem-package/test/sample-package.ts' scoredPackage():
// read n, print 2n; samples worth 0, subtask `large` 70 and `small` 30 (min over their tests,
// stopping at the first failure), secret accepted when any subtask is, the root grading secret.
const defaults = { onReject: "break", verdictRule: "worst_error", acceptIfAnyAccepted: false, ignoreSample: false, aggregation: "sum", acceptScore: 1, rejectScore: 0 };
const doubling: TestBundle = {
  ...bundle([
    ["4\n", "8\n"],
    ["3000000000\n", "6000000000\n"],
    ["10000000000\n", "20000000000\n"],
    ["3\n", "6\n"],
    ["999999\n", "1999998\n"],
  ]),
  scoring: Scoring.parse({
    scored: true,
    groups: [
      { ...defaults, path: "", onReject: "continue", ignoreSample: true, range: [0, 100] },
      { ...defaults, path: "sample", onReject: "continue", verdictRule: "first_error", acceptScore: 0 },
      { ...defaults, path: "secret", onReject: "continue", verdictRule: "first_error", acceptIfAnyAccepted: true },
      { ...defaults, path: "secret/large", aggregation: "min", acceptScore: 70 },
      { ...defaults, path: "secret/small", aggregation: "min", acceptScore: 30 },
    ],
    tests: ["sample", "secret/large", "secret/large", "secret/small", "secret/small"],
  }),
};

test("a scored problem: a solution for small n gets AC with 30 of 100, live; large stops at its first failure", async () => {
  const listener = recorder();
  const outcome = await judge.judge({ language: "python", code: "n = int(input())\nprint(2 * n if n < 10**6 else 0)\n", bundle: doubling }, listener);
  assert.equal(outcome.verdict, "AC");
  assert.equal(outcome.score, 30);
  assert.equal(outcome.maxScore, 100);
  assert.deepEqual(
    outcome.tests.map((t) => [t.index, t.verdict, t.group]),
    [
      [1, "AC", "sample"],
      [2, "WA", "secret/large"],
      [4, "AC", "secret/small"],
      [5, "AC", "secret/small"],
    ],
  );
  assert.equal(outcome.passed, 3);
  // the score so far after each test: the sample counts for nothing, small's 30 once it has run
  assert.deepEqual(listener.scores, [0, 0, 30, 30]);
});

test("a full solution gets the most; a wrong one WA with 0, every subtask still tried", async () => {
  const full = await judge.judge({ language: "python", code: "print(2 * int(input()))\n", bundle: doubling }, recorder());
  assert.deepEqual([full.verdict, full.score, full.maxScore, full.tests.length], ["AC", 100, 100, 5]);
  const wrong = await judge.judge({ language: "python", code: "input()\nprint(0)\n", bundle: doubling }, recorder());
  assert.deepEqual([wrong.verdict, wrong.score, wrong.tests.map((t) => t.index)], ["WA", 0, [1, 2, 4]]);
});

test("a pass-fail problem with groups: no score; on_reject continue runs the group's other tests and worst_error decides", async () => {
  const grouped: TestBundle = {
    ...bundle([
      ["1\n", "2\n"],
      ["-5\n", "-10\n"],
      ["7\n", "14\n"],
    ]),
    scoring: Scoring.parse({
      scored: false,
      groups: [{ ...defaults, path: "" }, { ...defaults, path: "secret", onReject: "continue" }],
      tests: ["secret", "secret", "secret"],
    }),
  };
  // WA on -5, then a crash on 7: RE is worse than WA
  const code = "n = int(input())\nassert n != 7\nprint(2 * abs(n))\n";
  const outcome = await judge.judge({ language: "python", code, bundle: grouped }, recorder());
  assert.deepEqual(outcome.tests.map((t) => t.verdict), ["AC", "WA", "RE"]);
  assert.equal(outcome.verdict, "RE");
  assert.equal(outcome.score, undefined);
});

test("a validator's score.txt is a test's score; required and missing, or an unreadable one, is IE", async () => {
  // accepts any number >= 0, rejects a negative one; scores a positive one with its own value
  const validator = [
    "import sys",
    "out = float(sys.stdin.read())",
    "if out < 0: sys.exit(43)",
    "if out == 1: open(sys.argv[3] + 'score.txt', 'w').write('lots')",
    "elif out > 0: open(sys.argv[3] + 'score.txt', 'w').write(str(out))",
    "sys.exit(42)",
  ].join("\n");
  const scored = (validatorScore: "optional" | "required", inputs: string[]): TestBundle => ({
    ...bundle(inputs.map((input) => [input, "ignored\n"]), {}, { kind: "program", language: "python", source: validator, convention: "kattis" }),
    scoring: Scoring.parse({
      scored: true,
      validatorScore,
      groups: [{ ...defaults, path: "" }, { ...defaults, path: "secret", onReject: "continue" }],
      tests: inputs.map(() => "secret"),
    }),
  });
  const echo = "print(input())\n";
  const own = await judge.judge({ language: "python", code: echo, bundle: scored("optional", ["2.5\n", "4\n", "0\n", "-1\n"]) }, recorder());
  // 2.5 + 4 from score.txt, 1 (accept_score) for the accepted test without one, 0 for the rejected one
  assert.deepEqual([outcome(own), own.score], [["AC", "AC", "AC", "WA"], 7.5]);
  const missing = await judge.judge({ language: "python", code: echo, bundle: scored("required", ["3\n", "0\n"]) }, recorder());
  assert.deepEqual(outcome(missing), ["AC", "IE"]);
  assert.equal(missing.verdict, "IE");
  const unreadable = await judge.judge({ language: "python", code: echo, bundle: scored("optional", ["1\n"]) }, recorder());
  assert.deepEqual(outcome(unreadable), ["IE"]);
});

const outcome = (o: { tests: { verdict: string }[] }) => o.tests.map((t) => t.verdict);
