import {
  type DesignSignature,
  elementType,
  type FunctionSignature,
  type Param,
  type ReturnType,
  type ScalarType,
  type Signature,
  type ValueType,
} from "@judge/protocol";
import type { FunctionLanguage, FunctionProgram } from "../function-language.ts";
import { KOTLIN_LIST_NODE_IO, KOTLIN_RUNTIME, KOTLIN_TREE_NODE_IO } from "./kotlin-runtime.ts";
import { argumentNames, nodeTypesOf } from "./signature-types.ts";

/**
 * Kotlin as LeetCode has it: `class Solution` (or the design class) in Solution.kt with
 * LeetCode's implicit imports put in front of the user's first line, so every line keeps its
 * number; ListNode and TreeNode in files of their own; the driver in main.kt (class MainKt).
 * The compile step is given the directory, so it compiles every file of the program.
 */

const SCALARS: Record<ScalarType, { type: string; array: string; read: string; readArray: string }> = {
  integer: { type: "Int", array: "IntArray", read: "i32", readArray: "ints" },
  long: { type: "Long", array: "LongArray", read: "i64", readArray: "longs" },
  double: { type: "Double", array: "DoubleArray", read: "f64", readArray: "doubles" },
  boolean: { type: "Boolean", array: "BooleanArray", read: "bool", readArray: "bools" },
  character: { type: "Char", array: "CharArray", read: "chr", readArray: "chars" },
  string: { type: "String", array: "Array<String>", read: "str", readArray: "strs" },
};

/** What LeetCode's Kotlin imports before the user's code (pasted solutions use Stack, min, abs unqualified). */
const PRELUDE = "import java.util.*; import kotlin.math.*;";

/** Kotlin's hard keywords: LeetCode writes a parameter so named in backquotes (`` `val`: Int ``). */
const KEYWORDS = new Set(
  "as break class continue do else false for fun if in interface is null object package return super this throw true try typealias typeof val var when while".split(" "),
);
const BQ = "`";
const name = (identifier: string) => (KEYWORDS.has(identifier) ? `${BQ}${identifier}${BQ}` : identifier);

export function kotlinType(type: ReturnType): string {
  if (type === "void") return "Unit";
  if (type === "ListNode" || type === "TreeNode") return `${type}?`;
  const element = elementType(type);
  if (element === null) return SCALARS[type as ScalarType].type;
  if (type.startsWith("list<")) return `List<${kotlinType(element)}>`;
  if (elementType(element) === null) return SCALARS[element as ScalarType].array;
  return `Array<${kotlinType(element)}>`;
}

/** A Kotlin expression reading one value of `type` from the BoxIn `input`. */
function readExpression(type: ValueType): string {
  if (type === "ListNode") return "readListNode(input)";
  if (type === "TreeNode") return "readTreeNode(input)";
  const element = elementType(type);
  if (element === null) return `input.${SCALARS[type as ScalarType].read}()`;
  if (type.startsWith("list<")) return `input.list { ${readExpression(element)} }`;
  if (elementType(element) === null) return `input.${SCALARS[element as ScalarType].readArray}()`;
  return `Array(input.i32()) { ${readExpression(element)} }`;
}

function writeStatement(type: ValueType, expression: string): string {
  if (type === "ListNode") return `writeListNode(out, ${expression})`;
  if (type === "TreeNode") return `writeTreeNode(out, ${expression})`;
  return `out.value(${expression})`;
}

const LIST_NODE_COMMENT = `/**
 * Example:
 * var li = ListNode(5)
 * var v = li.${BQ}val${BQ}
 * Definition for singly-linked list.
 * class ListNode(var ${BQ}val${BQ}: Int) {
 *     var next: ListNode? = null
 * }
 */
`;

const TREE_NODE_COMMENT = `/**
 * Example:
 * var ti = TreeNode(5)
 * var v = ti.${BQ}val${BQ}
 * Definition for a binary tree node.
 * class TreeNode(var ${BQ}val${BQ}: Int) {
 *     var left: TreeNode? = null
 *     var right: TreeNode? = null
 * }
 */
`;

const LIST_NODE_CLASS = `class ListNode(var ${BQ}val${BQ}: Int) {
    var next: ListNode? = null
}
`;

const TREE_NODE_CLASS = `class TreeNode(var ${BQ}val${BQ}: Int) {
    var left: TreeNode? = null
    var right: TreeNode? = null
}
`;

function nodeComments(signature: Signature): string {
  const nodes = nodeTypesOf(signature);
  return (nodes.list ? LIST_NODE_COMMENT : "") + (nodes.tree ? TREE_NODE_COMMENT : "");
}

