import type { FunctionSignature, LanguageId } from "@judge/protocol";
import { pythonIdentity } from "./python.ts";

/**
 * User code, per language and in LeetCode's convention, for the generated identity problem
 * `{kind: "function", name: "identity", params: [{name: "value", type: T}], returns: T}`: it
 * returns its argument, so every value of every type must come back as it went in. Each
 * language's helper adds one line here.
 */
export const identityFixtures: Partial<Record<LanguageId, (signature: FunctionSignature) => string>> = {
  python: pythonIdentity,
  pypy: pythonIdentity,
};
