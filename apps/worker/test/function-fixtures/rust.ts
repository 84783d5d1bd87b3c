import type { DesignSignature, FunctionSignature } from "@judge/protocol";
import { fillBodies } from "./fill-bodies.ts";
import { functionLanguages } from "@judge/function-problems";

/** A Rust solution returning its single parameter: LeetCode's starter with the body filled in. */
export function identity(signature: FunctionSignature): string {
  const starter = functionLanguages.rust!.starter(signature);
  return starter.replace("{\n        \n    }", `{\n        ${snakeCase(signature.params[0]!.name)}\n    }`);
}

/** A parameter's name as LeetCode's Rust starter spells it. */
function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

/** A Rust design solution whose every method returns its argument: LeetCode's starter (`new`, `&self` methods), filled in. */
export function echo(signature: DesignSignature): string {
  const methods = signature.methods.map((m) => `{\n        ${snakeCase(m.params[0]!.name)}\n    }`);
  const create = `{\n        ${signature.className} {}\n    }`;
  return fillBodies(functionLanguages.rust!.starter(signature), "{\n        \n    }", [create, ...methods]);
}