const parameterList = (params: readonly Param[]) => params.map((p) => `${name(p.name)}: ${kotlinType(p.type)}`).join(", ");

function starter(signature: Signature): string {
  if (signature.kind === "function") {
    return `${nodeComments(signature)}class Solution {
    fun ${name(signature.name)}(${parameterList(signature.params)}): ${kotlinType(signature.returns)} {
        
    }
}`;
  }
  const { className } = signature;
  // A design method that returns nothing has no `: Unit`, unlike Solution's (LeetCode's MinStack.push).
  const methods = signature.methods.map((m) => {
    const result = m.returns === "void" ? "" : `: ${kotlinType(m.returns)}`;
    return `    fun ${name(m.name)}(${parameterList(m.params)})${result} {
        
    }`;
  });
  const calls = signature.methods.map((m, i) => {
    const call = `obj.${name(m.name)}(${argumentNames(m.params, name)})`;
    return m.returns === "void" ? ` * ${call}` : ` * var param_${i + 1} = ${call}`;
  });
  return `${nodeComments(signature)}class ${className}(${parameterList(signature.constructorParams)}) {

${methods.join("\n\n")}

}

/**
 * Your ${className} object will be instantiated and called as such:
 * var obj = ${className}(${argumentNames(signature.constructorParams, name)})
${calls.join("\n")}
 */`;
}

function readArguments(params: readonly Param[], prefix: string, indent: string): { statements: string; args: string } {
  const statements = params.map((p, i) => `${indent}val ${prefix}${i} = ${readExpression(p.type)}\n`).join("");
  return { statements, args: params.map((_, i) => `${prefix}${i}`).join(", ") };
}

function functionCase(signature: FunctionSignature): string {
  const { statements, args } = readArguments(signature.params, "p", "        ");
  const call = `Solution().${name(signature.name)}(${args})`;
  if (signature.returns !== "void") return `${statements}        ${writeStatement(signature.returns, call)}\n`;
  const index = signature.output?.paramIndex ?? 0;
  return `${statements}        ${call}\n        ${writeStatement(signature.params[index]!.type, `p${index}`)}\n`;
}

function designCase(signature: DesignSignature): string {
  const { statements, args } = readArguments(signature.constructorParams, "p", "        ");
  const branches = signature.methods.map((m, index) => {
    const read = readArguments(m.params, "a", "                ");
    const call = `obj.${name(m.name)}(${read.args})`;
    const write = m.returns === "void" ? `${call}\n                out.value(null)` : writeStatement(m.returns, call);
    return `            ${index} -> {\n${read.statements}                ${write}\n            }\n`;
  });
  return `${statements}        val obj = ${signature.className}(${args})
        out.s.append("[null")
        repeat(input.i32()) {
            out.s.append(',')
            when (input.i32()) {
${branches.join("")}            else -> throw IllegalStateException("no such method")
            }
        }
        out.s.append(']')
`;
}

function driver(signature: Signature): string {
  const nodes = nodeTypesOf(signature);
  const body = signature.kind === "function" ? functionCase(signature) : designCase(signature);
  return `/**
 * Calls the user's code once per case of the box input (stdin) and writes each result as a
 * JSON line on fd 3; after each case, the user's stdout is flushed and the boundary written.
 */
fun main() {
    MainKtDriver.run()
}

private object MainKtDriver {
    fun run() {
        val input = BoxIn(System.${BQ}in${BQ}.readBytes())
        val stdout = System.out
        val boundary = input.token()
        val cases = input.i32()
        resultStream().use { results ->
            repeat(cases) {
                val out = Json()
                runCase(input, out)
                System.out.flush()
                stdout.print(boundary)
                stdout.flush()
                out.s.append('\\n')
                results.write(out.s.toString().toByteArray(Charsets.UTF_8))
            }
        }
    }

    fun runCase(input: BoxIn, out: Json) {
${body}    }
${nodes.list ? KOTLIN_LIST_NODE_IO : ""}${nodes.tree ? KOTLIN_TREE_NODE_IO : ""}${KOTLIN_RUNTIME}}
`;
}

function program(signature: Signature, code: string): FunctionProgram {
  const nodes = nodeTypesOf(signature);
  const files: Record<string, string> = {
    "main.kt": driver(signature),
    // A byte order mark is legal only at a file's start, where the prelude now stands.
    "Solution.kt": `${PRELUDE} ${code.replace(/^\uFEFF/, "")}`,
  };
  if (nodes.list) files["ListNode.kt"] = LIST_NODE_CLASS;
  if (nodes.tree) files["TreeNode.kt"] = TREE_NODE_CLASS;
  return { main: "main.kt", files };
}

export const kotlin: FunctionLanguage = { id: "kotlin", starter, program };
