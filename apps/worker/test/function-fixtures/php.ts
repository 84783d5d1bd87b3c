import { functionLanguages } from "@judge/function-problems";
import type { DesignSignature, FunctionSignature } from "@judge/protocol";
import { fillBodies } from "./fill-bodies.ts";

/** A PHP solution returning its single argument (the type round-trip). */
export function identity(signature: FunctionSignature): string {
  return `class Solution {\n    function ${signature.name}($value) {\n        return $value;\n    }\n}\n`;
}

/** A PHP design solution whose every method returns its argument: LeetCode's starter, filled in. */
export function echo(signature: DesignSignature): string {
  const methods = signature.methods.map((m) => `{\n        return $${m.params[0]!.name};\n    }`);
  return fillBodies(functionLanguages.php!.starter(signature), "{\n        \n    }", ["{\n    }", ...methods]);
}
