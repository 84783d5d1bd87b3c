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
import { JAVA_LIST_NODE_IO, JAVA_RUNTIME, JAVA_TREE_NODE_IO } from "./java-runtime.ts";
import { argumentNames, nodeTypesOf } from "./signature-types.ts";

/**
 * Java as LeetCode has it: `class Solution` (or the design class) in a file of its own, with
 * LeetCode's implicit imports put in front of the user's first line so that every line keeps
 * its number; ListNode, TreeNode and javafx's Pair in files of their own; the driver in
 * Main.java. javac compiles Main.java and finds the others on the source path, so a file is
 * only compiled when a class it declares is needed: a user's own `Pair` wins over ours.
 */

const SCALARS: Record<ScalarType, { primitive: string; boxed: string; read: string }> = {
  integer: { primitive: "int", boxed: "Integer", read: "i32" },
  long: { primitive: "long", boxed: "Long", read: "i64" },
  double: { primitive: "double", boxed: "Double", read: "f64" },
  boolean: { primitive: "boolean", boxed: "Boolean", read: "bool" },
  character: { primitive: "char", boxed: "Character", read: "chr" },
  string: { primitive: "String", boxed: "String", read: "str" },
};
const ARRAY_READERS: Record<ScalarType, string> = {
  integer: "ints",
  long: "longs",
  double: "doubles",
  boolean: "bools",
  character: "chars",
  string: "strs",
};

/** What LeetCode's Java imports before the user's code (pasted solutions use these unqualified). */
const PRELUDE = [
  "java.util.*",
  "java.util.function.*",
  "java.util.stream.*",
  "java.util.concurrent.*",
  "java.util.concurrent.atomic.*",
  "java.util.regex.*",
  "java.math.*",
  "java.io.*",
]
  .map((p) => `import ${p};`)
  .join(" ");

/** `import javafx.util.Pair;` names a package we cannot have (no subdirectories in /box); our Pair is in the default package. */
const JAVAFX_PAIR_IMPORT = /^([ \t]*)(import[ \t]+javafx[ \t]*\.[ \t]*util[ \t]*\.[ \t]*(?:Pair|\*)[ \t]*;)/gm;

export function javaType(type: ReturnType): string {
  if (type === "void" || type === "ListNode" || type === "TreeNode") return type;
  const element = elementType(type);
  if (element === null) return SCALARS[type as ScalarType].primitive;
  if (type.startsWith("list<")) return `List<${boxedType(element)}>`;
  return `${javaType(element)}[]`;
}

function boxedType(type: ValueType): string {
  return elementType(type) === null && type in SCALARS ? SCALARS[type as ScalarType].boxed : javaType(type);
}

/** A Java expression reading one value of `type` from the BoxIn `in`. */
function readExpression(type: ValueType): string {
  if (type === "ListNode") return "readListNode(in)";
  if (type === "TreeNode") return "readTreeNode(in)";
  const element = elementType(type);
  if (element === null) return `in.${SCALARS[type as ScalarType].read}()`;
  if (type.startsWith("list<")) return `in.list(() -> ${readExpression(element)})`;
  const inner = elementType(element);
  if (inner === null) return `in.${ARRAY_READERS[element as ScalarType]}()`;
  return `in.${ARRAY_READERS[inner as ScalarType]}2()`;
}

/** A Java statement writing `expression` (of `type`) as JSON to the Json `out`. */
function writeStatement(type: ValueType, expression: string): string {
  if (type === "ListNode") return `writeListNode(out, ${expression});`;
  if (type === "TreeNode") return `writeTreeNode(out, ${expression});`;
  return `out.value(${expression});`;
}

const LIST_NODE_COMMENT = `/**
 * Definition for singly-linked list.
 * public class ListNode {
 *     int val;
 *     ListNode next;
 *     ListNode() {}
 *     ListNode(int val) { this.val = val; }
 *     ListNode(int val, ListNode next) { this.val = val; this.next = next; }
 * }
 */
`;

const TREE_NODE_COMMENT = `/**
 * Definition for a binary tree node.
 * public class TreeNode {
 *     int val;
 *     TreeNode left;
 *     TreeNode right;
 *     TreeNode() {}
 *     TreeNode(int val) { this.val = val; }
 *     TreeNode(int val, TreeNode left, TreeNode right) {
 *         this.val = val;
 *         this.left = left;
 *         this.right = right;
 *     }
 * }
 */
`;

const LIST_NODE_CLASS = `public class ListNode {
    int val;
    ListNode next;
    ListNode() {}
    ListNode(int val) { this.val = val; }
    ListNode(int val, ListNode next) { this.val = val; this.next = next; }
}
`;

const TREE_NODE_CLASS = `public class TreeNode {
    int val;
    TreeNode left;
    TreeNode right;
    TreeNode() {}
    TreeNode(int val) { this.val = val; }
    TreeNode(int val, TreeNode left, TreeNode right) {
        this.val = val;
        this.left = left;
        this.right = right;
    }
}
`;

/** javafx.util.Pair as LeetCode's Java offers it without an import. */
const PAIR_CLASS = `public class Pair<K, V> {
    private final K key;
    private final V value;
    public Pair(K key, V value) { this.key = key; this.value = value; }
    public K getKey() { return key; }
    public V getValue() { return value; }
    @Override public String toString() { return key + "=" + value; }
    @Override public int hashCode() { return java.util.Objects.hashCode(key) * 13 + java.util.Objects.hashCode(value); }
    @Override public boolean equals(Object o) {
        return o instanceof Pair<?, ?> p && java.util.Objects.equals(key, p.key) && java.util.Objects.equals(value, p.value);
    }
}
`;

