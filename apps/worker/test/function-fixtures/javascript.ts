import type { FunctionSignature } from "@judge/protocol";

/** A pasted-LeetCode-style JavaScript solution returning its single argument (the type round-trip). */
export function identity(signature: FunctionSignature): string {
  return `var ${signature.name} = function(value) {\n    return value;\n};\n`;
}
