import assert from "node:assert/strict";
import { test } from "vitest";
import { PackageError, filesFromZip, parseKattisPackage } from "../src/index.ts";
import { samplePackage, scoredPackage, zipOf } from "./sample-package.ts";

const parse = (files: Record<string, string>) => {
  const warnings: string[] = [];
  const problem = parseKattisPackage(filesFromZip(zipOf(files, null), "doubling").files, { slug: "doubling", warn: (w) => warnings.push(w) });
  return { problem, warnings };
};
const groupsOf = (files: Record<string, string>) => new Map(parse(files).problem.scoring!.groups.map((g) => [g.path, g]));

test("a legacy scoring package: one group per data/ directory, testdata.yaml inherited key by key", () => {
  const { problem, warnings } = parse(scoredPackage());
  assert.deepEqual(warnings, []);
  const scoring = problem.scoring!;
  assert.equal(scoring.scored, true);
  assert.equal(scoring.validatorScore, "never");
  // samples first, then secret's groups in name order
  assert.deepEqual(scoring.tests, ["sample", "secret/large", "secret/large", "secret/small", "secret/small"]);
  assert.deepEqual(problem.tests.map((t) => t.input), ["3000000000\n", "10000000000\n", "3\n", "999999\n"]);
  const groups = new Map(scoring.groups.map((g) => [g.path, g]));
  assert.deepEqual([...groups.keys()].sort(), ["", "sample", "secret", "secret/large", "secret/small"]);
  assert.deepEqual(groups.get(""), {
    path: "",
    onReject: "continue",
    verdictRule: "worst_error",
    acceptIfAnyAccepted: false,
    ignoreSample: true,
    aggregation: "sum",
    acceptScore: 1,
    rejectScore: 0,
    range: [0, 100],
  });
  // sample: its own accept_score and grader_flags, on_reject and range from data/testdata.yaml
  assert.deepEqual(groups.get("sample"), { ...groups.get(""), path: "sample", ignoreSample: false, verdictRule: "first_error", acceptScore: 0 });
  assert.equal(groups.get("secret")?.acceptIfAnyAccepted, true);
  assert.equal(groups.get("secret")?.onReject, "continue");
  // its own grader_flags replace secret's whole: min, and worst_error by default
  assert.deepEqual(groups.get("secret/small"), {
    ...groups.get(""),
    path: "secret/small",
    ignoreSample: false,
    onReject: "break",
    aggregation: "min",
    acceptScore: 30,
  });
});

test("the 2023-07 layout: type as a list; unknown testdata.yaml keys and test_group.yaml are reported", () => {
  const { problem, warnings } = parse(
    scoredPackage("2023-07", {
      "data/secret/large/testdata.yaml": "on_reject: break\naccept_score: 70\ngrader_flags: min\nmax_score: 70\n",
      "data/secret/test_group.yaml": "score_aggregation: sum\n",
    }),
  );
  assert.equal(problem.title, "Doubling");
  assert.equal(problem.scoring?.scored, true);
  // a 2023-07 scoring problem's validator may give scores
  assert.equal(problem.scoring?.validatorScore, "optional");
  assert.equal(problem.scoring?.groups.find((g) => g.path === "secret/large")?.acceptScore, 70);
  assert.equal(warnings.length, 2, warnings.join("\n"));
  assert.match(warnings.join("\n"), /data\/secret\/large\/testdata\.yaml: the key max_score is not supported/);
  assert.match(warnings.join("\n"), /data\/secret\/test_group\.yaml is not read/);
});

test("pass-fail: no groups without configuration; with testdata.yaml, groups that only shape the verdict", () => {
  assert.equal(parse(samplePackage()).problem.scoring, undefined);
  const grouped = parse(samplePackage({ "data/secret/testdata.yaml": "on_reject: continue\n" })).problem.scoring!;
  assert.equal(grouped.scored, false);
  assert.deepEqual(grouped.tests, ["sample", "sample", "secret", "secret/group1", "secret/group1"]);
  const groups = new Map(grouped.groups.map((g) => [g.path, g]));
  assert.equal(groups.get("")?.onReject, "break");
  assert.equal(groups.get("secret/group1")?.onReject, "continue");
});

test("legacy problem.yaml grading keys apply to every group over testdata.yaml", () => {
  const groups = groupsOf(
    scoredPackage("legacy", {
      "problem.yaml": "name: Doubling\ntype: scoring\ngrading:\n  on_reject: first_error\n  accept_score: 2\n  objective: max\n",
      // ignore_sample with a root that breaks is refused (below)
      "data/testdata.yaml": "range: 0 100\n",
    }),
  );
  for (const group of groups.values()) {
    assert.equal(group.onReject, "break", group.path);
    assert.equal(group.acceptScore, 2, group.path);
  }
  assert.deepEqual(groupsOf(scoredPackage("legacy", { "data/testdata.yaml": "range: -inf +inf\n" })).get("")?.range, [null, null]);
});

test("legacy `validation: custom score`: the validator must give every accepted test its score", () => {
  const { problem } = parse(
    scoredPackage("legacy", {
      "problem.yaml": "name: Doubling\ntype: scoring\nvalidation: custom score\n",
      "output_validators/v/validate.py": "import sys\nsys.exit(42)\n",
    }),
  );
  assert.equal(problem.scoring?.validatorScore, "required");
  assert.equal(problem.checker.kind, "program");
});

test("what problemtools refuses, and custom graders, are refused naming the file", () => {
  const refused = (overrides: Record<string, string>, message: RegExp) =>
    assert.throws(
      () => parse(scoredPackage("legacy", overrides)),
      (error: unknown) => error instanceof PackageError && message.test(error.message),
    );
  refused({ "data/secret/testdata.yaml": "grading: custom\n" }, /data\/secret\/testdata\.yaml.*custom graders are not supported/);
  refused({ "data/secret/small/testdata.yaml": "on_reject: maybe\n" }, /data\/secret\/small\/testdata\.yaml.*on_reject: maybe/);
  refused({ "data/secret/testdata.yaml": "grader_flags: ignore_sample\n" }, /ignore_sample is only allowed at the top/);
  refused({ "data/testdata.yaml": "range: 10 1\n" }, /range: 10 1/);
  refused({ "data/testdata.yaml": "accept_score: lots\n" }, /accept_score: lots is not a number/);
  refused({ "data/testdata.yaml": "grader_flags: ignore_sample\n" }, /ignore_sample with on_reject: break/);
  // scores in a pass-fail problem
  refused({ "problem.yaml": "name: Doubling\n" }, /data\/testdata\.yaml: range is only for scoring problems/);
  refused(
    { "problem.yaml": "name: Doubling\ngrading:\n  on_reject: grade\n", "data/sample/testdata.yaml": "grader_flags: first_error\n", "data/secret/small/testdata.yaml": "on_reject: break\n", "data/secret/large/testdata.yaml": "on_reject: break\n", "data/testdata.yaml": "on_reject: continue\n" },
    /problem\.yaml.*on_reject: grade is only for scoring problems/,
  );
});
