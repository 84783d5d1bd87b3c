import type { FunctionSignature } from "@judge/protocol";
import { functionLanguages } from "@judge/function-problems";

/** A C++ solution returning its single parameter: LeetCode's starter with `return` filled in. */
export function identity(signature: FunctionSignature): string {
  const starter = functionLanguages.cpp!.starter(signature);
  return starter.replace("{\n        \n    }", `{\n        return ${signature.params[0]!.name};\n    }`);
}
