import type { DesignSignature, FunctionSignature, LanguageId } from "@judge/protocol";
import { echo as cEcho, identity as cIdentity } from "./c.ts";
import { echo as cppEcho, identity as cppIdentity } from "./cpp.ts";
import { echo as csharpEcho, identity as csharpIdentity } from "./csharp.ts";
import { echo as goEcho, identity as goIdentity } from "./go.ts";
import { echo as javaEcho, identity as javaIdentity } from "./java.ts";
import { echo as javascriptEcho, identity as javascriptIdentity } from "./javascript.ts";
import { echo as kotlinEcho, identity as kotlinIdentity } from "./kotlin.ts";
import { echo as phpEcho, identity as phpIdentity } from "./php.ts";
import { echo as rubyEcho, identity as rubyIdentity } from "./ruby.ts";
import { echo as rustEcho, identity as rustIdentity } from "./rust.ts";
import { echo as typescriptEcho, identity as typescriptIdentity } from "./typescript.ts";
import { pythonEcho, pythonIdentity } from "./python.ts";

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

/**
 * User code, per language and in LeetCode's convention, for a design problem whose methods
 * each take one value and return it (`echoSignature()`: one method per type), so one judging
 * sends every type through the language's driver as an argument and as a result.
 */
export const echoFixtures: Partial<Record<LanguageId, (signature: DesignSignature) => string>> = {
  c: cEcho,
  cpp: cppEcho,
  csharp: csharpEcho,
  go: goEcho,
  java: javaEcho,
  javascript: javascriptEcho,
  kotlin: kotlinEcho,
  php: phpEcho,
  ruby: rubyEcho,
  rust: rustEcho,
  typescript: typescriptEcho,
  python: pythonEcho,
  pypy: pythonEcho,
};
