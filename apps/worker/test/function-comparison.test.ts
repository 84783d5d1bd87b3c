import assert from "node:assert/strict";
import { test } from "vitest";
import type { DesignSignature, ResultComparison, Signature, ValueType } from "@judge/protocol";
import { resultMatches, resultTypeOf } from "../src/functions/result-comparison.ts";
import { stdoutByCase } from "../src/functions/case-text.ts";

const exact: ResultComparison = { anyOrder: 0, tolerance: { abs: 1e-5, rel: 1e-5 } };
const returning = (type: ValueType): Signature => ({ kind: "function", name: "f", params: [{ name: "x", type: "integer" }], returns: type });

function matches(type: ValueType, expected: string, actual: string, comparison: Partial<ResultComparison> = {}): boolean {
  return resultMatches(resultTypeOf(returning(type), "1"), expected, actual, { ...exact, ...comparison });
}

test("exact by default: order, types and values count", () => {
  assert.equal(matches("integer[]", "[0,1]", "[0,1]"), true);
  assert.equal(matches("integer[]", "[0,1]", "[1,0]"), false);
  assert.equal(matches("integer[]", "[0,1]", "[0,1,2]"), false);
  assert.equal(matches("string", '"a b"', '"a b"'), true);
  assert.equal(matches("string", '"1"', "1"), false);
  assert.equal(matches("boolean", "true", "1"), false);
  assert.equal(matches("integer", "3", "3.0"), true);
  assert.equal(matches("integer", "3", "3.000001"), false);
  assert.equal(matches("TreeNode", "[1,null,2]", "[1,null,2]"), true);
  assert.equal(matches("TreeNode", "[1,null,2]", "[1,2]"), false);
  assert.equal(matches("ListNode", "[]", "null"), false);
});

test("a line that is not JSON never matches", () => {
  assert.equal(matches("integer", "3", "3 "), true);
  assert.equal(matches("integer", "3", "three"), false);
  assert.equal(matches("integer[]", "[1]", "[1"), false);
  assert.equal(matches("string", '"x"', ""), false);
});

test("doubles agree within the tolerance wherever they occur; other numbers exactly", () => {
  assert.equal(matches("double", "2.5", "2.500001"), true);
  assert.equal(matches("double", "2.5", "2.6"), false);
  assert.equal(matches("double", "1e300", "1.000001e300"), true);
  assert.equal(matches("double[][]", "[[1.0,2.0]]", "[[1.000001,1.999999]]"), true);
  assert.equal(matches("double", "2.5", "null"), false);
  assert.equal(matches("double", "0.1", "0.1000001", { tolerance: { abs: 0, rel: 0 } }), false);
  assert.equal(matches("long", "9007199254740991", "9007199254740990"), false);
});

test("anyOrder 1: the outer array is a multiset; 2: each inner one too", () => {
  assert.equal(matches("integer[]", "[1,2,2]", "[2,1,2]", { anyOrder: 1 }), true);
  assert.equal(matches("integer[]", "[1,2,2]", "[2,1,1]", { anyOrder: 1 }), false);
  const groups = '[["bat"],["nat","tan"],["ate","eat","tea"]]';
  assert.equal(matches("string[][]", groups, '[["tan","nat"],["bat"],["eat","tea","ate"]]', { anyOrder: 2 }), true);
  assert.equal(matches("string[][]", groups, '[["tan","nat"],["bat"],["eat","tea","ate"]]', { anyOrder: 1 }), false);
  assert.equal(matches("string[][]", groups, '[["nat","tan"],["bat"],["ate","eat","tea"]]', { anyOrder: 1 }), true);
  assert.equal(matches("string[][]", groups, '[["nat","tan"],["bat"],["ate","eat"]]', { anyOrder: 2 }), false);
  assert.equal(matches("double[]", "[1.0,2.0]", "[2.000001,0.999999]", { anyOrder: 1 }), true);
});

test("a design case: one value per call, typed by the method called", () => {
  const signature: DesignSignature = {
    kind: "design",
    className: "Box",
    constructorParams: [],
    methods: [
      { name: "put", params: [{ name: "x", type: "double" }], returns: "void" },
      { name: "mean", params: [], returns: "double" },
      { name: "count", params: [], returns: "integer" },
    ],
  };
  const type = resultTypeOf(signature, '["Box","put","mean","count"]\n[[],[1.5],[],[]]');
  assert.deepEqual(type, { kind: "calls", types: ["void", "void", "double", "integer"] });
  assert.equal(resultMatches(type, "[null,null,1.5,1]", "[null,null,1.5000001,1]", exact), true);
  assert.equal(resultMatches(type, "[null,null,1.5,1]", "[null,null,1.5,1.0000001]", exact), false);
  assert.equal(resultMatches(type, "[null,null,1.5,1]", "[null,null,1.5]", exact), false);
  assert.equal(resultMatches(type, "[null,null,1.5,1]", "[null,7,1.5,1]", exact), false);
});

test("stdout splits on the boundary, its newline belonging to the boundary", () => {
  const stdout = Buffer.from("one\n--b--\n--b--\nno newline--b--\nleft");
  assert.deepEqual(stdoutByCase(stdout, "--b--"), ["one\n", "", "no newline", "left"]);
});
