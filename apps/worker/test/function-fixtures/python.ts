import { functionLanguages } from "@judge/function-problems";
import type { DesignSignature, FunctionSignature } from "@judge/protocol";
import { fillBodies } from "./fill-bodies.ts";

/**
 * LeetCode's Python 3 for the identity problem: the starter as shown, its empty body filled
 * with `return value`, so the starter's annotations must compile too.
 */
export function pythonIdentity(signature: FunctionSignature): string {
  return `${functionLanguages.python!.starter(signature)}return ${signature.params[0]!.name}\n`;
}

/** LeetCode's Python 3 design starter with `__init__` passing and every method returning its argument. */
export function pythonEcho(signature: DesignSignature): string {
  const methods = signature.methods.map((m) => `:\n        return ${m.params[0]!.name}\n`);
  return fillBodies(functionLanguages.python!.starter(signature), ":\n        \n", [":\n        pass\n", ...methods]);
}
