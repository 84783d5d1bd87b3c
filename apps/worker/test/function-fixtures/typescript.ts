import type { FunctionSignature } from "@judge/protocol";

/** A TypeScript solution returning its single argument (the type round-trip). */
export function identity(signature: FunctionSignature): string {
  return `function ${signature.name}(value: any): any {\n    return value;\n};\n`;
}
