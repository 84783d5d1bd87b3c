import type { DesignSignature, FunctionSignature, LanguageId, Param, ReturnType, Signature, ValueType } from "@judge/protocol";
import { elementType } from "@judge/protocol";
import type { FunctionLanguage, FunctionProgram } from "../function-language.ts";
import { PYTHON_DRIVER_BODY } from "./python-driver.ts";
import { typesOf } from "./signature-types.ts";

/**
 * Python 3 as LeetCode writes it (`class Solution:` with type hints from `typing`), for CPython
 * and PyPy alike: the starter, and a program of two files, the generated driver `main.py` and
 * the user's code untouched in `solution.py`.
 */

/** LeetCode's Python 3 spelling of a type. */
export function pythonType(type: ReturnType): string {
  if (type === "void") return "None";
  const element = elementType(type);
  if (element !== null) return `List[${pythonType(element)}]`;
  switch (type as Exclude<ValueType, `${string}[]` | `list<${string}>`>) {
    case "integer":
    case "long":
      return "int";
    case "double":
      return "float";
    case "boolean":
      return "bool";
    case "string":
    case "character":
      return "str";
    case "ListNode":
      return "Optional[ListNode]";
    case "TreeNode":
      return "Optional[TreeNode]";
  }
}

const LIST_NODE_COMMENT = [
  "# Definition for singly-linked list.",
  "# class ListNode:",
  "#     def __init__(self, val=0, next=None):",
  "#         self.val = val",
  "#         self.next = next",
];
const TREE_NODE_COMMENT = [
  "# Definition for a binary tree node.",
  "# class TreeNode:",
  "#     def __init__(self, val=0, left=None, right=None):",
  "#         self.val = val",
  "#         self.left = left",
  "#         self.right = right",
];

function nodeComments(signature: Signature): string {
  const types = typesOf(signature).map((t) => {
    let base: ReturnType | null = t;
    while (base !== null && base !== "void" && elementType(base) !== null) base = elementType(base);
    return base;
  });
  const lines = [...(types.includes("ListNode") ? LIST_NODE_COMMENT : []), ...(types.includes("TreeNode") ? TREE_NODE_COMMENT : [])];
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

const paramList = (params: readonly Param[]) => ["self", ...params.map((p) => `${p.name}: ${pythonType(p.type)}`)].join(", ");

function functionStarter(signature: FunctionSignature): string {
  return `class Solution:\n    def ${signature.name}(${paramList(signature.params)}) -> ${pythonType(signature.returns)}:\n        `;
}

function designStarter(signature: DesignSignature): string {
  const { className } = signature;
  const methods = [
    `    def __init__(${paramList(signature.constructorParams)}):\n        `,
    ...signature.methods.map((m) => `    def ${m.name}(${paramList(m.params)}) -> ${pythonType(m.returns)}:\n        `),
  ];
  const usage = [
    `# Your ${className} object will be instantiated and called as such:`,
    `# obj = ${className}(${signature.constructorParams.map((p) => p.name).join(",")})`,
    ...signature.methods.map((m, i) => {
      const call = `obj.${m.name}(${m.params.map((p) => p.name).join(",")})`;
      return m.returns === "void" ? `# ${call}` : `# param_${i + 1} = ${call}`;
    }),
  ];
  return `class ${className}:\n\n${methods.join("\n\n")}\n\n\n${usage.join("\n")}`;
}

/** What the driver needs of the signature, as a Python literal (strings, numbers and lists only). */
function driverSignature(signature: Signature): string {
  if (signature.kind === "function") {
    return JSON.stringify({
      kind: "function",
      name: signature.name,
      params: signature.params.map((p) => p.type),
      returns: signature.returns,
      output: signature.output?.paramIndex ?? -1,
    });
  }
  return JSON.stringify({
    kind: "design",
    name: signature.className,
    ctor: signature.constructorParams.map((p) => p.type),
    methods: signature.methods.map((m) => [m.name, m.params.map((p) => p.type), m.returns]),
  });
}

function pythonLanguage(id: LanguageId): FunctionLanguage {
  return {
    id,
    starter: (signature) => `${nodeComments(signature)}${signature.kind === "function" ? functionStarter(signature) : designStarter(signature)}`,
    program: (signature, code): FunctionProgram => ({
      main: "main.py",
      files: { "main.py": `_SIG = ${driverSignature(signature)}\n${PYTHON_DRIVER_BODY}`, "solution.py": code },
    }),
  };
}

export const python = pythonLanguage("python");
export const pypy = pythonLanguage("pypy");
