import { functionLanguages } from "@judge/function-problems";
import type { FunctionSignature } from "@judge/protocol";

/**
 * A Kotlin solution whose method `signature.name` returns its one parameter: LeetCode's starter
 * code, filled in (a backquoted name is the same name, keyword or not).
 */
export function identity(signature: FunctionSignature): string {
  const body = `{\n        return \`${signature.params[0]!.name}\`\n    }`;
  return functionLanguages.kotlin!.starter(signature).replace("{\n        \n    }", body);
}
