import type { FunctionSignature } from "@judge/protocol";

/** A PHP solution returning its single argument (the type round-trip). */
export function identity(signature: FunctionSignature): string {
  return `class Solution {\n    function ${signature.name}($value) {\n        return $value;\n    }\n}\n`;
}
