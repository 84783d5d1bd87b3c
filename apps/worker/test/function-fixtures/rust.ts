import type { FunctionSignature } from "@judge/protocol";
import { functionLanguages } from "@judge/function-problems";

/** A Rust solution returning its single parameter: LeetCode's starter with the body filled in. */
export function identity(signature: FunctionSignature): string {
  const starter = functionLanguages.rust!.starter(signature);
  const name = signature.params[0]!.name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
  return starter.replace("{\n        \n    }", `{\n        ${name}\n    }`);
}
