import { type ScalarType, type ValueType, elementType } from "@judge/protocol";

const INT32_MAX = 2 ** 31 - 1;
const INT32_MIN = -(2 ** 31);

/** Values at the edges of each scalar type: the limits, zero, and texts a driver could mangle. */
const scalarEdges: Record<ScalarType, unknown[]> = {
  integer: [0, 1, -1, INT32_MAX, INT32_MIN, 42],
  long: [0, -1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 31, -(2 ** 40) + 7],
  double: [0, -2.5, 1e-7, 1e300, -1e-300, Math.PI, 0.1, 123456.789, 2],
  boolean: [true, false],
  string: ["", "hello world", "two\nlines", 'quote " and \\ backslash', "unicode é 漢字 😀", "  spaced  ", "tab\tand\rcr", "null", "[1,2]"],
  character: ["a", " ", '"', "\\", "Z", "\n", "~"],
};

/** Every edge value of a type, arrays and nodes included (empty ones first). */
export function edgeValues(type: ValueType): unknown[] {
  if (type === "ListNode") return [[], [1], [1, 2, 3], [INT32_MIN, 0, INT32_MAX]];
  if (type === "TreeNode") return [[], [1], [1, null, 2, 3], [1, 2, 3, 4, null, null, 5], [0, -1, INT32_MAX, null, INT32_MIN]];
  const element = elementType(type);
  if (element === null) return scalarEdges[type as ScalarType];
  const inner = edgeValues(element);
  if (elementType(element) === null) return [[], [inner[0]], inner];
  // Two dimensions: no rows, an empty row, rows of different lengths.
  const row = edgeValues(element)[2] as unknown[];
  return [[], [[]], [row, [row[0]], []]];
}
