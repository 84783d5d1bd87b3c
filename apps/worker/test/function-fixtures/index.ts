import type { FunctionSignature, LanguageId } from "@judge/protocol";
import { identity as cIdentity } from "./c.ts";
import { identity as cppIdentity } from "./cpp.ts";
import { identity as csharpIdentity } from "./csharp.ts";
import { identity as goIdentity } from "./go.ts";
import { identity as javaIdentity } from "./java.ts";
import { identity as javascriptIdentity } from "./javascript.ts";
import { identity as kotlinIdentity } from "./kotlin.ts";
import { identity as phpIdentity } from "./php.ts";
import { identity as rubyIdentity } from "./ruby.ts";
import { identity as rustIdentity } from "./rust.ts";
import { identity as typescriptIdentity } from "./typescript.ts";
import { pythonIdentity } from "./python.ts";

/**
 * User code, per language and in LeetCode's convention, for the generated identity problem
 * `{kind: "function", name: "identity", params: [{name: "value", type: T}], returns: T}`: it
 * returns its argument, so every value of every type must come back as it went in.
 */
export const identityFixtures: Partial<Record<LanguageId, (signature: FunctionSignature) => string>> = {
  c: cIdentity,
  cpp: cppIdentity,
  csharp: csharpIdentity,
  go: goIdentity,
  java: javaIdentity,
  javascript: javascriptIdentity,
  kotlin: kotlinIdentity,
  php: phpIdentity,
  ruby: rubyIdentity,
  rust: rustIdentity,
  typescript: typescriptIdentity,
  python: pythonIdentity,
  pypy: pythonIdentity,
};
