import { type DesignSignature, type Signature, type ValueType, elementType } from "@judge/protocol";
import { FunctionInputError } from "./errors.ts";

/**
 * LeetCode's test input (one JSON value per line) to the box format the drivers read
 * (docs/function-problems.md, "Box input format"). The worker does this, outside the box, so
 * no driver needs a JSON parser and a malformed case is refused before anything runs.
 */

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/** The stdin of one run: the boundary token, the number of cases, then each case. */
export function boxInput(signature: Signature, cases: readonly string[], boundary: string): Buffer {
  // One string encoded once: a buffer per value costs seconds for 60 cases of 10^5 values.
  const out: string[] = [`${boundary} ${cases.length}\n`];
  for (const [i, text] of cases.entries()) {
    encodeCase(signature, parseCaseLines(signature, text, i + 1), out);
    out.push("\n");
  }
  return Buffer.from(out.join(""), "utf8");
}

/** How many input lines one case of this signature has. */
export function linesPerCase(signature: Signature): number {
  return signature.kind === "function" ? signature.params.length : 2;
}

/**
 * Split a Testcase panel's text (LeetCode's: the cases' lines one after another, blank lines
 * ignored) into one text per case.
 */
export function splitCases(signature: Signature, text: string): string[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const per = linesPerCase(signature);
  if (lines.length === 0) throw new FunctionInputError("no test case: give one line per parameter");
  if (lines.length % per !== 0) {
    throw new FunctionInputError(`each case has ${per} line${per === 1 ? "" : "s"} (one per parameter); got ${lines.length}`);
  }
  const cases: string[] = [];
  for (let i = 0; i < lines.length; i += per) cases.push(lines.slice(i, i + per).join("\n"));
  return cases;
}

/** One case's values, parsed and checked against the signature. */
export function parseCaseLines(signature: Signature, text: string, caseNumber = 1): unknown[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const per = linesPerCase(signature);
  if (lines.length !== per) throw new FunctionInputError(`case ${caseNumber}: expected ${per} line(s), got ${lines.length}`);
  return lines.map((line, i) => {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw new FunctionInputError(`case ${caseNumber}, line ${i + 1}: not JSON: ${line.slice(0, 80)}`);
    }
  });
}

function encodeCase(signature: Signature, values: unknown[], out: string[]): void {
  if (signature.kind === "function") {
    for (const [i, param] of signature.params.entries()) encodeValue(param.type, values[i], param.name, out);
    return;
  }
  encodeDesignCase(signature, values[0], values[1], out);
}

function encodeDesignCase(signature: DesignSignature, calls: unknown, args: unknown, out: string[]): void {
  if (!Array.isArray(calls) || !Array.isArray(args) || calls.length !== args.length || calls.length === 0) {
    throw new FunctionInputError("a design case is two arrays of the same length: the calls, and their arguments");
  }
  if (calls[0] !== signature.className) throw new FunctionInputError(`the first call must be ${signature.className}`);
  encodeArguments(signature.constructorParams, args[0], signature.className, out);
  out.push(` ${calls.length - 1}`);
  for (let i = 1; i < calls.length; i++) {
    const index = signature.methods.findIndex((m) => m.name === calls[i]);
    if (index < 0) throw new FunctionInputError(`call ${i + 1}: ${String(calls[i])} is not a method of ${signature.className}`);
    out.push(` ${index}`);
    encodeArguments(signature.methods[index]!.params, args[i], String(calls[i]), out);
  }
}

function encodeArguments(params: DesignSignature["constructorParams"], args: unknown, what: string, out: string[]): void {
  if (!Array.isArray(args) || args.length !== params.length) {
    throw new FunctionInputError(`${what} takes ${params.length} argument(s)`);
  }
  for (const [i, param] of params.entries()) encodeValue(param.type, args[i], `${what}(${param.name})`, out);
}

/** Append ` <value>` in the box format; throws FunctionInputError naming `what` when the value does not fit the type. */
export function encodeValue(type: ValueType, value: unknown, what: string, out: string[]): void {
  const bad = (expected: string) => new FunctionInputError(`${what}: expected ${expected}, got ${JSON.stringify(value)?.slice(0, 80)}`);
  const element = elementType(type);
  if (element !== null) {
    if (!Array.isArray(value)) throw bad(type);
    out.push(` ${value.length}`);
    for (const [i, v] of value.entries()) encodeValue(element, v, `${what}[${i}]`, out);
    return;
  }
  switch (type) {
    case "integer":
      if (!Number.isInteger(value) || (value as number) < INT32.min || (value as number) > INT32.max) throw bad("a 32-bit integer");
      out.push(` ${value as number}`);
      return;
    case "long":
      // JSON.parse has already rounded integers past 2^53; LeetCode's long tests stay inside it.
      if (!Number.isSafeInteger(value)) throw bad("a 64-bit integer within ±2^53");
      out.push(` ${value as number}`);
      return;
    case "double":
      if (typeof value !== "number" || !Number.isFinite(value)) throw bad("a number");
      out.push(` ${String(value)}`);
      return;
    case "boolean":
      if (typeof value !== "boolean") throw bad("true or false");
      out.push(value ? " 1" : " 0");
      return;
    case "character": {
      // LeetCode's char is C's and C++'s one byte: an ASCII character in every language.
      if (typeof value !== "string" || value.length !== 1 || value.charCodeAt(0) > 127) throw bad("one ASCII character");
      out.push(` ${value.codePointAt(0)}`);
      return;
    }
    case "string": {
      if (typeof value !== "string") throw bad("a string");
      // The length in UTF-8 bytes, then the text itself: the whole input is encoded as UTF-8 once.
      out.push(` ${Buffer.byteLength(value, "utf8")} `, value);
      return;
    }
    case "ListNode":
      if (!Array.isArray(value)) throw bad("a list such as [1,2,3]");
      encodeValue("integer[]", value, what, out);
      return;
    case "TreeNode": {
      if (!Array.isArray(value)) throw bad("a tree in level order such as [1,null,2]");
      if (value.length > 0 && value[0] === null) throw bad("a tree whose root is not null");
      out.push(` ${value.length}`);
      value.forEach((v, i) => {
        if (v === null) out.push(" null");
        else encodeValue("integer", v, `${what}[${i}]`, out);
      });
      return;
    }
  }
  throw bad(type);
}
