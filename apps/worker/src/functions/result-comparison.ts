import { type ResultComparison, type ReturnType, type Signature, elementType } from "@judge/protocol";

/**
 * A function problem's result against the expected one, in the worker (never in the box). Typed:
 * the signature says where doubles are (compared with the tolerance) and where values must be
 * equal exactly; `anyOrder` makes the outer array (1), or it and each inner array (2), multisets.
 */

/** The type of one case's result: a value, or for a design case one type per call. */
export type ResultType = { kind: "value"; type: ReturnType } | { kind: "calls"; types: ReturnType[] };

/** A design case's first input line names its calls: the constructor, then methods. */
export function resultTypeOf(signature: Signature, caseInput: string): ResultType {
  if (signature.kind === "function") {
    const type = signature.returns === "void" ? signature.params[signature.output?.paramIndex ?? 0]!.type : signature.returns;
    return { kind: "value", type };
  }
  const firstLine = caseInput.split(/\r?\n/).find((line) => line.trim() !== "") ?? "[]";
  const calls = parseJson(firstLine);
  const names: unknown[] = calls.ok && Array.isArray(calls.value) ? calls.value : [];
  return {
    kind: "calls",
    types: names.map((name, i) => (i === 0 ? "void" : (signature.methods.find((m) => m.name === name)?.returns ?? "void"))),
  };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Whether the program's result line matches the expected JSON. A line that is not JSON never does. */
export function resultMatches(type: ResultType, expectedJson: string, actualLine: string, comparison: ResultComparison): boolean {
  const expected = parseJson(expectedJson);
  const actual = parseJson(actualLine);
  if (!expected.ok || !actual.ok) return false;
  const tolerance = comparison.tolerance;
  if (type.kind === "calls") {
    if (!Array.isArray(expected.value) || !Array.isArray(actual.value) || expected.value.length !== actual.value.length) return false;
    const calls = actual.value;
    return expected.value.every((e, i) => valueMatches(type.types[i] ?? "void", e, calls[i], 0, tolerance));
  }
  return valueMatches(type.type, expected.value, actual.value, comparison.anyOrder, tolerance);
}

type Tolerance = ResultComparison["tolerance"];

function valueMatches(type: ReturnType, expected: unknown, actual: unknown, anyOrder: 0 | 1 | 2, tolerance: Tolerance): boolean {
  if (expected === null || actual === null) return expected === actual;
  const element = type === "void" ? null : elementType(type);
  if (element !== null) {
    if (!Array.isArray(expected) || !Array.isArray(actual) || expected.length !== actual.length) return false;
    const inner: 0 | 1 | 2 = anyOrder === 2 ? 1 : 0;
    if (anyOrder === 0) return expected.every((e, i) => valueMatches(element, e, actual[i], 0, tolerance));
    // A multiset: each side in one canonical order (inner arrays sorted first when they too are unordered).
    const e = canonical(element, expected, inner);
    const a = canonical(element, actual, inner);
    return e.every((x, i) => valueMatches(element, x, a[i], inner, tolerance));
  }
  switch (type) {
    case "double":
      return typeof expected === "number" && typeof actual === "number" && closeEnough(expected, actual, tolerance);
    case "integer":
    case "long":
      return typeof expected === "number" && typeof actual === "number" && expected === actual;
    case "ListNode":
    case "TreeNode":
      return Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length && expected.every((x, i) => x === actual[i]);
    case "void":
      return true;
    default:
      return typeof expected === typeof actual && expected === actual;
  }
}

function closeEnough(expected: number, actual: number, tolerance: Tolerance): boolean {
  const diff = Math.abs(expected - actual);
  return diff <= tolerance.abs || diff <= tolerance.rel * Math.abs(expected);
}

/** The elements sorted by a total order on JSON values; an unordered inner array sorted itself first. */
function canonical(element: ReturnType, values: unknown[], innerAnyOrder: 0 | 1): unknown[] {
  const inner = elementType(element as Exclude<ReturnType, "void">);
  const prepared = innerAnyOrder === 1 && inner !== null ? values.map((v) => (Array.isArray(v) ? [...v].sort(order) : v)) : values;
  return [...prepared].sort(order);
}

const rank = (v: unknown): number => (v === null ? 0 : typeof v === "boolean" ? 1 : typeof v === "number" ? 2 : typeof v === "string" ? 3 : Array.isArray(v) ? 4 : 5);

/** A total order on JSON values: by kind, then numbers by value, strings by code unit, arrays element by element. */
function order(a: unknown, b: unknown): number {
  const byKind = rank(a) - rank(b);
  if (byKind !== 0) return byKind;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = order(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  return 0;
}
