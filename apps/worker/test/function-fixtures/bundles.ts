import type { CheckerSpec, FunctionSignature, ResultComparison, Signature, TestBundle, ValueType } from "@judge/protocol";
import { bundle } from "../judge-fixtures.ts";

/** A function problem's bundle: each test is [input lines, expected JSON]; generous limits unless a test is about one. */
export function functionBundle(
  signature: Signature,
  tests: Array<[input: string, output: string]>,
  options: {
    limits?: Partial<TestBundle["limits"]>;
    comparison?: Partial<ResultComparison>;
    references?: Array<{ language: "python" | "pypy"; code: string }>;
    checker?: CheckerSpec;
  } = {},
): TestBundle {
  return {
    ...bundle(tests, options.limits, options.checker ?? { kind: "exact" }),
    function: {
      signature,
      comparison: { anyOrder: 0, tolerance: { abs: 1e-5, rel: 1e-5 }, ...options.comparison },
      references: options.references ?? [{ language: "python", code: "class Solution:\n    pass\n" }],
    },
  };
}

/** The generated identity problem of one type. */
export function identitySignature(type: ValueType): FunctionSignature {
  return { kind: "function", name: "identity", params: [{ name: "value", type }], returns: type };
}
