import assert from "node:assert/strict";
import { Scoring, type TestGroup, type Verdict } from "@judge/protocol";
import { test } from "vitest";
import { type GradedTest, flatScoring, gradeGroup, groupTree, maxScoreOf, nothingScored, runGroup } from "../src/judge/grading.ts";

/** A group with problemtools' defaults (testdata.yaml's), overridden by `config`. */
const group = (path: string, config: Partial<TestGroup> = {}): Partial<TestGroup> & { path: string } => ({ path, ...config });

/** Runs the tree over fixed verdicts (by test index); returns which tests ran and the root's result. */
async function judge(scoring: Scoring, verdicts: readonly Verdict[], scores: Record<number, number> = {}) {
  const root = groupTree(scoring);
  const ran = new Map<number, GradedTest>();
  await runGroup(root, ran, async (index) => {
    const verdict = verdicts[index]!;
    ran.set(index, { verdict, ...(scores[index] !== undefined ? { score: scores[index] } : {}) });
    return verdict;
  });
  return { ran: [...ran.keys()], result: gradeGroup(root, ran), max: maxScoreOf(root, verdicts.length) };
}

const scoring = (groups: ReturnType<typeof group>[], tests: string[], scored = true) => Scoring.parse({ scored, groups, tests });

// An IOI-style problem: samples worth 0, two subtasks worth 50 each (min over their tests),
// secret accepted when any subtask is, the root grading secret only.
const subtasks = scoring(
  [
    group("", { onReject: "continue", ignoreSample: true }),
    group("sample", { onReject: "continue", acceptScore: 0, verdictRule: "first_error" }),
    group("secret", { onReject: "continue", verdictRule: "first_error", acceptIfAnyAccepted: true }),
    group("secret/s1", { acceptScore: 50, aggregation: "min" }),
    group("secret/s2", { acceptScore: 50, aggregation: "min" }),
  ],
  ["sample", "sample", "secret/s1", "secret/s1", "secret/s2", "secret/s2"],
);

test("subtasks: a solution of the first one gets 50 and AC (accept_if_any_accepted); s2 stops at its first failure", async () => {
  const partial = await judge(subtasks, ["AC", "AC", "AC", "AC", "WA", "AC"]);
  assert.deepEqual(partial.ran, [0, 1, 2, 3, 4]);
  assert.deepEqual(partial.result, { verdict: "AC", score: 50 });
  assert.equal(partial.max, 100);
  const full = await judge(subtasks, ["AC", "AC", "AC", "AC", "AC", "AC"]);
  assert.deepEqual(full.result, { verdict: "AC", score: 100 });
  // A failed sample does not count (ignore_sample) and, the root continuing, secret still runs.
  const none = await judge(subtasks, ["WA", "AC", "TLE", "AC", "WA", "AC"]);
  assert.deepEqual(none.ran, [0, 1, 2, 4]);
  assert.deepEqual(none.result, { verdict: "TLE", score: 0 });
});

test("worst_error takes the worst verdict, first_error the first; with break only the first failure runs", async () => {
  const tests = ["secret", "secret", "secret"];
  const verdicts: Verdict[] = ["WA", "TLE", "AC"];
  const worst = await judge(scoring([group(""), group("secret", { onReject: "continue" })], tests), verdicts);
  assert.deepEqual(worst.result, { verdict: "TLE", score: 1 });
  const first = await judge(scoring([group(""), group("secret", { onReject: "continue", verdictRule: "first_error" })], tests), verdicts);
  assert.deepEqual(first.result, { verdict: "WA", score: 1 });
  const stopped = await judge(scoring([group(""), group("secret")], tests), verdicts);
  assert.deepEqual(stopped.ran, [0]);
  assert.deepEqual(stopped.result, { verdict: "WA", score: 0 });
  const always = await judge(scoring([group("", { verdictRule: "always_accept" }), group("secret", { onReject: "continue" })], tests), verdicts);
  assert.equal(always.result?.verdict, "AC");
});

test("scores: sum, min, max, avg of accept_score and reject_score; a validator's score replaces accept_score", async () => {
  const tests = ["secret", "secret", "secret"];
  const verdicts: Verdict[] = ["AC", "WA", "AC"];
  const by = async (aggregation: TestGroup["aggregation"]) =>
    (await judge(scoring([group(""), group("secret", { onReject: "continue", acceptScore: 10, rejectScore: 1, aggregation })], tests), verdicts)).result
      ?.score;
  assert.equal(await by("sum"), 21);
  assert.equal(await by("min"), 1);
  assert.equal(await by("max"), 10);
  assert.equal(await by("avg"), 7);
  // each group's score as the default grader prints it, '%f': 6 decimals
  const third = await judge(scoring([group(""), group("secret", { onReject: "continue", aggregation: "avg" })], tests), verdicts);
  assert.equal(third.result?.score, 0.666667);
  const own = await judge(scoring([group(""), group("secret", { onReject: "continue" })], tests), verdicts, { 0: 0.25, 2: 2 });
  assert.deepEqual(own.result, { verdict: "WA", score: 2.25 });
});

test("nested groups: each scores with its own accept_score; an IE anywhere is the root's result", async () => {
  const nested = scoring(
    [
      group("", { onReject: "continue" }),
      group("secret", { onReject: "continue" }),
      group("secret/a", { acceptScore: 5 }),
      group("secret/a/deep", { acceptScore: 7 }),
      group("secret/b", { onReject: "continue", acceptScore: 3 }),
    ],
    ["secret/a", "secret/a/deep", "secret/a/deep", "secret/b", "secret/b"],
  );
  const result = await judge(nested, ["AC", "AC", "AC", "AC", "WA"]);
  assert.deepEqual(result.result, { verdict: "WA", score: 5 + 14 + 3 });
  assert.equal(result.max, 5 + 14 + 6);
  const deepFails = await judge(nested, ["AC", "RE", "AC", "AC", "AC"]);
  assert.deepEqual(deepFails.ran, [0, 1, 3, 4]);
  assert.deepEqual(deepFails.result, { verdict: "RE", score: 5 + 0 + 6 });
  const broken = await judge(nested, ["AC", "AC", "AC", "IE", "AC"]);
  assert.equal(broken.result?.verdict, "IE");
});

test("a problem without groups stops at the first failure and takes its verdict, as before groups", async () => {
  const flat = await judge(flatScoring(4), ["AC", "MLE", "WA", "AC"]);
  assert.deepEqual(flat.ran, [0, 1]);
  assert.equal(flat.result?.verdict, "MLE");
});

test("judged on no test (a compile error): a scoring problem scores 0 of its most, a pass-fail one nothing", () => {
  const tests = subtasks.tests.map(() => ({ input: "", output: "" }));
  const limits = { timeMs: 1000, memoryKb: 65536 };
  const base = { hash: "0".repeat(64), limits, checker: { kind: "tokens" as const }, tests };
  assert.deepEqual(nothingScored({ ...base, scoring: subtasks }), { score: 0, maxScore: 100 });
  assert.deepEqual(nothingScored({ ...base, scoring: { ...subtasks, scored: false } }), {});
  assert.deepEqual(nothingScored(base), {});
});
