import { functionLanguages } from "@judge/function-problems";
import type { DesignSignature, FunctionSignature } from "@judge/protocol";
import { fillBodies } from "./fill-bodies.ts";

/** A Java solution whose method `signature.name` returns its one parameter: LeetCode's starter code, filled in. */
export function identity(signature: FunctionSignature): string {
  const body = `{\n        return ${signature.params[0]!.name};\n    }`;
  return functionLanguages.java!.starter(signature).replace("{\n        \n    }", body);
}

/** A Java design solution whose every method returns its argument: LeetCode's starter, filled in. */
export function echo(signature: DesignSignature): string {
  const methods = signature.methods.map((m) => `{\n        return ${m.params[0]!.name};\n    }`);
  return fillBodies(functionLanguages.java!.starter(signature), "{\n        \n    }", ["{\n    }", ...methods]);
}
