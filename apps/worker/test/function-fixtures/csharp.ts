import { functionLanguages } from "@judge/function-problems";
import type { DesignSignature, FunctionSignature } from "@judge/protocol";
import { fillBodies } from "./fill-bodies.ts";

/**
 * A C# solution whose method (`signature.name` in PascalCase, as LeetCode's C# has it) returns
 * its one parameter: LeetCode's starter code, filled in (`@name` is the same name, keyword or not).
 */
export function identity(signature: FunctionSignature): string {
  const body = `{\n        return @${signature.params[0]!.name};\n    }`;
  return functionLanguages.csharp!.starter(signature).replace("{\n        \n    }", body);
}

/** A C# design solution whose every (PascalCase) method returns its argument: LeetCode's starter, filled in. */
export function echo(signature: DesignSignature): string {
  const methods = signature.methods.map((m) => `{\n        return @${m.params[0]!.name};\n    }`);
  return fillBodies(functionLanguages.csharp!.starter(signature), "{\n        \n    }", ["{\n    }", ...methods]);
}
