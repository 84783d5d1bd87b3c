import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { functionProblems } from "@judge/db";
import { PackageError, parseFunctionFile } from "../src/index.ts";

const rotateFile = {
  format: "judge/function-problem@1",
  slug: "rotate-mini",
  title: "Rotate",
  difficulty: "medium",
  statement: "Rotate `nums` right by `k`.",
  limits: { timeMs: 1000, memoryKb: 65536 },
  signature: {
    kind: "function",
    name: "rotate",
    params: [
      { name: "nums", type: "integer[]" },
      { name: "k", type: "integer" },
    ],
    returns: "void",
    output: { paramIndex: 0 },
  },
  examples: [{ args: [[1, 2, 3], 1], expected: [3, 1, 2] }],
  tests: [{ args: [[1, 2], 3], expected: [2, 1] }],
  references: [{ language: "python", code: "class Solution:\n    def rotate(self, nums, k):\n        pass\n" }],
};

const lruFile = {
  ...rotateFile,
  slug: "lru-mini",
  signature: {
    kind: "design",
    className: "LRUCache",
    constructorParams: [{ name: "capacity", type: "integer" }],
    methods: [
      { name: "get", params: [{ name: "key", type: "integer" }], returns: "integer" },
      { name: "put", params: [{ name: "key", type: "integer" }, { name: "value", type: "integer" }], returns: "void" },
    ],
  },
  examples: [],
  tests: [{ args: [["LRUCache", "put", "get"], [[1], [1, 1], [1]]], expected: [null, null, 1] }],
};

function refusal(raw: unknown): PackageError {
  try {
    parseFunctionFile(raw, { file: "problem.json" });
  } catch (error) {
    assert.ok(error instanceof PackageError, String(error));
    return error;
  }
  assert.fail("the file was accepted");
}

describe("parseFunctionFile", () => {
  test("a void function: tests stored as LeetCode's lines, the argument checked after the call as the expected", () => {
    const input = parseFunctionFile(rotateFile);
    assert.equal(input.kind, "function");
    assert.deepEqual(input.samples, [{ input: "[1,2,3]\n1", output: "[3,1,2]" }]);
    assert.deepEqual(input.tests, [{ input: "[1,2]\n3", output: "[2,1]" }]);
    assert.equal(input.published, false);
    assert.equal(parseFunctionFile(rotateFile, { published: true }).published, true);
    assert.deepEqual(input.checker, { kind: "exact" });
  });

  test("a design problem: two lines per test, one expected value per call", () => {
    const input = parseFunctionFile(lruFile);
    assert.deepEqual(input.tests, [{ input: '["LRUCache","put","get"]\n[[1],[1,1],[1]]', output: "[null,null,1]" }]);
  });

  test("refusals name the problem, the file and the test", () => {
    assert.match(refusal({ ...rotateFile, format: "leetcode" }).message, /^problem "rotate-mini", problem.json: format: /);
    assert.match(refusal({ ...rotateFile, signature: { ...rotateFile.signature, output: undefined } }).message, /signature.output: a void function says which parameter/);
    assert.match(refusal({ ...rotateFile, signature: { ...rotateFile.signature, params: [{ name: "nums", type: "int[]" }] } }).message, /signature/);
    assert.match(
      refusal({ ...rotateFile, tests: [{ args: [[1, 2], 3], expected: [2, 1] }, { args: [[1, "2"], 3], expected: [2, 1] }] }).message,
      /problem "rotate-mini", problem.json: test 2 \(tests\[1\]\): nums\[1\]: expected a 32-bit integer, got "2"/,
    );
    assert.match(refusal({ ...rotateFile, tests: [{ args: [[1, 2]], expected: [2, 1] }] }).message, /test 1 .*expected 2 line/);
    assert.match(refusal({ ...rotateFile, tests: [{ args: [[1, 2], 1], expected: 3 }] }).message, /test 1 .*expected: expected integer\[\]/);
    assert.match(refusal({ ...rotateFile, references: [] }).message, /references/);
    assert.match(refusal({ ...lruFile, tests: [{ args: [["LRUCache", "put", "get"], [[1], [1, 1], [1]]], expected: [null, null] }] }).message, /one value per call \(3\)/);
    assert.match(refusal({ ...lruFile, tests: [{ args: [["LRUCache", "put", "get"], [[1], [1, 1], [1]]], expected: [null, 5, 1] }] }).message, /expected\[1\]: put returns nothing/);
    assert.match(refusal({ ...lruFile, tests: [{ args: [["LRUCache", "pop"], [[1], []]], expected: [null, 1] }] }).message, /pop is not a method of LRUCache/);
    assert.match(refusal({ ...lruFile, tests: [{ args: [["LRUCache", "get"], [[1], [1]]], expected: [null, "1"] }] }).message, /expected\[1\] \(get\): expected a 32-bit integer/);
  });
});

describe("the seeded function problems are valid problem files", () => {
  test.each(functionProblems.map((p) => [p.slug, p] as const))("%s", (_slug, problem) => {
    const { seed } = problem;
    const file = {
      format: "judge/function-problem@1",
      slug: seed.slug,
      title: seed.title,
      difficulty: seed.difficulty,
      tags: seed.tags,
      statement: seed.statement,
      limits: seed.limits,
      signature: seed.signature,
      comparison: problem.function?.comparison,
      examples: seed.examples,
      tests: seed.hidden(),
      references: problem.function?.references,
    };
    const input = parseFunctionFile(JSON.parse(JSON.stringify(file)));
    assert.deepEqual(input.samples, problem.samples);
    assert.deepEqual(input.tests, problem.hidden());
    assert.deepEqual(input.signature, problem.function?.signature);
  });
});
