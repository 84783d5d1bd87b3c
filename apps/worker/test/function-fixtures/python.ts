import { functionLanguages } from "@judge/function-problems";
import type { FunctionSignature } from "@judge/protocol";

/**
 * LeetCode's Python 3 for the identity problem: the starter as shown, its empty body filled
 * with `return value`, so the starter's annotations must compile too.
 */
export function pythonIdentity(signature: FunctionSignature): string {
  return `${functionLanguages.python!.starter(signature)}return ${signature.params[0]!.name}\n`;
}
