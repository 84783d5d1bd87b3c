import type { ScalarType, ValueType } from "@judge/protocol";

/**
 * A value type as the statically typed languages (C, C++, Go, Rust) see it: a scalar, a 1-D or
 * 2-D array of one (`list<T>` is an array to them), or one of LeetCode's two node types.
 */
export type Shape =
  | { kind: "scalar"; scalar: ScalarType }
  | { kind: "array"; scalar: ScalarType; depth: 1 | 2 }
  | { kind: "ListNode" }
  | { kind: "TreeNode" };

export function shapeOf(type: ValueType): Shape {
  if (type === "ListNode" || type === "TreeNode") return { kind: type };
  const list = /^list<(?:list<)?(\w+)>+$/.exec(type);
  if (list !== null) {
    return { kind: "array", scalar: list[1] as ScalarType, depth: type.startsWith("list<list<") ? 2 : 1 };
  }
  if (type.endsWith("[][]")) return { kind: "array", scalar: type.slice(0, -4) as ScalarType, depth: 2 };
  if (type.endsWith("[]")) return { kind: "array", scalar: type.slice(0, -2) as ScalarType, depth: 1 };
  return { kind: "scalar", scalar: type as ScalarType };
}

/** `twoSum` → `two_sum`, `nums1` stays, `getMin` → `get_min` (LeetCode's Rust names). */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

export function upperFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
