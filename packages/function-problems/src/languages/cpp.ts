import type { DesignSignature, FunctionSignature, Param, ReturnType, ScalarType, Signature } from "@judge/protocol";
import type { FunctionLanguage, FunctionProgram } from "../function-language.ts";
import { CPP_MAIN, CPP_PRELUDE } from "./cpp-runtime.ts";
import { shapeOf } from "./shape.ts";
import { nodeTypesOf } from "./signature-types.ts";

/**
 * C++ as LeetCode has it: `class Solution` with a public method, vectors by reference, the
 * whole standard library with `using namespace std`. The user's code is a file of its own,
 * `#include`d between the prelude and the driver, so compile errors name its own lines.
 */

const SOLUTION_FILE = "solution.cpp";

const scalars: Record<ScalarType, string> = {
  integer: "int",
  long: "long long",
  double: "double",
  boolean: "bool",
  string: "string",
  character: "char",
};

/** LeetCode's C++ type for a value of this type (as a result, or a local variable). */
export function cppType(type: ReturnType): string {
  if (type === "void") return "void";
  const shape = shapeOf(type);
  switch (shape.kind) {
    case "scalar":
      return scalars[shape.scalar];
    case "array":
      return shape.depth === 1 ? `vector<${scalars[shape.scalar]}>` : `vector<vector<${scalars[shape.scalar]}>>`;
    case "ListNode":
      return "ListNode*";
    case "TreeNode":
      return "TreeNode*";
  }
}

/** A parameter as LeetCode declares it: vectors by reference, everything else by value. */
function cppParam(param: Param): string {
  const type = cppType(param.type);
  return type.startsWith("vector<") ? `${type}& ${param.name}` : `${type} ${param.name}`;
}

const LIST_NODE_COMMENT = `/**
 * Definition for singly-linked list.
 * struct ListNode {
 *     int val;
 *     ListNode *next;
 *     ListNode() : val(0), next(nullptr) {}
 *     ListNode(int x) : val(x), next(nullptr) {}
 *     ListNode(int x, ListNode *next) : val(x), next(next) {}
 * };
 */
`;

const TREE_NODE_COMMENT = `/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     TreeNode *left;
 *     TreeNode *right;
 *     TreeNode() : val(0), left(nullptr), right(nullptr) {}
 *     TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
 *     TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
 * };
 */
`;

function nodeComments(signature: Signature): string {
  const nodes = nodeTypesOf(signature);
  return (nodes.list ? LIST_NODE_COMMENT : "") + (nodes.tree ? TREE_NODE_COMMENT : "");
}

function starter(signature: Signature): string {
  if (signature.kind === "function") {
    const params = signature.params.map(cppParam).join(", ");
    return `${nodeComments(signature)}class Solution {
public:
    ${cppType(signature.returns)} ${signature.name}(${params}) {
        
    }
};`;
  }
  return designStarter(signature);
}

function designStarter(signature: DesignSignature): string {
  const { className } = signature;
  const members = [
    `    ${className}(${signature.constructorParams.map(cppParam).join(", ")}) {\n        \n    }`,
    ...signature.methods.map((m) => `    ${cppType(m.returns)} ${m.name}(${m.params.map(cppParam).join(", ")}) {\n        \n    }`),
  ];
  const calls = signature.methods.map((m, i) => {
    const call = `obj->${m.name}(${m.params.map((p) => p.name).join(",")});`;
    return m.returns === "void" ? ` * ${call}` : ` * ${cppType(m.returns)} param_${i + 1} = ${call}`;
  });
  return `${nodeComments(signature)}class ${className} {
public:
${members.join("\n    \n")}
};

/**
 * Your ${className} object will be instantiated and called as such:
 * ${className}* obj = new ${className}(${signature.constructorParams.map((p) => p.name).join(",")});
${calls.join("\n")}
 */`;
}

/** Statements reading `params` into locals `${prefix}0`, `${prefix}1`, ... in order. */
function readArgs(params: readonly Param[], prefix: string, indent: string): string {
  return params
    .map((p, i) => `${indent}${cppType(p.type)} ${prefix}${i} = judge_driver::Reader<${cppType(p.type)}>::read();\n`)
    .join("");
}

function argList(params: readonly Param[], prefix: string): string {
  return params.map((_, i) => `${prefix}${i}`).join(", ");
}

function functionCase(signature: FunctionSignature): string {
  const call = `solution->${signature.name}(${argList(signature.params, "a")})`;
  const result =
    signature.returns === "void"
      ? `    ${call};\n    judge_driver::emit(out, a${signature.output?.paramIndex ?? 0});\n`
      : `    ${cppType(signature.returns)} result = ${call};\n    judge_driver::emit(out, result);\n`;
  // On the heap: a Solution with large member arrays would not fit on the stack.
  return `${readArgs(signature.params, "a", "    ")}    Solution* solution = new Solution();\n${result}`;
}

function designCase(signature: DesignSignature): string {
  const cases = signature.methods.map((m, index) => {
    const call = `obj->${m.name}(${argList(m.params, "a")})`;
    const result =
      m.returns === "void"
        ? `            ${call};\n            out += "null";\n`
        : `            ${cppType(m.returns)} result = ${call};\n            judge_driver::emit(out, result);\n`;
    return `        case ${index}: {\n${readArgs(m.params, "a", "            ")}${result}            break;\n        }\n`;
  });
  return `${readArgs(signature.constructorParams, "c", "    ")}    ${signature.className}* obj = new ${signature.className}(${argList(signature.constructorParams, "c")});
    out += "[null";
    int calls = judge_driver::Reader<int>::read();
    for (int k = 0; k < calls; ++k) {
        out += ',';
        switch (judge_driver::Reader<int>::read()) {
${cases.join("")}        }
    }
    out += ']';
`;
}

function program(signature: Signature, code: string): FunctionProgram {
  const body = signature.kind === "function" ? functionCase(signature) : designCase(signature);
  const main = `${CPP_PRELUDE}
#include "${SOLUTION_FILE}"

namespace judge_driver {
static void run_case(std::string& out) {
${body}}
}

${CPP_MAIN}`;
  return { main: "main.cpp", files: { "main.cpp": main, [SOLUTION_FILE]: code } };
}

export const cpp: FunctionLanguage = { id: "cpp", starter, program };
