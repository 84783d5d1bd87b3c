import type { DesignSignature, FunctionSignature, Param, ReturnType, ScalarType, Signature } from "@judge/protocol";
import type { FunctionLanguage, FunctionProgram } from "../function-language.ts";
import { GO_DRIVER_IMPORTS, GO_LIST_NODE, GO_MAX, GO_MIN, GO_ORDERED, GO_RUNTIME, GO_TREE_NODE } from "./go-runtime.ts";
import { implicitImports, topLevelNames } from "./go-imports.ts";
import { shapeOf, upperFirst } from "./shape.ts";
import { nodeTypesOf } from "./signature-types.ts";

/**
 * Go as LeetCode has it: a plain `func twoSum(nums []int, target int) []int`, `int` for
 * integers, `byte` for characters, `*ListNode`, a design problem as a struct with
 * `Constructor` and methods on its pointer, standard packages without import lines.
 *
 * The worker builds main.go alone, so the user's code shares that file with the driver; a
 * `//line` directive before it makes compile errors and panics name solution.go and the user's
 * own line numbers.
 */

const scalars: Record<ScalarType, { go: string; name: string }> = {
  integer: { go: "int", name: "Int" },
  long: { go: "int64", name: "Int64" },
  double: { go: "float64", name: "Float" },
  boolean: { go: "bool", name: "Bool" },
  string: { go: "string", name: "String" },
  character: { go: "byte", name: "Byte" },
};

function goType(type: ReturnType): string {
  if (type === "void") return "";
  const shape = shapeOf(type);
  switch (shape.kind) {
    case "scalar":
      return scalars[shape.scalar].go;
    case "array":
      return "[]".repeat(shape.depth) + scalars[shape.scalar].go;
    case "ListNode":
      return "*ListNode";
    case "TreeNode":
      return "*TreeNode";
  }
}

function goParams(params: readonly Param[]): string {
  return params.map((p) => `${p.name} ${goType(p.type)}`).join(", ");
}

/** `) int {`, or LeetCode's `)  {` (two spaces) when nothing is returned. */
function goResult(returns: ReturnType): string {
  return returns === "void" ? " " : ` ${goType(returns)}`;
}

const LIST_NODE_COMMENT = `/**
 * Definition for singly-linked list.
 * type ListNode struct {
 *     Val int
 *     Next *ListNode
 * }
 */
`;

const TREE_NODE_COMMENT = `/**
 * Definition for a binary tree node.
 * type TreeNode struct {
 *     Val int
 *     Left *TreeNode
 *     Right *TreeNode
 * }
 */
`;

function nodeComments(signature: Signature): string {
  const nodes = nodeTypesOf(signature);
  return (nodes.list ? LIST_NODE_COMMENT : "") + (nodes.tree ? TREE_NODE_COMMENT : "");
}

function starter(signature: Signature): string {
  if (signature.kind === "function") {
    return `${nodeComments(signature)}func ${signature.name}(${goParams(signature.params)})${goResult(signature.returns)} {\n    \n}`;
  }
  return designStarter(signature);
}

function designStarter(signature: DesignSignature): string {
  const { className } = signature;
  const methods = signature.methods.map(
    (m) => `func (this *${className}) ${upperFirst(m.name)}(${goParams(m.params)})${goResult(m.returns)} {\n    \n}`,
  );
  const calls = signature.methods.map((m, i) => {
    const call = `obj.${upperFirst(m.name)}(${m.params.map((p) => p.name).join(",")});`;
    return m.returns === "void" ? ` * ${call}` : ` * param_${i + 1} := ${call}`;
  });
  return `${nodeComments(signature)}type ${className} struct {
    
}


func Constructor(${goParams(signature.constructorParams)}) ${className} {
    
}


${methods.join("\n\n\n")}


/**
 * Your ${className} object will be instantiated and called as such:
 * obj := Constructor(${signature.constructorParams.map((p) => p.name).join(",")});
${calls.join("\n")}
 */`;
}

