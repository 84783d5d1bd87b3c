import type { DesignMethod, DesignSignature, FunctionSignature, Param, ReturnType, ScalarType, Signature } from "@judge/protocol";
import type { FunctionLanguage, FunctionProgram } from "../function-language.ts";
import { C_MAIN, C_PRELUDE } from "./c-runtime.ts";
import { lowerFirst, shapeOf, upperFirst } from "./shape.ts";
import { nodeTypesOf } from "./signature-types.ts";

/**
 * C as LeetCode has it: arrays as a pointer and a size (`int* nums, int numsSize`), 2-D arrays
 * with column sizes, results that are arrays given back through `returnSize` (and
 * `returnColumnSizes`), design problems as a typedef'd struct and `<class>Create` /
 * `<class><Method>` / `<class>Free` functions. No uthash: LeetCode bundles it, Debian's gcc does not.
 */

const SOLUTION_FILE = "solution.c";

const scalars: Record<ScalarType, { c: string; name: string }> = {
  integer: { c: "int", name: "int" },
  long: { c: "long long", name: "long" },
  double: { c: "double", name: "double" },
  boolean: { c: "bool", name: "bool" },
  string: { c: "char*", name: "string" },
  character: { c: "char", name: "char" },
};

/** The C type of a value, pointers included (`int*`, `char**`, `struct ListNode*`). */
function cType(type: ReturnType): string {
  if (type === "void") return "void";
  const shape = shapeOf(type);
  switch (shape.kind) {
    case "scalar":
      return scalars[shape.scalar].c;
    case "array":
      return scalars[shape.scalar].c + "*".repeat(shape.depth);
    case "ListNode":
      return "struct ListNode*";
    case "TreeNode":
      return "struct TreeNode*";
  }
}

/** A parameter with the sizes LeetCode adds after it. */
function cParams(param: Param): string[] {
  const shape = shapeOf(param.type);
  const declared = `${cType(param.type)} ${param.name}`;
  if (shape.kind !== "array") return [declared];
  if (shape.depth === 1) return [declared, `int ${param.name}Size`];
  return [declared, `int ${param.name}Size`, `int* ${param.name}ColSize`];
}

/** What a result adds at the end of the parameters: its size, and for 2-D its column sizes. */
function resultParams(returns: ReturnType, design: boolean): string[] {
  if (returns === "void") return [];
  const shape = shapeOf(returns);
  if (shape.kind !== "array") return [];
  const [size, columns] = design ? ["retSize", "retColSize"] : ["returnSize", "returnColumnSizes"];
  return shape.depth === 1 ? [`int* ${size}`] : [`int* ${size}`, `int** ${columns}`];
}

const LIST_NODE_COMMENT = `/**
 * Definition for singly-linked list.
 * struct ListNode {
 *     int val;
 *     struct ListNode *next;
 * };
 */
`;

const TREE_NODE_COMMENT = `/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     struct TreeNode *left;
 *     struct TreeNode *right;
 * };
 */
`;

const ARRAY_NOTE = `/**
 * Note: The returned array must be malloced, assume caller calls free().
 */
`;

const MATRIX_NOTE = `/**
 * Return an array of arrays of size *returnSize.
 * The sizes of the arrays are returned as *returnColumnSizes array.
 * Note: Both returned array and *columnSizes array must be malloced, assume caller calls free().
 */
`;

function nodeComments(signature: Signature): string {
  const nodes = nodeTypesOf(signature);
  return (nodes.list ? LIST_NODE_COMMENT : "") + (nodes.tree ? TREE_NODE_COMMENT : "");
}

function functionStarter(signature: FunctionSignature): string {
  const shape = signature.returns === "void" ? null : shapeOf(signature.returns);
  const note = shape?.kind === "array" ? (shape.depth === 1 ? ARRAY_NOTE : MATRIX_NOTE) : "";
  const params = [...signature.params.flatMap(cParams), ...resultParams(signature.returns, false)].join(", ");
  return `${nodeComments(signature)}${note}${cType(signature.returns)} ${signature.name}(${params}) {\n    \n}`;
}

/** `LRUCache` + `get` → `lRUCacheGet`, LeetCode's C names for a design problem's functions. */
function designFunction(className: string, method: string): string {
  return `${lowerFirst(className)}${upperFirst(method)}`;
}

function methodParams(signature: DesignSignature, method: DesignMethod): string[] {
  return [`${signature.className}* obj`, ...method.params.flatMap(cParams), ...resultParams(method.returns, true)];
}

/** The names a call passes: `obj, key, value` (the sizes too: `obj, nums, numsSize`). */
function callArgs(params: string[]): string {
  return params.map((p) => /(\w+)$/.exec(p)![1]).join(", ");
}

function designStarter(signature: DesignSignature): string {
  const { className } = signature;
  const create = designFunction(className, "create");
  const ctorParams = signature.constructorParams.flatMap(cParams);
  const methods = signature.methods.map(
    (m) => `${cType(m.returns)} ${designFunction(className, m.name)}(${methodParams(signature, m).join(", ")}) {\n  \n}`,
  );
  const calls = signature.methods.map((m, i) => {
    const call = `${designFunction(className, m.name)}(${callArgs(methodParams(signature, m))});`;
    return m.returns === "void" ? ` * ${call}` : ` * ${cType(m.returns)} param_${i + 1} = ${call}`;
  });
  return `${nodeComments(signature)}


typedef struct {
    
} ${className};


${className}* ${create}(${ctorParams.join(", ")}) {
    
}

${methods.join("\n\n")}

void ${designFunction(className, "free")}(${className}* obj) {
    
}

/**
 * Your ${className} struct will be instantiated and called as such:
 * ${className}* obj = ${create}(${callArgs(ctorParams)});
${calls.map((c) => `${c}\n \n`).join("")} * ${designFunction(className, "free")}(obj);
*/`;
}

