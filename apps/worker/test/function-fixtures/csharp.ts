import { functionLanguages } from "@judge/function-problems";
import type { FunctionSignature } from "@judge/protocol";

/**
 * A C# solution whose method (`signature.name` in PascalCase, as LeetCode's C# has it) returns
 * its one parameter: LeetCode's starter code, filled in (`@name` is the same name, keyword or not).
 */
export function identity(signature: FunctionSignature): string {
  const body = `{\n        return @${signature.params[0]!.name};\n    }`;
  return functionLanguages.csharp!.starter(signature).replace("{\n        \n    }", body);
}
