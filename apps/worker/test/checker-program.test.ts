import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import type { CheckerSpec } from "@judge/protocol";
import type { Judge } from "../src/judge/index.ts";
import { bundle, createTestJudge, judgeOnce } from "./judge-fixtures.ts";

let judge: Judge;
beforeAll(async () => {
  // A short checker budget: the hanging checker below spends all of it.
  judge = await createTestJudge({ only: ["python", "c"], limits: { checkerCpuMs: 1000 } });
});
afterAll(async () => {
  await judge.close();
});

/** testlib order: input, output, answer. Accepts the answer up to its sign, which no built-in checker does. */
const testlibChecker = (extra = "") => `import sys
inp, out, ans = (open(p).read() for p in sys.argv[1:4])
${extra}
try:
    got = int(out.split()[0])
except Exception:
    sys.exit(2)
sys.exit(0 if abs(got) == abs(int(ans)) else 1)
`;

/** Kattis order: input, answer, feedback dir; the output on stdin; 42 accept, 43 reject. */
const kattisValidator = `#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
  if (argc < 4) return 1;
  FILE *f = fopen(argv[2], "r");
  long want, got;
  if (f == NULL || fscanf(f, "%ld", &want) != 1) return 1;
  if (scanf("%ld", &got) != 1) return 43;
  return labs(got) == labs(want) ? 42 : 43;
}
`;

const program = (source: string, language: "python" | "c", convention: "testlib" | "kattis" = "testlib"): CheckerSpec => ({
  kind: "program",
  language,
  source,
  convention,
});

const echo = "print(input())\n";
const tests = (checker: CheckerSpec) => bundle([["3\n", "3\n"], ["-7\n", "7\n"]], {}, checker);

test("testlib checker program: accepts what tokens would reject, rejects wrong answers, PE is WA", async () => {
  const checker = program(testlibChecker(), "python");
  // -7 against 7: WA for the tokens checker, AC for this checker.
  const ac = await judgeOnce(judge, "python", echo, tests(checker));
  assert.equal(ac.verdict, "AC", JSON.stringify(ac));
  assert.equal(ac.passed, 2);
  assert.equal((await judgeOnce(judge, "python", "input()\nprint(5)\n", tests(checker))).verdict, "WA");
  assert.equal((await judgeOnce(judge, "python", "input()\nprint('five')\n", tests(checker))).verdict, "WA");
});

test("Kattis output validator in C: 42 accepts, 43 rejects", async () => {
  const checker = program(kattisValidator, "c", "kattis");
  assert.equal((await judgeOnce(judge, "python", echo, tests(checker))).verdict, "AC");
  assert.equal((await judgeOnce(judge, "python", "input()\nprint(8)\n", tests(checker))).verdict, "WA");
});

test("a checker that crashes, hangs, answers outside its table or does not compile is IE, never WA", async () => {
  // A segfault (the checker is its box's PID 1, which ignores signals sent from inside).
  const killed = program(testlibChecker("import ctypes\nctypes.string_at(0)"), "python");
  assert.equal((await judgeOnce(judge, "python", echo, tests(killed))).verdict, "IE");
  const hangs = program(testlibChecker("while True: pass"), "python");
  assert.equal((await judgeOnce(judge, "python", echo, tests(hangs))).verdict, "IE");
  const fails = program(testlibChecker("sys.exit(3)"), "python");
  assert.equal((await judgeOnce(judge, "python", echo, tests(fails))).verdict, "IE");
  // A Kattis validator exiting 0 has not spoken the protocol.
  const zero = program("int main(void) { return 0; }\n", "c", "kattis");
  assert.equal((await judgeOnce(judge, "python", echo, tests(zero))).verdict, "IE");
  const broken = program("int main(void) { return nope; }\n", "c");
  const outcome = await judgeOnce(judge, "python", echo, tests(broken));
  assert.equal(outcome.verdict, "IE");
  assert.doesNotMatch(outcome.compileOutput ?? "", /nope/, "the checker's source is not shown to the contestant");
});

test("a checker cannot change the files it is shown, and the judge goes on judging", async () => {
  // The answer file is read-only: the write fails and the checker still compares with 7, not 999.
  const tamper = program(
    testlibChecker("try:\n    open(sys.argv[3], 'w').write('999')\n    sys.exit(3)\nexcept OSError:\n    pass"),
    "python",
  );
  assert.equal((await judgeOnce(judge, "python", echo, tests(tamper))).verdict, "AC");
  assert.equal((await judgeOnce(judge, "python", echo, tests(program(testlibChecker(), "python")))).verdict, "AC");
});