function starter(signature: Signature): string {
  return signature.kind === "function" ? functionStarter(signature) : designStarter(signature);
}

/** Reads `param` into the local `local` (and its sizes); the arguments to pass for it. */
function readArg(param: Param, local: string, indent: string): { read: string; args: string[] } {
  const shape = shapeOf(param.type);
  switch (shape.kind) {
    case "scalar":
      return { read: `${indent}${cType(param.type)} ${local} = judge_read_${scalars[shape.scalar].name}();\n`, args: [local] };
    case "ListNode":
      return { read: `${indent}struct ListNode* ${local} = judge_read_list();\n`, args: [local] };
    case "TreeNode":
      return { read: `${indent}struct TreeNode* ${local} = judge_read_tree();\n`, args: [local] };
    case "array": {
      const name = scalars[shape.scalar].name;
      if (shape.depth === 1) {
        return {
          read: `${indent}int ${local}Size = 0;\n${indent}${cType(param.type)} ${local} = judge_read_${name}_array(&${local}Size);\n`,
          args: [local, `${local}Size`],
        };
      }
      return {
        read: `${indent}int ${local}Size = 0;\n${indent}int* ${local}ColSize = NULL;\n${indent}${cType(param.type)} ${local} = judge_read_${name}_matrix(&${local}Size, &${local}ColSize);\n`,
        args: [local, `${local}Size`, `${local}ColSize`],
      };
    }
  }
}

/** The statement writing a value held in `local` (with its sizes in `sizes`) as JSON. */
function emit(type: ReturnType, local: string, sizes: string[]): string {
  if (type === "void") return `judge_append_text("null");`;
  const shape = shapeOf(type);
  switch (shape.kind) {
    case "scalar":
      return `judge_emit_${scalars[shape.scalar].name}(${local});`;
    case "ListNode":
      return `judge_emit_list(${local});`;
    case "TreeNode":
      return `judge_emit_tree(${local});`;
    case "array":
      return `judge_emit_${scalars[shape.scalar].name}_${shape.depth === 1 ? "array" : "matrix"}(${[local, ...sizes].join(", ")});`;
  }
}

function readArgs(params: readonly Param[], prefix: string, indent: string): { read: string; args: string[][] } {
  const parts = params.map((p, i) => readArg(p, `${prefix}${i}`, indent));
  return { read: parts.map((p) => p.read).join(""), args: parts.map((p) => p.args) };
}

/** The call, with `&returnSize` (and `&returnColumnSizes`) for an array result, and the result written. */
function invoke(target: string, args: string[], returns: ReturnType, indent: string): string {
  if (returns === "void") return `${indent}${target}(${args.join(", ")});\n`;
  const shape = shapeOf(returns);
  if (shape.kind === "array" && shape.depth === 1) {
    return `${indent}int resultSize = 0;\n${indent}${cType(returns)} result = ${target}(${[...args, "&resultSize"].join(", ")});\n${indent}${emit(returns, "result", ["resultSize"])}\n`;
  }
  if (shape.kind === "array") {
    return `${indent}int resultSize = 0;\n${indent}int* resultColumnSizes = NULL;\n${indent}${cType(returns)} result = ${target}(${[...args, "&resultSize", "&resultColumnSizes"].join(", ")});\n${indent}${emit(returns, "result", ["resultSize", "resultColumnSizes"])}\n`;
  }
  return `${indent}${cType(returns)} result = ${target}(${args.join(", ")});\n${indent}${emit(returns, "result", [])}\n`;
}

function functionCase(signature: FunctionSignature): string {
  const { read, args } = readArgs(signature.params, "a", "    ");
  let body = read + invoke(signature.name, args.flat(), signature.returns, "    ");
  if (signature.returns === "void") {
    const index = signature.output?.paramIndex ?? 0;
    const [local, ...sizes] = args[index]!;
    body += `    ${emit(signature.params[index]!.type, local!, sizes)}\n`;
  }
  return body;
}

function designCase(signature: DesignSignature): string {
  const { className } = signature;
  const ctor = readArgs(signature.constructorParams, "c", "    ");
  const cases = signature.methods.map((m, index) => {
    const { read, args } = readArgs(m.params, "a", "            ");
    const call = invoke(designFunction(className, m.name), ["obj", ...args.flat()], m.returns, "            ");
    const nothing = m.returns === "void" ? `            judge_append_text("null");\n` : "";
    return `        case ${index}: {\n${read}${call}${nothing}            break;\n        }\n`;
  });
  return `${ctor.read}    ${className}* obj = ${designFunction(className, "create")}(${ctor.args.flat().join(", ")});
    judge_append_text("[null");
    int calls = judge_read_int();
    for (int k = 0; k < calls; ++k) {
        judge_append(",", 1);
        switch (judge_read_int()) {
${cases.join("")}        }
    }
    judge_append("]", 1);
    ${designFunction(className, "free")}(obj);
`;
}

function program(signature: Signature, code: string): FunctionProgram {
  const body = signature.kind === "function" ? functionCase(signature) : designCase(signature);
  const main = `${C_PRELUDE}
#include "${SOLUTION_FILE}"

static void judge_run_case(void) {
${body}}

${C_MAIN}`;
  return { main: "main.c", files: { "main.c": main, [SOLUTION_FILE]: code } };
}

export const c: FunctionLanguage = { id: "c", starter, program };
