import { functionLanguages } from "@judge/function-problems";
import type { FunctionSignature } from "@judge/protocol";

/** A Java solution whose method `signature.name` returns its one parameter: LeetCode's starter code, filled in. */
export function identity(signature: FunctionSignature): string {
  const body = `{\n        return ${signature.params[0]!.name};\n    }`;
  return functionLanguages.java!.starter(signature).replace("{\n        \n    }", body);
}
