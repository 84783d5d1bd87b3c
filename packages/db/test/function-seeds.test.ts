import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { boxInput, encodeValue } from "@judge/function-problems";
import { FunctionSpec, type ValueType } from "@judge/protocol";
import { functionProblems, sampleProblems } from "../src/index.ts";
import { testBundleOf } from "../src/bundle.ts";

/** The slugs the issue asks for, LeetCode's own. */
const REQUIRED = [
  "two-sum",
  "valid-parentheses",
  "merge-two-sorted-lists",
  "maximum-depth-of-binary-tree",
  "best-time-to-buy-and-sell-stock",
  "group-anagrams",
  "median-of-two-sorted-arrays",
  "rotate-array",
  "lru-cache",
];

test("every required LeetCode problem is seeded, with `npm start`'s other samples", () => {
  assert.deepEqual(functionProblems.map((p) => p.slug).sort(), [...REQUIRED].sort());
  for (const p of functionProblems) assert.ok(sampleProblems.includes(p), `${p.slug} is not in sampleProblems`);
});

describe.each(functionProblems.map((p) => [p.slug, p] as const))("%s", (_slug, problem) => {
  const spec = FunctionSpec.parse(problem.function);
  const hidden = problem.hidden();

  test("at least 30 hidden tests, the same on every run", () => {
    assert.ok(hidden.length >= 30, `${hidden.length} hidden tests`);
    assert.deepEqual(problem.hidden(), hidden);
    assert.ok(problem.samples.length >= 1);
  });

  test("every test's input encodes to the box format and its expected value has the result's type", () => {
    for (const [i, t] of [...problem.samples, ...hidden].entries()) {
      boxInput(spec.signature, [t.input], "b");
      const expected: unknown = JSON.parse(t.output);
      const signature = spec.signature;
      if (signature.kind === "design") {
        const calls = JSON.parse(t.input.split("\n")[0]!) as string[];
        assert.equal((expected as unknown[]).length, calls.length, `test ${i + 1}`);
        for (const [k, name] of calls.entries()) {
          const returns = k === 0 ? "void" : signature.methods.find((m) => m.name === name)!.returns;
          if (returns === "void") assert.equal((expected as unknown[])[k], null);
          else encodeValue(returns, (expected as unknown[])[k], `test ${i + 1} expected[${k}]`, []);
        }
        continue;
      }
      const type: ValueType = signature.returns === "void" ? signature.params[signature.output!.paramIndex]!.type : signature.returns;
      encodeValue(type, expected, `test ${i + 1} expected`, []);
    }
  });

  test("references in python, cpp and java, in LeetCode's class form", () => {
    assert.deepEqual(spec.references.map((r) => r.language).sort(), ["cpp", "java", "python"]);
    const name = spec.signature.kind === "design" ? spec.signature.className : "Solution";
    for (const r of spec.references) assert.match(r.code, new RegExp(`class ${name}\\b`), r.language);
    if (spec.signature.kind === "function") {
      const python = spec.references.find((r) => r.language === "python")!.code;
      assert.match(python, new RegExp(`def ${spec.signature.name}\\(self, ${spec.signature.params.map((p) => `${p.name}: `).join(".*")}`));
    }
  });

  test("the whole bundle stays well under 1 MB", () => {
    const tests = [...problem.samples, ...hidden].map((t, i) => ({ ...t, index: i + 1 }));
    const bundle = testBundleOf({
      timeLimitMs: problem.limits.timeMs,
      memoryLimitKb: problem.limits.memoryKb,
      checker: problem.checker,
      tests,
      kind: "function",
      signature: spec.signature,
      comparison: spec.comparison,
      references: spec.references,
    });
    assert.ok(JSON.stringify(bundle).length < 768 * 1024, `${JSON.stringify(bundle).length} bytes`);
  });
});

test("LeetCode's details: rotate checks nums after the call, group-anagrams any order at both levels, lru-cache is a design", () => {
  const spec = (slug: string) => FunctionSpec.parse(functionProblems.find((p) => p.slug === slug)!.function);
  const rotate = spec("rotate-array").signature;
  assert.equal(rotate.kind === "function" && rotate.returns, "void");
  assert.deepEqual(rotate.kind === "function" && rotate.output, { paramIndex: 0 });
  assert.equal(spec("group-anagrams").comparison.anyOrder, 2);
  assert.equal(spec("two-sum").comparison.anyOrder, 1);
  const median = spec("median-of-two-sorted-arrays").signature;
  assert.equal(median.kind === "function" && median.returns, "double");
  assert.equal(spec("lru-cache").signature.kind, "design");
});

/** Each test's arguments, parsed, for the problem's own constraints. */
function argsOf(slug: string): unknown[][] {
  const problem = functionProblems.find((p) => p.slug === slug)!;
  return [...problem.samples, ...problem.hidden()].map((t) => t.input.split("\n").map((line) => JSON.parse(line) as unknown));
}

test("the tests keep LeetCode's constraints: one two-sum answer, median sizes, rotate's k, LRU bounds", () => {
  for (const [nums, target] of argsOf("two-sum") as [number[], number][]) {
    let pairs = 0;
    for (let i = 0; i < nums.length; i++) for (let j = i + 1; j < nums.length; j++) if (nums[i]! + nums[j]! === target) pairs++;
    assert.equal(pairs, 1, `two-sum ${JSON.stringify(nums).slice(0, 40)} target ${target}`);
    assert.ok(nums.length >= 2 && Math.abs(target) <= 1e9);
  }
  for (const [a, b] of argsOf("median-of-two-sorted-arrays") as [number[], number[]][]) {
    assert.ok(a.length <= 1000 && b.length <= 1000 && a.length + b.length >= 1);
    for (const xs of [a, b]) assert.ok(xs.every((x, i) => i === 0 || xs[i - 1]! <= x), "sorted");
  }
  for (const [nums, k] of argsOf("rotate-array") as [number[], number][]) assert.ok(nums.length >= 1 && k >= 0 && k <= 100_000);
  assert.ok(argsOf("rotate-array").some(([nums, k]) => (k as number) > (nums as number[]).length), "some k exceeds n");
  for (const [calls, args] of argsOf("lru-cache") as [string[], number[][]][]) {
    assert.ok(args[0]![0]! >= 1 && args[0]![0]! <= 3000);
    for (const a of args.slice(1)) assert.ok(a[0]! >= 0 && a[0]! <= 10_000 && (a[1] === undefined || (a[1] >= 0 && a[1] <= 100_000)));
    assert.ok(calls.length <= 200_001);
  }
  for (const [list1, list2] of argsOf("merge-two-sorted-lists") as [number[], number[]][]) {
    for (const xs of [list1, list2]) assert.ok(xs.length <= 50 && xs.every((x, i) => i === 0 || xs[i - 1]! <= x));
  }
});
