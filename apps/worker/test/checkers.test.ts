import assert from "node:assert/strict";
import { test } from "vitest";
import { check, checkerArgs, checkerVerdictByExit, exactChecker, floatTokensAgree, linesOfTokens, tokensChecker } from "../src/checkers/index.ts";
import { classifyRun, sandboxOutcomes } from "../src/sandbox/outcome.ts";
import { verdictByOutcome } from "../src/judge/verdicts.ts";

test("exact: byte for byte, final newline included", () => {
  assert.equal(exactChecker("3\n", "3\n"), true);
  assert.equal(exactChecker("3\n", "3"), false);
  assert.equal(exactChecker("3 4", "3  4"), false);
});

test("tokens: trailing white space and final newlines do not matter", () => {
  assert.equal(tokensChecker("3\n", "3"), true);
  assert.equal(tokensChecker("1 2\n3 4\n", "1 2   \r\n3\t4\n\n\n"), true);
  assert.equal(tokensChecker("1 2", "  1 2"), true);
  assert.equal(tokensChecker("", "\n\n"), true);
});

test("tokens: different tokens, counts or line breaks fail", () => {
  assert.equal(tokensChecker("3", "4"), false);
  assert.equal(tokensChecker("1 2", "1 2 3"), false);
  assert.equal(tokensChecker("1 2", "1\n2"), false);
  assert.equal(tokensChecker("1\n2", "1\n2\n3"), false);
  assert.equal(tokensChecker("yes", "YES"), false);
  assert.equal(tokensChecker("1", ""), false);
});

test("tokens: lines are split on any kind of newline and blank lines inside count", () => {
  assert.deepEqual(linesOfTokens("a b\r\nc\n\n"), [["a", "b"], ["c"]]);
  assert.equal(tokensChecker("a\n\nb", "a\nb"), false);
});

test("float: absolute or relative tolerance", () => {
  const tol = { abs: 1e-6, rel: 1e-6 };
  assert.equal(floatTokensAgree("0.3333333", "0.33333333333", tol), true);
  assert.equal(floatTokensAgree("1000000", "1000000.5", tol), true); // relative
  assert.equal(floatTokensAgree("1000000", "1000002", tol), false);
  assert.equal(floatTokensAgree("0", "0.0000001", tol), true); // absolute near zero
  assert.equal(floatTokensAgree("0", "0.01", tol), false);
  assert.equal(floatTokensAgree("1e3", "1000.0000001", tol), true);
  assert.equal(floatTokensAgree("-2.5", "-2.5000001", tol), true);
});

test("float: non-numbers compare as text; NaN and infinities never pass as numbers", () => {
  const tol = { abs: 1e-6, rel: 0 };
  assert.equal(floatTokensAgree("YES", "YES", tol), true);
  assert.equal(floatTokensAgree("YES", "NO", tol), false);
  assert.equal(floatTokensAgree("1.0", "abc", tol), false);
  assert.equal(floatTokensAgree("1.0", "NaN", tol), false);
  assert.equal(floatTokensAgree("1.0", "Infinity", tol), false);
  assert.equal(floatTokensAgree("1.0", "0x1", tol), false);
});

test("float: a number past the double range compares as text, never as infinity", () => {
  const tol = { abs: 1e-6, rel: 1e-6 };
  assert.equal(floatTokensAgree("1e999", "2e999", tol), false);
  assert.equal(floatTokensAgree("1.0", "1e999", tol), false);
  assert.equal(floatTokensAgree("1e999", "1e999", tol), true); // the same text
});

test("exit-code tables: testlib and Kattis, everything unknown is IE", () => {
  assert.equal(checkerVerdictByExit("testlib", 0), "AC");
  assert.equal(checkerVerdictByExit("testlib", 1), "WA");
  assert.equal(checkerVerdictByExit("testlib", 2), "WA");
  assert.equal(checkerVerdictByExit("testlib", 3), "IE");
  assert.equal(checkerVerdictByExit("testlib", null), "IE");
  assert.equal(checkerVerdictByExit("kattis", 42), "AC");
  assert.equal(checkerVerdictByExit("kattis", 43), "WA");
  assert.equal(checkerVerdictByExit("kattis", 0), "IE");
  assert.equal(checkerVerdictByExit("kattis", 1), "IE");
});

test("checker program arguments: where each convention reads the output and the answer", () => {
  const testlib = checkerArgs("testlib");
  const kattis = checkerArgs("kattis");
  // testlib: input, the contestant's output, the answer; nothing on stdin.
  assert.equal(testlib.outputOnStdin, false);
  assert.equal(testlib.args.length, 3);
  assert.match(testlib.args[1]!, /output$/);
  assert.match(testlib.args[2]!, /answer$/);
  // Kattis: input, the answer, a feedback directory; the output on stdin, never as a file.
  assert.equal(kattis.outputOnStdin, true);
  assert.equal(kattis.args.length, 3);
  assert.match(kattis.args[1]!, /answer$/);
  assert.ok(kattis.args[2]!.endsWith("/"), "a directory");
  assert.equal(kattis.args.some((a) => a.endsWith("output")), false);
  assert.equal(testlib.args[0], kattis.args[0], "both read the same input file");
});

test("check dispatches on the checker kind", () => {
  assert.equal(check({ kind: "exact" }, "1\n", "1"), false);
  assert.equal(check({ kind: "tokens" }, "1\n", "1"), true);
  assert.equal(check({ kind: "float", abs: 0.01, rel: 0 }, "1.00 2.00\n", "1.001 1.999"), true);
  assert.equal(check({ kind: "float", abs: 0.01, rel: 0 }, "1.00 2.00\n", "1.001\n1.999"), false);
});

const clean = { outputExceeded: false, oomKilled: false, timedOut: false, cpuMs: 10, cpuLimitMs: 1000, exitCode: 0 };

test("sandbox outcome: the limit hit first wins over the exit status it caused", () => {
  assert.equal(classifyRun(clean), "ok");
  assert.equal(classifyRun({ ...clean, exitCode: 1 }), "runtime-error");
  assert.equal(classifyRun({ ...clean, exitCode: 139 }), "runtime-error");
  assert.equal(classifyRun({ ...clean, exitCode: 137, oomKilled: true }), "memory-limit");
  assert.equal(classifyRun({ ...clean, exitCode: null, timedOut: true }), "time-limit");
  assert.equal(classifyRun({ ...clean, cpuMs: 1001 }), "time-limit");
  assert.equal(classifyRun({ ...clean, exitCode: 128 + 24 }), "time-limit"); // SIGXCPU
  assert.equal(classifyRun({ ...clean, exitCode: 128 + 25 }), "output-limit"); // SIGXFSZ
  assert.equal(classifyRun({ ...clean, exitCode: null, outputExceeded: true, timedOut: true }), "output-limit");
  assert.equal(classifyRun({ ...clean, exitCode: 137, oomKilled: true, timedOut: true }), "memory-limit");
});

test("verdict table covers every sandbox outcome", () => {
  assert.deepEqual(Object.keys(verdictByOutcome).sort(), [...sandboxOutcomes].sort());
  assert.equal(verdictByOutcome.ok, "check");
  assert.equal(verdictByOutcome["time-limit"], "TLE");
  assert.equal(verdictByOutcome["memory-limit"], "MLE");
  assert.equal(verdictByOutcome["output-limit"], "OLE");
  assert.equal(verdictByOutcome["runtime-error"], "RE");
});
