import { type Scoring, type TestBundle, type TestGroup, type Verdict, parentGroupOf } from "@judge/protocol";

/**
 * Test groups graded as problemtools' default grader grades them (its judge/submission_judge.py
 * and support/default_grader): a group's children (tests and subgroups, in run order) are run
 * until the first non-accepted one when the group says `on_reject: break`; the children that
 * ran give the group a verdict (worst_error, first_error, always_accept, accept_if_any_accepted)
 * and a score (sum, min, max, avg of the children's; a test scores its group's accept_score or
 * reject_score unless its validator gave one). A group none of whose tests ran is left out of its
 * parent, as problemtools leaves out what it never reached. Pure: no I/O.
 */

/** One test's outcome as grading needs it; `score` only when a validator wrote one. */
export interface GradedTest {
  verdict: Verdict;
  score?: number;
}

export interface GroupResult {
  verdict: Verdict;
  score: number;
}

/** A group with its children resolved: test indexes (0-based, run order) and subgroups. */
export interface GroupNode {
  config: TestGroup;
  children: ({ kind: "test"; index: number } | { kind: "group"; node: GroupNode })[];
}

/** problemtools' worst_error order, worst first; CE cannot happen inside a judging but is ranked. */
const WORST_FIRST: readonly Verdict[] = ["IE", "CE", "RE", "MLE", "TLE", "OLE", "WA", "AC"];

/** A problem without groups: every test in one group that stops at the first failure. */
export function flatScoring(tests: number): Scoring {
  return {
    scored: false,
    validatorScore: "never",
    groups: [
      {
        path: "",
        onReject: "break",
        verdictRule: "first_error",
        acceptIfAnyAccepted: false,
        ignoreSample: false,
        aggregation: "sum",
        acceptScore: 1,
        rejectScore: 0,
      },
    ],
    tests: Array.from({ length: tests }, () => ""),
  };
}

/**
 * The group tree of a scoring: each test under its group, each group under its parent, children
 * in the order their first test runs (tests run samples first, then secret, in name order).
 */
export function groupTree(scoring: Scoring): GroupNode {
  const nodes = new Map<string, GroupNode>(scoring.groups.map((g) => [g.path, { config: g, children: [] }]));
  const placed = new Set<string>([""]);
  const place = (path: string): GroupNode => {
    const node = nodes.get(path);
    if (node === undefined) throw new Error(`no group ${JSON.stringify(path)}`);
    if (!placed.has(path)) {
      placed.add(path);
      place(parentGroupOf(path)).children.push({ kind: "group", node });
    }
    return node;
  };
  for (const [index, path] of scoring.tests.entries()) place(path).children.push({ kind: "test", index });
  return place("");
}

/** The verdict and score of `node` from the tests that ran (by index); null when none of its tests ran. */
export function gradeGroup(node: GroupNode, ran: ReadonlyMap<number, GradedTest>): GroupResult | null {
  const config = node.config;
  const children: GroupResult[] = [];
  for (const child of node.children) {
    let result: GroupResult | null;
    if (child.kind === "group") result = gradeGroup(child.node, ran);
    else {
      const test = ran.get(child.index);
      result =
        test === undefined
          ? null
          : { verdict: test.verdict, score: test.score ?? (test.verdict === "AC" ? config.acceptScore : config.rejectScore) };
    }
    if (result !== null) children.push(result);
  }
  if (children.length === 0) return null;
  // A judge error anywhere is the group's result as it is: no grader runs over it.
  const judgeError = children.find((c) => c.verdict === "IE");
  if (judgeError !== undefined) return judgeError;
  const counted = config.ignoreSample ? children.slice(-1) : children;
  const verdict =
    config.acceptIfAnyAccepted && counted.some((c) => c.verdict === "AC") ? "AC" : verdictOf(config.verdictRule, counted.map((c) => c.verdict));
  // The default grader prints its score with '%f': each group's score is rounded to 6 decimals.
  return { verdict, score: Number(aggregate(config.aggregation, counted.map((c) => c.score)).toFixed(6)) };
}

function verdictOf(rule: TestGroup["verdictRule"], verdicts: readonly Verdict[]): Verdict {
  switch (rule) {
    case "always_accept":
      return "AC";
    case "first_error":
      return verdicts.find((v) => v !== "AC") ?? "AC";
    case "worst_error":
      return WORST_FIRST[Math.min(...verdicts.map((v) => WORST_FIRST.indexOf(v)))] ?? "AC";
  }
}

function aggregate(how: TestGroup["aggregation"], scores: readonly number[]): number {
  switch (how) {
    case "sum":
      return scores.reduce((a, b) => a + b, 0);
    case "min":
      return Math.min(...scores);
    case "max":
      return Math.max(...scores);
    case "avg":
      return scores.reduce((a, b) => a + b, 0) / scores.length;
  }
}

/**
 * The most a submission can score: the root's declared range's upper end when it has one, else
 * the score of a submission every test of which is accepted (validator scores cannot be known
 * ahead, so a package with them should declare its range).
 */
export function maxScoreOf(root: GroupNode, tests: number): number {
  const upper = root.config.range?.[1];
  if (upper !== null && upper !== undefined) return upper;
  const all = new Map<number, GradedTest>(Array.from({ length: tests }, (_, i) => [i, { verdict: "AC" as Verdict }]));
  return gradeGroup(root, all)?.score ?? 0;
}

/** A scoring problem judged on no test (a compile error, a broken checker): 0 of its most; else nothing. */
export function nothingScored(bundle: TestBundle): { score?: number; maxScore?: number } {
  if (bundle.scoring?.scored !== true) return {};
  return { score: 0, maxScore: maxScoreOf(groupTree(bundle.scoring), bundle.tests.length) };
}

/**
 * Run a group's children in order, as the tree says: `runTest` judges one test (and records it
 * in `ran`); a subgroup runs whole before the next child; `on_reject: break` stops the group at
 * its first non-accepted child.
 */
export async function runGroup(
  node: GroupNode,
  ran: ReadonlyMap<number, GradedTest>,
  runTest: (index: number) => Promise<Verdict>,
): Promise<void> {
  for (const child of node.children) {
    let verdict: Verdict;
    if (child.kind === "test") verdict = await runTest(child.index);
    else {
      await runGroup(child.node, ran, runTest);
      verdict = gradeGroup(child.node, ran)?.verdict ?? "AC";
    }
    if (verdict !== "AC" && node.config.onReject === "break") return;
  }
}
