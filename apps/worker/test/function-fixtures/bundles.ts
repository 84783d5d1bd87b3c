import {
  type CheckerSpec,
  type DesignSignature,
  type FunctionSignature,
  type ResultComparison,
  type Signature,
  type TestBundle,
  ValueType,
} from "@judge/protocol";
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

/**
 * The generated echo design problem: method `echo<i>` takes and returns a value of the i-th
 * type. Its class is not `Echo`: PHP's class names are case-insensitive and `echo` is reserved.
 */
export function echoSignature(): DesignSignature {
  const methods = ValueType.options.map((type, i) => ({ name: `echo${i}`, params: [{ name: "value", type }], returns: type }));
  return { kind: "design", className: "EchoAll", constructorParams: [], methods };
}
