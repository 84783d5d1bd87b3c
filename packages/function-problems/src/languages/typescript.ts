import { type DesignSignature, type FunctionSignature, type ReturnType, type Signature, elementType } from "@judge/protocol";
import type { FunctionLanguage } from "../function-language.ts";
import { nodeProgramSource } from "./node-driver.ts";
import { nodeTypesOf } from "./signature-types.ts";

/**
 * LeetCode's TypeScript: a top-level `function twoSum(nums: number[], target: number): number[]`
 * and a design `class`. The program is one main.ts (the toolchain transpiles main.ts alone, and
 * without a type check, so type errors are not a CE here) sharing JavaScript's driver.
 */

const LIST_NODE = `/**
 * Definition for singly-linked list.
 * class ListNode {
 *     val: number
 *     next: ListNode | null
 *     constructor(val?: number, next?: ListNode | null) {
 *         this.val = (val===undefined ? 0 : val)
 *         this.next = (next===undefined ? null : next)
 *     }
 * }
 */

`;

const TREE_NODE = `/**
 * Definition for a binary tree node.
 * class TreeNode {
 *     val: number
 *     left: TreeNode | null
 *     right: TreeNode | null
 *     constructor(val?: number, left?: TreeNode | null, right?: TreeNode | null) {
 *         this.val = (val===undefined ? 0 : val)
 *         this.left = (left===undefined ? null : left)
 *         this.right = (right===undefined ? null : right)
 *     }
 * }
 */

`;

function tsType(type: ReturnType): string {
  if (type === "void") return "void";
  const element = elementType(type);
  if (element !== null) return `${tsType(element)}[]`;
  switch (type) {
    case "integer":
    case "long":
    case "double":
      return "number";
    case "character":
      return "string";
    case "ListNode":
    case "TreeNode":
      return `${type} | null`;
    default:
      return type;
  }
}

const paramList = (params: FunctionSignature["params"]) => params.map((p) => `${p.name}: ${tsType(p.type)}`).join(", ");

function functionStarter(s: FunctionSignature): string {
  const note =
    s.returns === "void" ? `/**\n Do not return anything, modify ${s.params[s.output?.paramIndex ?? 0]!.name} in-place instead.\n */\n` : "";
  return `${note}function ${s.name}(${paramList(s.params)}): ${tsType(s.returns)} {\n    \n};`;
}

function designStarter(s: DesignSignature): string {
  const blocks = [
    `    constructor(${paramList(s.constructorParams)}) {\n        \n    }`,
    ...s.methods.map((m) => `    ${m.name}(${paramList(m.params)}): ${tsType(m.returns)} {\n        \n    }`),
  ];
  const calls = s.methods.map((m, i) => {
    const call = `obj.${m.name}(${m.params.map((p) => p.name).join(",")})`;
    return m.returns === "void" ? ` * ${call}` : ` * var param_${i + 1} = ${call}`;
  });
  return (
    `class ${s.className} {\n${blocks.join("\n\n")}\n}\n\n` +
    `/**\n * Your ${s.className} object will be instantiated and called as such:\n * var obj = new ${s.className}(${s.constructorParams.map((p) => p.name).join(",")})\n${calls.join("\n")}\n */`
  );
}

export const typescript: FunctionLanguage = {
  id: "typescript",
  starter(signature: Signature): string {
    const nodes = nodeTypesOf(signature);
    const header = (nodes.list ? LIST_NODE : "") + (nodes.tree ? TREE_NODE : "");
    return header + (signature.kind === "function" ? functionStarter(signature) : designStarter(signature));
  },
  program(signature: Signature, code: string) {
    return { main: "main.ts", files: { "main.ts": nodeProgramSource(signature, code) } };
  },
};