function nodeComments(signature: Signature): string {
  const nodes = nodeTypesOf(signature);
  return (nodes.list ? LIST_NODE_COMMENT : "") + (nodes.tree ? TREE_NODE_COMMENT : "");
}

const parameterList = (params: readonly Param[]) => params.map((p) => `${javaType(p.type)} ${p.name}`).join(", ");

function starter(signature: Signature): string {
  if (signature.kind === "function") {
    return `${nodeComments(signature)}class Solution {
    public ${javaType(signature.returns)} ${signature.name}(${parameterList(signature.params)}) {
        
    }
}`;
  }
  const { className } = signature;
  const methods = signature.methods.map(
    (m) => `    public ${javaType(m.returns)} ${m.name}(${parameterList(m.params)}) {
        
    }`,
  );
  const calls = signature.methods.map((m, i) => {
    const call = `obj.${m.name}(${argumentNames(m.params)});`;
    return m.returns === "void" ? ` * ${call}` : ` * ${javaType(m.returns)} param_${i + 1} = ${call}`;
  });
  return `${nodeComments(signature)}class ${className} {

    public ${className}(${parameterList(signature.constructorParams)}) {
        
    }
    
${methods.join("\n    \n")}
}

/**
 * Your ${className} object will be instantiated and called as such:
 * ${className} obj = new ${className}(${argumentNames(signature.constructorParams)});
${calls.join("\n")}
 */`;
}

/** Statements declaring p0, p1, ... (a0, a1, ... for a method's) read from the box, and the argument list using them. */
function readArguments(params: readonly Param[], prefix: string, indent: string): { statements: string; args: string } {
  const statements = params.map((p, i) => `${indent}${javaType(p.type)} ${prefix}${i} = ${readExpression(p.type)};\n`).join("");
  return { statements, args: params.map((_, i) => `${prefix}${i}`).join(", ") };
}

function functionCase(signature: FunctionSignature): string {
  const { statements, args } = readArguments(signature.params, "p", "        ");
  const call = `new Solution().${signature.name}(${args})`;
  if (signature.returns !== "void") return `${statements}        ${writeStatement(signature.returns, call)}\n`;
  const index = signature.output?.paramIndex ?? 0;
  return `${statements}        ${call};\n        ${writeStatement(signature.params[index]!.type, `p${index}`)}\n`;
}

function designCase(signature: DesignSignature): string {
  const { statements, args } = readArguments(signature.constructorParams, "p", "        ");
  const cases = signature.methods.map((m, index) => {
    const read = readArguments(m.params, "a", "                ");
    const call = `obj.${m.name}(${read.args})`;
    const write = m.returns === "void" ? `${call};\n                out.value(null);` : writeStatement(m.returns, call);
    return `            case ${index} -> {\n${read.statements}                ${write}\n            }\n`;
  });
  return `${statements}        ${signature.className} obj = new ${signature.className}(${args});
        out.s.append("[null");
        for (int calls = in.i32(); calls > 0; calls--) {
            out.s.append(',');
            switch (in.i32()) {
${cases.join("")}            default -> throw new IllegalStateException("no such method");
            }
        }
        out.s.append(']');
`;
}

function driver(signature: Signature): string {
  const nodes = nodeTypesOf(signature);
  const body = signature.kind === "function" ? functionCase(signature) : designCase(signature);
  return `import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Calls the user's code once per case of the box input (stdin) and writes each result as a
 * JSON line on fd 3; after each case, the user's stdout is flushed and the boundary written.
 */
public class Main {
    public static void main(String[] args) throws Exception {
        BoxIn in = new BoxIn(System.in.readAllBytes());
        PrintStream stdout = System.out;
        String boundary = in.token();
        int cases = in.i32();
        try (OutputStream results = resultStream()) {
            for (int c = 0; c < cases; c++) {
                Json out = new Json();
                runCase(in, out);
                System.out.flush();
                stdout.print(boundary);
                stdout.flush();
                out.s.append('\\n');
                results.write(out.s.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * fd 3 as a stream. The JDK has no public way to wrap an inherited descriptor: FileDescriptor's
     * field is set by reflection where the JVM was started with java.io opened to us; elsewhere
     * /proc/self/fd/3 reopens it, which works for a pipe or a file but not for a socket.
     */
    private static OutputStream resultStream() throws IOException {
        try {
            FileDescriptor fd = new FileDescriptor();
            Field field = FileDescriptor.class.getDeclaredField("fd");
            field.setAccessible(true);
            field.setInt(fd, 3);
            return new FileOutputStream(fd);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new FileOutputStream("/proc/self/fd/3");
        }
    }

    private static void runCase(BoxIn in, Json out) throws Exception {
${body}    }
${nodes.list ? JAVA_LIST_NODE_IO : ""}${nodes.tree ? JAVA_TREE_NODE_IO : ""}${JAVA_RUNTIME}}
`;
}

function program(signature: Signature, code: string): FunctionProgram {
  const userFile = `${signature.kind === "function" ? "Solution" : signature.className}.java`;
  const nodes = nodeTypesOf(signature);
  // A byte order mark is legal only at a file's start, where the prelude now stands.
  const user = code.replace(/^\uFEFF/, "").replace(JAVAFX_PAIR_IMPORT, "$1/* $2 */");
  const files: Record<string, string> = {
    "Main.java": driver(signature),
    [userFile]: `${PRELUDE} ${user}`,
    "Pair.java": PAIR_CLASS,
  };
  if (nodes.list) files["ListNode.java"] = LIST_NODE_CLASS;
  if (nodes.tree) files["TreeNode.java"] = TREE_NODE_CLASS;
  return { main: "Main.java", files };
}

export const java: FunctionLanguage = { id: "java", starter, program };
