import type { DesignSignature, FunctionSignature } from "@judge/protocol";
import { fillBodies } from "./fill-bodies.ts";
import { functionLanguages } from "@judge/function-problems";

/** A Go solution returning its single parameter: LeetCode's starter with `return` filled in. */
export function identity(signature: FunctionSignature): string {
  const starter = functionLanguages.go!.starter(signature);
  return starter.replace("{\n    \n}", `{\n    return ${signature.params[0]!.name}\n}`);
}

/** A Go design solution whose every method returns its argument: LeetCode's starter (struct, Constructor, methods), filled in. */
export function echo(signature: DesignSignature): string {
  const methods = signature.methods.map((m) => `{\n    return ${m.params[0]!.name}\n}`);
  const create = `{\n    return ${signature.className}{}\n}`;
  return fillBodies(functionLanguages.go!.starter(signature), "{\n    \n}", ["{\n}", create, ...methods]);
}
