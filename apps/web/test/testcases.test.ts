import assert from "node:assert/strict";
import { queuedView, type CaseReport, type Signature } from "@judge/protocol";
import { describe, it } from "vitest";
import { unsupportedNote } from "../src/editor/unsupportedLanguages.ts";
import { caseFailed, caseState, failedOnACase, labelledInput, runVerdict } from "../src/testcases/caseResults.ts";
import {
  addCase,
  caseFields,
  caseProblems,
  casesFromSamples,
  casesToInput,
  MAX_CASES,
  removeCase,
  sameCases,
  setCaseValue,
  splitCaseInput,
} from "../src/testcases/testcases.ts";

const twoSum: Signature = {
  kind: "function",
  name: "twoSum",
  params: [
    { name: "nums", type: "integer[]" },
    { name: "target", type: "integer" },
  ],
  returns: "integer[]",
};
const lruCache: Signature = {
  kind: "design",
  className: "LRUCache",
  constructorParams: [{ name: "capacity", type: "integer" }],
  methods: [{ name: "get", params: [{ name: "key", type: "integer" }], returns: "integer" }],
};
const fields = caseFields(twoSum);

function report(patch: Partial<CaseReport>): CaseReport {
  return { index: 1, input: "[2,7,11,15]\n9", output: "[0,1]", expected: "[0,1]", stdout: "", verdict: "AC", ...patch };
}

describe("the Testcase panel's cases and LeetCode's input text", () => {
  it("has one field per parameter, and a design problem's two lines", () => {
    assert.deepEqual(fields, [
      { name: "nums", type: "integer[]" },
      { name: "target", type: "integer" },
    ]);
    assert.deepEqual(
      caseFields(lruCache).map((f) => f.name),
      ["calls", "arguments"],
    );
  });

  it("starts from the samples, one case each, one value per line", () => {
    const cases = casesFromSamples(fields, [
      { input: "[2,7,11,15]\n9\n", output: "[0,1]" },
      { input: "[3,2,4]\r\n6", output: "[1,2]" },
      { input: "[3,3]", output: "[0,1]" },
    ]);
    assert.deepEqual(cases, [
      ["[2,7,11,15]", "9"],
      ["[3,2,4]", "6"],
      ["[3,3]", ""],
    ]);
    assert.deepEqual(casesFromSamples(fields, []), [["", ""]], "no sample: one blank case to fill in");
  });

  it("sends the cases' lines one after another, each value on one line", () => {
    assert.equal(
      casesToInput([
        ["[2,7,11,15]", "9"],
        ["[1,\n 2,\n 3]", " 4 "],
      ]),
      "[2,7,11,15]\n9\n[1, 2, 3]\n4",
    );
  });

  it("says which case and field stop a run: empty or not JSON", () => {
    assert.deepEqual(caseProblems(fields, [["[1,2]", "3"]]), []);
    assert.deepEqual(caseProblems(fields, [["[1,2]", "3"], ["", "x"]]), ["Case 2: nums is empty.", "Case 2: target is not a JSON value (x)."]);
    assert.deepEqual(caseProblems(fields, [["[1,2", "3"]]), ["Case 1: nums is not a JSON value ([1,2)."]);
    assert.deepEqual(caseProblems(fields, []), ["Add a case to run."]);
  });

  it("adds a copy of the case shown, removes one but never the last, edits one value", () => {
    const one = [["[1]", "1"]];
    const two = addCase(one, 0);
    assert.deepEqual(two, [
      ["[1]", "1"],
      ["[1]", "1"],
    ]);
    assert.notEqual(two[1], two[0], "a copy, not the same array");
    const edited = setCaseValue(two, 1, 1, "5");
    assert.deepEqual(edited, [
      ["[1]", "1"],
      ["[1]", "5"],
    ]);
    assert.deepEqual(removeCase(edited, 0), [["[1]", "5"]]);
    assert.deepEqual(removeCase(one, 0), one, "a panel keeps one case");
    const full = Array.from({ length: MAX_CASES }, () => ["[1]", "1"]);
    assert.equal(addCase(full, 0).length, MAX_CASES);
    assert.ok(sameCases(edited, setCaseValue(two, 1, 1, "5")));
    assert.ok(!sameCases(edited, two));
  });

  it("splits a reported case's input per parameter, or keeps it whole when the lines do not fit", () => {
    assert.deepEqual(splitCaseInput(fields, "[3,3]\n6\n"), ["[3,3]", "6"]);
    assert.deepEqual(labelledInput(fields, "[3,3]\n6"), [
      { label: "nums =", value: "[3,3]" },
      { label: "target =", value: "6" },
    ]);
    assert.deepEqual(labelledInput(fields, "[3,3]"), [{ label: "Input", value: "[3,3]" }]);
    assert.deepEqual(labelledInput(null, "[3,3]\n6"), [{ label: "Input", value: "[3,3]\n6" }]);
  });
});

describe("a function problem's Test Result", () => {
  it("fails a case on its verdict, or without one on an output that differs from the expected", () => {
    assert.equal(caseFailed(report({})), false);
    assert.equal(caseFailed(report({ verdict: "WA", output: "[1,0]" })), true);
    assert.equal(caseFailed(report({ verdict: "RE", output: null })), true);
    assert.equal(caseFailed(report({ verdict: null, output: "[1,0]" })), true);
    assert.equal(caseFailed(report({ verdict: null, output: "[1,0]", expected: null })), false, "nothing to compare");
  });

  it("leaves a case the program never reached unjudged, neither passed nor failed", () => {
    assert.equal(caseState(report({ verdict: null, output: null })), "unjudged", "stopped at an earlier case");
    assert.equal(caseState(report({ verdict: null, expected: null })), "unjudged");
    assert.equal(caseState(report({ verdict: "RE", output: null })), "failed");
    assert.equal(caseState(report({ verdict: null })), "passed", "the same output as expected");
  });

  it("shows the run's own verdict unless AC, then the first failing case's", () => {
    const done = (verdict: "AC" | "CE" | "TLE", cases: CaseReport[]) => ({
      ...queuedView({ id: "r1", problem: "two-sum", language: "python", createdAt: "2026-01-01T00:00:00Z" }),
      status: "done" as const,
      verdict,
      output: { stdout: "", stderr: "", exitCode: 0, truncated: false, cases },
    });
    assert.equal(runVerdict(done("AC", [report({}), report({ index: 2 })])), "AC");
    assert.equal(runVerdict(done("AC", [report({}), report({ index: 2, verdict: null, output: "[9]" })])), "WA");
    assert.equal(runVerdict(done("AC", [report({ verdict: "RE", output: null })])), "RE");
    assert.equal(runVerdict(done("CE", [])), "CE");
    assert.equal(runVerdict(done("TLE", [report({})])), "TLE");
  });

  it("expects a failing case with a submission that failed on one, not with a compile error", () => {
    assert.ok(failedOnACase("WA") && failedOnACase("RE") && failedOnACase("TLE"));
    assert.ok(!failedOnACase("AC") && !failedOnACase("CE") && !failedOnACase("IE") && !failedOnACase(null));
  });
});

describe("languages a function problem cannot take", () => {
  it("are named together under their reason", () => {
    const reason = "LeetCode has no function-call convention for this language";
    assert.equal(
      unsupportedNote([
        { id: "haskell", name: "Haskell", reason },
        { id: "pascal", name: "Pascal", reason },
        { id: "lua", name: "Lua", reason: "no driver yet" },
      ]),
      `Haskell, Pascal: ${reason}. Lua: no driver yet.`,
    );
  });
});
