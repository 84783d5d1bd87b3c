import { z } from "zod";
import { LanguageId } from "./languages.ts";

/**
 * LeetCode-style function problems (docs/function-problems.md): the user writes a function or
 * a class, a generated driver calls it once per test case. The signature is language-neutral;
 * each language's starter code and driver are generated from it.
 */

/** Scalars as LeetCode's metadata names them. `integer` is 32-bit, `long` 64-bit. */
const scalarTypes = ["integer", "long", "double", "boolean", "string", "character"] as const;
export type ScalarType = (typeof scalarTypes)[number];
export const ScalarType = z.enum(scalarTypes);

/**
 * Every type a parameter or a result may have: scalars, their arrays and 2-D arrays, and
 * LeetCode's two node types. `list<T>` is an array too (same JSON, same box format), kept apart
 * because LeetCode's Java, Kotlin and C# signatures say `List<List<String>>` where others say
 * `int[][]`, and a pasted solution must compile as written.
 */
export type ValueType =
  | ScalarType
  | `${ScalarType}[]`
  | `${ScalarType}[][]`
  | `list<${ScalarType}>`
  | `list<list<${ScalarType}>>`
  | "ListNode"
  | "TreeNode";
const valueTypes: readonly ValueType[] = [
  ...scalarTypes,
  ...scalarTypes.map((t) => `${t}[]` as const),
  ...scalarTypes.map((t) => `${t}[][]` as const),
  ...scalarTypes.map((t) => `list<${t}>` as const),
  ...scalarTypes.map((t) => `list<list<${t}>>` as const),
  "ListNode",
  "TreeNode",
];

/** The element type of an array or list type, or null for a scalar or a node. */
export function elementType(type: ValueType): ValueType | null {
  if (type.endsWith("[]")) return type.slice(0, -2) as ValueType;
  if (type.startsWith("list<")) return type.slice(5, -1) as ValueType;
  return null;
}
export const ValueType = z.enum(valueTypes as [ValueType, ...ValueType[]]);
export type ReturnType = ValueType | "void";
export const ReturnType = z.union([ValueType, z.literal("void")]);

/** An identifier every target language accepts as written (camelCase, as LeetCode names them). */
export const Identifier = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9]*$/, "letters and digits, starting with a letter");

export const Param = z.object({ name: Identifier, type: ValueType });
export type Param = z.infer<typeof Param>;

/**
 * `class Solution` with one method (`twoSum`). A `void` method is checked through one of its
 * arguments after the call (`rotate`: `output.paramIndex` 0), as LeetCode does.
 */
export const FunctionSignature = z
  .object({
    kind: z.literal("function"),
    name: Identifier,
    params: z.array(Param).min(1).max(8),
    returns: ReturnType,
    /** For `void`: which parameter holds the result after the call. */
    output: z.object({ paramIndex: z.number().int().min(0) }).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.returns === "void" && s.output === undefined) {
      ctx.addIssue({ code: "custom", path: ["output"], message: "a void function says which parameter is checked" });
    }
    if (s.output !== undefined && s.output.paramIndex >= s.params.length) {
      ctx.addIssue({ code: "custom", path: ["output", "paramIndex"], message: "no such parameter" });
    }
    if (new Set(s.params.map((p) => p.name)).size !== s.params.length) {
      ctx.addIssue({ code: "custom", path: ["params"], message: "parameter names repeat" });
    }
  });
export type FunctionSignature = z.infer<typeof FunctionSignature>;

export const DesignMethod = z.object({ name: Identifier, params: z.array(Param).max(8), returns: ReturnType });
export type DesignMethod = z.infer<typeof DesignMethod>;

/**
 * A design problem (`LRUCache`): a constructor and methods. A test is LeetCode's two lines,
 * `["LRUCache","put","get"]` and `[[2],[1,1],[2]]`; the result is one value per call, `null`
 * for the constructor and for `void` methods.
 */
export const DesignSignature = z
  .object({
    kind: z.literal("design"),
    className: Identifier,
    constructorParams: z.array(Param).max(8),
    methods: z.array(DesignMethod).min(1).max(32),
  })
  .superRefine((s, ctx) => {
    if (new Set(s.methods.map((m) => m.name)).size !== s.methods.length) {
      ctx.addIssue({ code: "custom", path: ["methods"], message: "method names repeat (no overloads)" });
    }
  });
export type DesignSignature = z.infer<typeof DesignSignature>;

export const Signature = z.discriminatedUnion("kind", [FunctionSignature, DesignSignature]);
export type Signature = z.infer<typeof Signature>;

/**
 * How a result is compared with the expected one, in the worker. Doubles anywhere in a
 * result always compare with the tolerance (LeetCode accepts within 1e-5).
 */
export const ResultComparison = z.object({
  /** 0: arrays in order; 1: the outer array in any order; 2: it and each inner array in any order (group-anagrams) */
  anyOrder: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(0),
  /** doubles agree when |a-b| <= abs or |a-b| <= rel*|b| */
  tolerance: z.object({ abs: z.number().min(0), rel: z.number().min(0) }).default({ abs: 1e-5, rel: 1e-5 }),
});
export type ResultComparison = z.infer<typeof ResultComparison>;

/** A trusted solution, run sandboxed to give the expected output of a user's own cases (Run). */
export const ReferenceSolution = z.object({ language: LanguageId, code: z.string().min(1).max(64 * 1024) });
export type ReferenceSolution = z.infer<typeof ReferenceSolution>;

/** What a function problem adds to the test bundle the workers fetch. */
export const FunctionSpec = z.object({
  signature: Signature,
  comparison: ResultComparison,
  references: z.array(ReferenceSolution).min(1),
});
export type FunctionSpec = z.infer<typeof FunctionSpec>;

export const ProblemKind = z.enum(["stdin", "function"]);
export type ProblemKind = z.infer<typeof ProblemKind>;
