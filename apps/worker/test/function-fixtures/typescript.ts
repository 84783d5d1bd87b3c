import { functionLanguages } from "@judge/function-problems";
import type { DesignSignature, FunctionSignature } from "@judge/protocol";
import { fillBodies } from "./fill-bodies.ts";

/** A TypeScript solution returning its single argument (the type round-trip). */
export function identity(signature: FunctionSignature): string {
  return `function ${signature.name}(value: any): any {\n    return value;\n};\n`;
}

/** A TypeScript design solution whose every method returns its argument: LeetCode's starter, filled in. */
export function echo(signature: DesignSignature): string {
  const methods = signature.methods.map((m) => `{\n        return ${m.params[0]!.name};\n    }`);
  return fillBodies(functionLanguages.typescript!.starter(signature), "{\n        \n    }", ["{\n    }", ...methods]);
}
