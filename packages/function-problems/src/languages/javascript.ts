import { type DesignSignature, type FunctionSignature, type ReturnType, type Signature, elementType } from "@judge/protocol";
import type { FunctionLanguage } from "../function-language.ts";
import { nodeProgramSource } from "./node-driver.ts";
import { nodeTypesOf } from "./signature-types.ts";

/**
 * LeetCode's JavaScript: `var twoSum = function(nums, target) {...}` under a JSDoc block, and a
 * design class as a constructor function with prototype methods (a pasted `class LRUCache`
 * works the same: the driver only calls `new` and methods).
 */

const LIST_NODE = `/**
 * Definition for singly-linked list.
 * function ListNode(val, next) {
 *     this.val = (val===undefined ? 0 : val)
 *     this.next = (next===undefined ? null : next)
 * }
 */
`;

const TREE_NODE = `/**
 * Definition for a binary tree node.
 * function TreeNode(val, left, right) {
 *     this.val = (val===undefined ? 0 : val)
 *     this.left = (left===undefined ? null : left)
 *     this.right = (right===undefined ? null : right)
 * }
 */
`;

/** The JSDoc type LeetCode writes: `number[]`, `character[][]`, `ListNode`. */
function jsdocType(type: ReturnType): string {
  if (type === "void") return "void";
  const element = elementType(type);
  if (element !== null) return `${jsdocType(element)}[]`;
  switch (type) {
    case "integer":
    case "long":
    case "double":
      return "number";
    default:
      return type;
  }
}

function functionStarter(s: FunctionSignature): string {
  const lines = ["/**", ...s.params.map((p) => ` * @param {${jsdocType(p.type)}} ${p.name}`)];
  if (s.returns === "void") {
    const target = s.params[s.output?.paramIndex ?? 0]!.name;
    lines.push(` * @return {void} Do not return anything, modify ${target} in-place instead.`);
  } else {
    lines.push(` * @return {${jsdocType(s.returns)}}`);
  }
  lines.push(" */", `var ${s.name} = function(${s.params.map((p) => p.name).join(", ")}) {`, "    ", "};");
  return lines.join("\n");
}

function designStarter(s: DesignSignature): string {
  const ctorParams = s.constructorParams.map((p) => p.name).join(", ");
  // LeetCode's constructor block is a plain JSDoc; it has none (only a blank line) without parameters.
  const ctorDoc =
    s.constructorParams.length === 0 ? "\n" : `/**\n${s.constructorParams.map((p) => ` * @param {${jsdocType(p.type)}} ${p.name}\n`).join("")} */\n`;
  let out = `${ctorDoc}var ${s.className} = function(${ctorParams}) {\n    \n};\n`;
  for (const m of s.methods) {
    // LeetCode's method blocks open with "/** " and end each @param line but the last with a space.
    const params = m.params.map((p) => ` \n * @param {${jsdocType(p.type)}} ${p.name}`).join("");
    out += `\n/**${params}\n * @return {${jsdocType(m.returns)}}\n */\n`;
    out += `${s.className}.prototype.${m.name} = function(${m.params.map((p) => p.name).join(", ")}) {\n    \n};\n`;
  }
  const calls = s.methods.map((m, i) => {
    const call = `obj.${m.name}(${m.params.map((p) => p.name).join(",")})`;
    return m.returns === "void" ? ` * ${call}` : ` * var param_${i + 1} = ${call}`;
  });
  out += `\n/** \n * Your ${s.className} object will be instantiated and called as such:\n * var obj = new ${s.className}(${s.constructorParams.map((p) => p.name).join(",")})\n${calls.join("\n")}\n */`;
  return out;
}

export const javascript: FunctionLanguage = {
  id: "javascript",
  starter(signature: Signature): string {
    const nodes = nodeTypesOf(signature);
    const header = (nodes.list ? LIST_NODE : "") + (nodes.tree ? TREE_NODE : "");
    return header + (signature.kind === "function" ? functionStarter(signature) : designStarter(signature));
  },
  program(signature: Signature, code: string) {
    return { main: "main.js", files: { "main.js": nodeProgramSource(signature, code) } };
  },
};
