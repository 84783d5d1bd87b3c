import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { Judge } from "../src/judge/index.ts";
import { bundle, createTestJudge, judgeOnce, verdictSuite } from "./judge-fixtures.ts";

let judge: Judge;
beforeAll(async () => {
  judge = await createTestJudge({ only: ["python"] });
});
afterAll(async () => {
  await judge.close();
});

describe("python verdicts", () => {
  verdictSuite(() => judge, "python", {
    ac: "a, b = map(int, input().split())\nprint(a + b)\n",
    wa: "a, b = map(int, input().split())\nprint(a - b)\n",
    tle: "while True:\n    pass\n",
    re: "a, b = map(int, input().split())\nraise ValueError('boom')\n",
    mle: "x = bytearray(b'x') * (512 << 20)\nprint(len(x))\n",
  });
});

test("python: a syntax error is a CE with the parser's message, before any test runs", async () => {
  const outcome = await judgeOnce(judge, "python", "print(1)\ndef (:\n", bundle([["", ""]]));
  assert.equal(outcome.verdict, "CE");
  assert.equal(outcome.tests.length, 0);
  assert.match(outcome.compileOutput ?? "", /SyntaxError/);
});

test("python: deep recursion works with the generous stack", async () => {
  const code = "import sys\nsys.setrecursionlimit(10**6)\ndef f(n): return 0 if n == 0 else 1 + f(n - 1)\nprint(f(100000))\n";
  const outcome = await judgeOnce(judge, "python", code, bundle([["", "100000\n"]]));
  assert.equal(outcome.verdict, "AC", JSON.stringify(outcome));
});

test("python: float checker with tolerance", async () => {
  const b = bundle([["", "0.3333333333\n"]], {}, { kind: "float", abs: 1e-6, rel: 1e-6 });
  assert.equal((await judgeOnce(judge, "python", "print(1/3)\n", b)).verdict, "AC");
  assert.equal((await judgeOnce(judge, "python", "print(0.334)\n", b)).verdict, "WA");
});

test("python: a language this worker lacks is an internal error, not a crash", async () => {
  const outcome = await judgeOnce(judge, "cpp", "int main(){}", bundle([["", ""]]));
  assert.equal(outcome.verdict, "IE");
  assert.match(outcome.compileOutput ?? "", /not available/);
});
