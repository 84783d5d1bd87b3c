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
import { CSHARP_LIST_NODE_IO, CSHARP_RUNTIME, CSHARP_TREE_NODE_IO } from "./csharp-runtime.ts";
import { argumentNames, nodeTypesOf } from "./signature-types.ts";

/**
 * C# as LeetCode has it: `public class Solution` with PascalCase methods. mcs compiles one
 * file, so main.cs holds LeetCode's implicit usings, the user's code under `#line 1
 * "Solution.cs"` (compile errors give the user's own file and line), then ListNode/TreeNode
 * and the driver in a namespace of its own.
 */

const SCALARS: Record<ScalarType, { type: string; read: string }> = {
  integer: { type: "int", read: "I32" },
  long: { type: "long", read: "I64" },
  double: { type: "double", read: "F64" },
  boolean: { type: "bool", read: "Bool" },
  character: { type: "char", read: "Chr" },
  string: { type: "string", read: "Str" },
};

/** What LeetCode's C# has in scope before the user's code. */
const PRELUDE = [
  "System",
  "System.Collections",
  "System.Collections.Generic",
  "System.Linq",
  "System.Numerics",
  "System.Text",
  "System.Text.RegularExpressions",
]
  .map((n) => `using ${n};`)
  .join("\n");

const KEYWORDS = new Set(
  ("abstract as base bool break byte case catch char checked class const continue decimal default delegate do double else " +
    "enum event explicit extern false finally fixed float for foreach goto if implicit in int interface internal is lock long " +
    "namespace new null object operator out override params private protected public readonly ref return sbyte sealed short " +
    "sizeof stackalloc static string struct switch this throw true try typeof uint ulong unchecked unsafe ushort using virtual " +
    "void volatile while").split(" "),
);
const name = (identifier: string) => (KEYWORDS.has(identifier) ? `@${identifier}` : identifier);
/** LeetCode's C# methods are PascalCase: `twoSum` is `TwoSum`. */
const methodName = (identifier: string) => identifier[0]!.toUpperCase() + identifier.slice(1);

export function csharpType(type: ReturnType): string {
  if (type === "void" || type === "ListNode" || type === "TreeNode") return type;
  const element = elementType(type);
  if (element === null) return SCALARS[type as ScalarType].type;
  if (type.startsWith("list<")) return `IList<${csharpType(element)}>`;
  return `${csharpType(element)}[]`;
}

/** A C# expression reading one value of `type` from the BoxIn `input`. */
function readExpression(type: ValueType): string {
  if (type === "ListNode") return "ReadListNode(input)";
  if (type === "TreeNode") return "ReadTreeNode(input)";
  const element = elementType(type);
  if (element === null) return `input.${SCALARS[type as ScalarType].read}()`;
  if (type.startsWith("list<")) return `input.List(() => ${readExpression(element)})`;
  return `input.Array(() => ${readExpression(element)})`;
}

function writeStatement(type: ValueType, expression: string): string {
  if (type === "ListNode") return `WriteListNode(output, ${expression});`;
  if (type === "TreeNode") return `WriteTreeNode(output, ${expression});`;
  return `output.Value(${expression});`;
}

const LIST_NODE_COMMENT = `/**
 * Definition for singly-linked list.
 * public class ListNode {
 *     public int val;
 *     public ListNode next;
 *     public ListNode(int val=0, ListNode next=null) {
 *         this.val = val;
 *         this.next = next;
 *     }
 * }
 */
`;

const TREE_NODE_COMMENT = `/**
 * Definition for a binary tree node.
 * public class TreeNode {
 *     public int val;
 *     public TreeNode left;
 *     public TreeNode right;
 *     public TreeNode(int val=0, TreeNode left=null, TreeNode right=null) {
 *         this.val = val;
 *         this.left = left;
 *         this.right = right;
 *     }
 * }
 */
`;

const LIST_NODE_CLASS = `public class ListNode {
    public int val;
    public ListNode next;
    public ListNode(int val=0, ListNode next=null) {
        this.val = val;
        this.next = next;
    }
}
`;

const TREE_NODE_CLASS = `public class TreeNode {
    public int val;
    public TreeNode left;
    public TreeNode right;
    public TreeNode(int val=0, TreeNode left=null, TreeNode right=null) {
        this.val = val;
        this.left = left;
        this.right = right;
    }
}
`;

function nodeComments(signature: Signature): string {
  const nodes = nodeTypesOf(signature);
  return (nodes.list ? LIST_NODE_COMMENT : "") + (nodes.tree ? TREE_NODE_COMMENT : "");
}

const parameterList = (params: readonly Param[]) => params.map((p) => `${csharpType(p.type)} ${name(p.name)}`).join(", ");

