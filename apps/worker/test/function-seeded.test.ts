import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, test } from "vitest";
import { functionProblems, testBundleOf } from "@judge/db";
import type { LanguageId, TestBundle, Verdict } from "@judge/protocol";
import type { Judge } from "../src/judge/index.ts";
import { createPrivateTestJudge, judgeOnce } from "./judge-fixtures.ts";

/**
 * The seeded LeetCode problems judged as a user would paste solutions from LeetCode: every
 * hidden test, the bundle the API would send. Python's solutions are the seeds' own references
 * (cpp and java ones too run here beside the fixtures written apart from them).
 */
const SOLUTIONS = join(import.meta.dirname, "function-fixtures", "solutions");
const extension: Partial<Record<LanguageId, string>> = {
  cpp: "cpp",
  java: "java",
  javascript: "js",
  go: "go",
  rust: "rs",
  php: "php",
  ruby: "rb",
};

let judge: Judge;
let available: Set<LanguageId>;
beforeAll(async () => {
  judge = await createPrivateTestJudge("function-seeded");
  available = new Set(judge.languages().map((l) => l.id));
});
afterAll(async () => {
  await judge.close();
});

function seededBundle(slug: string): TestBundle {
  const problem = functionProblems.find((p) => p.slug === slug);
  assert.ok(problem, slug);
  const tests = [...problem.samples, ...problem.hidden()].map((t, i) => ({ ...t, index: i + 1 }));
  const spec = problem.function!;
  return testBundleOf({
    timeLimitMs: problem.limits.timeMs,
    memoryLimitKb: problem.limits.memoryKb,
    checker: problem.checker,
    tests,
    kind: "function",
    signature: spec.signature,
    comparison: spec.comparison,
    references: spec.references,
  });
}

function fixture(slug: string, name: string): string | null {
  const path = join(SOLUTIONS, slug, name);
  return existsSync(path) ? readFileSync(path, "utf8") : null;
}

for (const problem of functionProblems) {
  describe(problem.slug, () => {
    const b = seededBundle(problem.slug);
    for (const reference of b.function!.references) {
      test(`the ${reference.language} reference is accepted on all ${b.tests.length} tests`, async (context) => {
        if (!available.has(reference.language)) context.skip();
        const outcome = await judgeOnce(judge, reference.language, reference.code, b);
        assert.equal(outcome.verdict, "AC", JSON.stringify({ failure: outcome.failure, compile: outcome.compileOutput }));
        assert.equal(outcome.passed, b.tests.length);
      });
    }
    for (const [language, ext] of Object.entries(extension) as Array<[LanguageId, string]>) {
      const code = fixture(problem.slug, `${language}.${ext}`);
      if (code === null) continue;
      test(`a pasted ${language} solution is accepted`, async (context) => {
        if (!available.has(language)) context.skip();
        const outcome = await judgeOnce(judge, language, code, b);
        assert.equal(outcome.verdict, "AC", JSON.stringify({ failure: outcome.failure, compile: outcome.compileOutput }));
        assert.equal(outcome.passed, b.tests.length);
      });
    }
  });
}

describe("two-sum: wrong solutions get their verdicts", () => {
  const b = seededBundle("two-sum");
  const wrong: Array<[LanguageId, string, Verdict]> = [
    ["cpp", "wa.cpp", "WA"],
    ["cpp", "tle.cpp", "TLE"],
    ["cpp", "re.cpp", "RE"],
    ["cpp", "ce.cpp", "CE"],
    ["java", "wa.java", "WA"],
    ["java", "tle.java", "TLE"],
    ["java", "re.java", "RE"],
    ["java", "ce.java", "CE"],
    ["javascript", "wa.js", "WA"],
    ["javascript", "tle.js", "TLE"],
    ["javascript", "re.js", "RE"],
    // Node has no compile step here: a syntax error surfaces when the program starts.
    ["javascript", "ce.js", "RE"],
  ];
  for (const [language, file, verdict] of wrong) {
    test(`${language} ${file} gets ${verdict}`, async (context) => {
      if (!available.has(language)) context.skip();
      const outcome = await judgeOnce(judge, language, fixture("two-sum", file)!, b);
      assert.equal(outcome.verdict, verdict, JSON.stringify({ failure: outcome.failure, compile: outcome.compileOutput }));
      if (verdict === "WA") {
        // The user sees the case they failed: its input and both answers.
        assert.ok(outcome.failure);
        assert.equal(outcome.failure.input, b.tests[outcome.failure.index - 1]!.input);
        assert.equal(outcome.failure.expected, b.tests[outcome.failure.index - 1]!.output);
        assert.notEqual(outcome.failure.output, outcome.failure.expected);
      }
    });
  }

  test("python: a wrong answer, a timeout, an exception and a syntax error", async (context) => {
    if (!available.has("python")) context.skip();
    const method = "    def twoSum(self, nums: List[int], target: int) -> List[int]:\n";
    const cases: Array<[string, Verdict]> = [
      [`class Solution:\n${method}        return [0, 0]\n`, "WA"],
      [`class Solution:\n${method}        while True: pass\n`, "TLE"],
      [`class Solution:\n${method}        return nums[len(nums)]\n`, "RE"],
      [`class Solution:\n${method}        return [0, 1\n`, "CE"],
    ];
    for (const [code, verdict] of cases) {
      const outcome = await judgeOnce(judge, "python", code, b);
      assert.equal(outcome.verdict, verdict, code);
    }
  });
});
