import { functionLanguages } from "@judge/function-problems";
import type { DesignSignature, FunctionSignature } from "@judge/protocol";
import { fillBodies } from "./fill-bodies.ts";

/**
 * A Kotlin solution whose method `signature.name` returns its one parameter: LeetCode's starter
 * code, filled in (a backquoted name is the same name, keyword or not).
 */
export function identity(signature: FunctionSignature): string {
  const body = `{\n        return \`${signature.params[0]!.name}\`\n    }`;
  return functionLanguages.kotlin!.starter(signature).replace("{\n        \n    }", body);
}

/** A Kotlin design solution whose every method returns its argument: LeetCode's starter (primary constructor, no body), filled in. */
export function echo(signature: DesignSignature): string {
  const methods = signature.methods.map((m) => `{\n        return \`${m.params[0]!.name}\`\n    }`);
  return fillBodies(functionLanguages.kotlin!.starter(signature), "{\n        \n    }", methods);
}
