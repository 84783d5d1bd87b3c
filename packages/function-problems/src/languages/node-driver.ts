import type { Signature } from "@judge/protocol";

/**
 * The driver JavaScript and TypeScript share (docs/function-problems.md): it follows the user's
 * code in the same file, so errors keep the user's line numbers and the user's top-level names
 * (`twoSum`, `LRUCache`, their own `ListNode`) are in its scope. It runs in an IIFE so that none
 * of its names can clash with the user's, and it is plain JavaScript that TypeScript's
 * transpile-only compile accepts as it is.
 */

/**
 * LeetCode defines ListNode and TreeNode before the user's code. These go on the user's first
 * line (no newline, so line numbers stay the user's) and on the global object, so a user's own
 * `class ListNode` or `function ListNode` simply shadows them instead of clashing.
 */
export const NODE_PRELUDE =
  "globalThis.ListNode = function ListNode(val, next) { this.val = (val===undefined ? 0 : val); this.next = (next===undefined ? null : next); }; " +
  "globalThis.TreeNode = function TreeNode(val, left, right) { this.val = (val===undefined ? 0 : val); this.left = (left===undefined ? null : left); this.right = (right===undefined ? null : right); }; ";

/** The user's code between the prelude and the driver, as one source file. */
export function nodeProgramSource(signature: Signature, code: string): string {
  const target = signature.kind === "function" ? signature.name : signature.className;
  return `${NODE_PRELUDE}${code}\n${DRIVER.replace("__SIGNATURE__", () => JSON.stringify(signature)).replace("__TARGET__", () => target)}`;
}

// The leading `;` ends a user's last statement that has no semicolon, so `(function` is not a call.
const DRIVER = `;(function (SIG, target) {
  "use strict";
  const fs = require("fs");
  // readFileSync(0) throws EAGAIN when stdin is a non-blocking pipe; this read waits instead.
  function readInput() {
    const chunks = [];
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      let n;
      try {
        n = fs.readSync(0, chunk, 0, chunk.length, null);
      } catch (e) {
        if (e.code === "EAGAIN") continue;
        if (e.code === "EOF") break;
        throw e;
      }
      if (n === 0) break;
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    return Buffer.concat(chunks);
  }
  const data = readInput();
  let pos = 0;
  function token() {
    while (pos < data.length && (data[pos] === 32 || data[pos] === 10)) pos++;
    const start = pos;
    while (pos < data.length && data[pos] !== 32 && data[pos] !== 10) pos++;
    if (start === pos) throw new Error("judge driver: the input ended early");
    return data.toString("latin1", start, pos);
  }
  // Integers straight from the bytes: a string per token made reading 6·10^6 numbers 5x slower.
  function integer() {
    while (pos < data.length && (data[pos] === 32 || data[pos] === 10)) pos++;
    const negative = data[pos] === 45;
    if (negative) pos++;
    const start = pos;
    let value = 0;
    while (pos < data.length && data[pos] >= 48 && data[pos] <= 57) value = value * 10 + (data[pos++] - 48);
    if (start === pos) throw new Error("judge driver: the input ended early");
    return negative ? -value : value;
  }
  function elementOf(type) {
    if (type.endsWith("[]")) return type.slice(0, -2);
    if (type.startsWith("list<")) return type.slice(5, -1);
    return null;
  }
  function read(type) {
    const element = elementOf(type);
    if (element !== null) {
      const n = integer();
      const values = [];
      for (let i = 0; i < n; i++) values.push(read(element));
      return values;
    }
    switch (type) {
      case "integer": case "long": return integer();
      case "double": return Number(token());
      case "boolean": return token() === "1";
      case "character": return String.fromCodePoint(integer());
      case "string": {
        const n = integer();
        const s = data.toString("utf8", pos + 1, pos + 1 + n);
        pos += 1 + n;
        return s;
      }
      case "ListNode": {
        const values = read("integer[]");
        let head = null;
        for (let i = values.length - 1; i >= 0; i--) {
          const node = new ListNode(values[i]);
          node.next = head;
          head = node;
        }
        return head;
      }
      case "TreeNode": return readTree();
    }
    throw new Error("judge driver: unknown type " + type);
  }
  function readTree() {
    const n = integer();
    const values = [];
    for (let i = 0; i < n; i++) {
      const t = token();
      values.push(t === "null" ? null : Number(t));
    }
    if (n === 0 || values[0] === null) return null;
    const root = new TreeNode(values[0]);
    const queue = [root];
    let i = 1;
    for (let head = 0; i < n && head < queue.length; head++) {
      const node = queue[head];
      const left = values[i++];
      if (left !== null) queue.push((node.left = new TreeNode(left)));
      if (i >= n) break;
      const right = values[i++];
      if (right !== null) queue.push((node.right = new TreeNode(right)));
    }
    return root;
  }
  function listValues(head) {
    const out = [];
    const seen = new Set();
    for (let node = head; node !== null && node !== undefined; node = node.next) {
      if (seen.has(node)) throw new Error("the returned ListNode has a cycle");
      seen.add(node);
      out.push(node.val);
    }
    return out;
  }
  function treeValues(root) {
    const out = [];
    const queue = [root];
    const seen = new Set();
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head];
      if (node === null || node === undefined) {
        out.push(null);
        continue;
      }
      if (seen.has(node)) throw new Error("the returned TreeNode is not a tree (a node is reached twice)");
      seen.add(node);
      out.push(node.val);
      queue.push(node.left === undefined ? null : node.left, node.right === undefined ? null : node.right);
    }
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    return out;
  }
  // Compact JSON of what the user returned, as it is: a wrong shape is a wrong answer, not a crash.
  function json(v) {
    if (v === null || v === undefined) return "null";
    switch (typeof v) {
      case "boolean": return v ? "true" : "false";
      case "number": return Number.isFinite(v) ? JSON.stringify(v) : "null";
      case "bigint": return v.toString();
      case "string": return JSON.stringify(v);
    }
    if (Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView))) {
      const parts = [];
      for (const x of v) parts.push(json(x));
      return "[" + parts.join(",") + "]";
    }
    return "null";
  }
  function emit(type, v) {
    if (type === "ListNode") return json(listValues(v));
    if (type === "TreeNode") return json(treeValues(v));
    return json(v);
  }
  function writeResult(line) {
    const bytes = Buffer.from(line + "\\n");
    for (let off = 0; off < bytes.length; ) {
      try {
        off += fs.writeSync(3, bytes, off, bytes.length - off);
      } catch (e) {
        if (e.code !== "EAGAIN") throw e;
      }
    }
  }
  const boundary = token();
  const cases = integer();
  for (let c = 0; c < cases; c++) {
    let line;
    if (SIG.kind === "function") {
      const args = SIG.params.map((p) => read(p.type));
      const result = target(...args);
      if (SIG.returns === "void") {
        const k = SIG.output.paramIndex;
        line = emit(SIG.params[k].type, args[k]);
      } else {
        line = emit(SIG.returns, result);
      }
    } else {
      const object = new target(...SIG.constructorParams.map((p) => read(p.type)));
      const calls = integer();
      const parts = ["null"];
      for (let k = 0; k < calls; k++) {
        const method = SIG.methods[integer()];
        const args = method.params.map((p) => read(p.type));
        const result = object[method.name](...args);
        parts.push(method.returns === "void" ? "null" : emit(method.returns, result));
      }
      line = "[" + parts.join(",") + "]";
    }
    // Through the stream the user's console.log uses, so the boundary lands after their output.
    process.stdout.write(boundary);
    writeResult(line);
  }
})(__SIGNATURE__, __TARGET__);
`;