function starter(signature: Signature): string {
  if (signature.kind === "function") {
    return `${nodeComments(signature)}public class Solution {
    public ${csharpType(signature.returns)} ${methodName(signature.name)}(${parameterList(signature.params)}) {
        
    }
}`;
  }
  const { className } = signature;
  const methods = signature.methods.map(
    (m) => `    public ${csharpType(m.returns)} ${methodName(m.name)}(${parameterList(m.params)}) {
        
    }`,
  );
  const calls = signature.methods.map((m, i) => {
    const call = `obj.${methodName(m.name)}(${argumentNames(m.params, name)});`;
    return m.returns === "void" ? ` * ${call}` : ` * ${csharpType(m.returns)} param_${i + 1} = ${call}`;
  });
  return `${nodeComments(signature)}public class ${className} {

    public ${className}(${parameterList(signature.constructorParams)}) {
        
    }
    
${methods.join("\n    \n")}
}

/**
 * Your ${className} object will be instantiated and called as such:
 * ${className} obj = new ${className}(${argumentNames(signature.constructorParams, name)});
${calls.join("\n")}
 */`;
}

function readArguments(params: readonly Param[], prefix: string, indent: string): { statements: string; args: string } {
  const statements = params.map((p, i) => `${indent}var ${prefix}${i} = ${readExpression(p.type)};\n`).join("");
  return { statements, args: params.map((_, i) => `${prefix}${i}`).join(", ") };
}

function functionCase(signature: FunctionSignature): string {
  const { statements, args } = readArguments(signature.params, "p", "            ");
  const call = `new global::Solution().${methodName(signature.name)}(${args})`;
  if (signature.returns !== "void") return `${statements}            ${writeStatement(signature.returns, call)}\n`;
  const index = signature.output?.paramIndex ?? 0;
  return `${statements}            ${call};\n            ${writeStatement(signature.params[index]!.type, `p${index}`)}\n`;
}

function designCase(signature: DesignSignature): string {
  const { statements, args } = readArguments(signature.constructorParams, "p", "            ");
  const cases = signature.methods.map((m, index) => {
    const read = readArguments(m.params, "a", "                        ");
    const call = `obj.${methodName(m.name)}(${read.args})`;
    const write = m.returns === "void" ? `${call};\n                        output.Value(null);` : writeStatement(m.returns, call);
    return `                    case ${index}: {\n${read.statements}                        ${write}\n                        break;\n                    }\n`;
  });
  return `${statements}            var obj = new global::${signature.className}(${args});
            output.S.Append("[null");
            for (int calls = input.I32(); calls > 0; calls--) {
                output.S.Append(',');
                switch (input.I32()) {
${cases.join("")}                    default: throw new InvalidOperationException("no such method");
                }
            }
            output.S.Append(']');
`;
}

function driver(signature: Signature): string {
  const nodes = nodeTypesOf(signature);
  const body = signature.kind === "function" ? functionCase(signature) : designCase(signature);
  return `namespace JudgeFunctionDriver {
    using System.Globalization;
    using System.IO;
    using System.Runtime.InteropServices;

    /// <summary>
    /// Calls the user's code once per case of the box input (stdin) and writes each result as a
    /// JSON line on fd 3; after each case, the user's stdout is flushed and the boundary written.
    /// </summary>
    static class Program {
        static void Main() {
            var stdin = new MemoryStream();
            Console.OpenStandardInput().CopyTo(stdin);
            var input = new BoxIn(stdin.ToArray());
            TextWriter stdout = Console.Out;
            string boundary = input.Token();
            int cases = input.I32();
            for (int c = 0; c < cases; c++) {
                var output = new Json();
                RunCase(input, output);
                Console.Out.Flush();
                stdout.Write(boundary);
                stdout.Flush();
                output.S.Append('\\n');
                ResultFd.WriteAll(Encoding.UTF8.GetBytes(output.S.ToString()));
            }
        }

        static void RunCase(BoxIn input, Json output) {
${body}        }
${nodes.list ? CSHARP_LIST_NODE_IO : ""}${nodes.tree ? CSHARP_TREE_NODE_IO : ""}    }
${CSHARP_RUNTIME}}
`;
}

function program(signature: Signature, code: string): FunctionProgram {
  const nodes = nodeTypesOf(signature);
  const main = [
    // A pasted solution often repeats a using of the prelude: harmless, and not worth a warning.
    "#pragma warning disable 105",
    PRELUDE,
    '#line 1 "Solution.cs"',
    code.replace(/^\uFEFF/, ""),
    "#line default",
    nodes.list ? LIST_NODE_CLASS : "",
    nodes.tree ? TREE_NODE_CLASS : "",
    driver(signature),
  ].join("\n");
  return { main: "main.cs", files: { "main.cs": main } };
}

export const csharp: FunctionLanguage = { id: "csharp", starter, program };