/** An expression reading one value of `type` from the box input. */
function reader(type: ReturnType): string {
  const shape = shapeOf(type as Exclude<ReturnType, "void">);
  switch (shape.kind) {
    case "scalar":
      return `judgeRead${scalars[shape.scalar].name}()`;
    case "array":
      return `judgeRead${shape.depth === 1 ? "Slice" : "Matrix"}(judgeRead${scalars[shape.scalar].name})`;
    case "ListNode":
      return "judgeReadList()";
    case "TreeNode":
      return "judgeReadTree()";
  }
}

/** A statement writing `value` (of `type`) as JSON. */
function emitter(type: ReturnType, value: string): string {
  if (type === "void") return `judgeOut = append(judgeOut, "null"...)`;
  const shape = shapeOf(type);
  switch (shape.kind) {
    case "scalar":
      return `judgeEmit${scalars[shape.scalar].name}(${value})`;
    case "array":
      return `judgeEmit${shape.depth === 1 ? "Slice" : "Matrix"}(${value}, judgeEmit${scalars[shape.scalar].name})`;
    case "ListNode":
      return `judgeEmitList(${value})`;
    case "TreeNode":
      return `judgeEmitTree(${value})`;
  }
}

function readArgs(params: readonly Param[], prefix: string, indent: string): string {
  return params.map((p, i) => `${indent}${prefix}${i} := ${reader(p.type)}\n`).join("");
}

function argList(params: readonly Param[], prefix: string): string {
  return params.map((_, i) => `${prefix}${i}`).join(", ");
}

function functionCase(signature: FunctionSignature): string {
  const call = `${signature.name}(${argList(signature.params, "a")})`;
  if (signature.returns === "void") {
    const index = signature.output?.paramIndex ?? 0;
    return `${readArgs(signature.params, "a", "\t")}\t${call}\n\t${emitter(signature.params[index]!.type, `a${index}`)}\n`;
  }
  return `${readArgs(signature.params, "a", "\t")}\tresult := ${call}\n\t${emitter(signature.returns, "result")}\n`;
}

function designCase(signature: DesignSignature): string {
  const cases = signature.methods.map((m, index) => {
    const call = `obj.${upperFirst(m.name)}(${argList(m.params, "a")})`;
    const body =
      m.returns === "void"
        ? `\t\t\t${call}\n\t\t\t${emitter("void", "")}\n`
        : `\t\t\tresult := ${call}\n\t\t\t${emitter(m.returns, "result")}\n`;
    return `\t\tcase ${index}:\n${readArgs(m.params, "a", "\t\t\t")}${body}`;
  });
  return `${readArgs(signature.constructorParams, "c", "\t")}\tobj := Constructor(${argList(signature.constructorParams, "c")})
	judgeOut = append(judgeOut, "[null"...)
	calls := judgeReadInt()
	for k := 0; k < calls; k++ {
		judgeOut = append(judgeOut, ',')
		switch judgeReadInt() {
${cases.join("")}		}
	}
	judgeOut = append(judgeOut, ']')
`;
}

function program(signature: Signature, code: string): FunctionProgram {
  // A pasted `package main` line would be a second package clause: blanked, so lines stay put.
  const user = code.replace(/^[ \t]*package[ \t]+\w+[ \t]*$/m, "");
  const { specs, anchors } = implicitImports(user);
  const declared = topLevelNames(user);
  const builtins = [
    ...(declared.has("ListNode") ? [] : [GO_LIST_NODE]),
    ...(declared.has("TreeNode") ? [] : [GO_TREE_NODE]),
    ...(declared.has("min") && declared.has("max") ? [] : [GO_ORDERED]),
    ...(declared.has("min") ? [] : [GO_MIN]),
    ...(declared.has("max") ? [] : [GO_MAX]),
  ];
  const body = signature.kind === "function" ? functionCase(signature) : designCase(signature);
  const main = `package main

import (
${[...GO_DRIVER_IMPORTS, ...specs].map((spec) => `\t${spec}\n`).join("")})

//line solution.go:1:1
${user}
//line judge_driver.go:1:1
${anchors.map((a) => `${a}\n`).join("")}
${builtins.join("\n")}
func judgeRunCase() {
${body}}

${GO_RUNTIME}`;
  return { main: "main.go", files: { "main.go": main } };
}

export const go: FunctionLanguage = { id: "go", starter, program };
