import { rubyName } from "@judge/function-problems";
import { functionLanguages } from "@judge/function-problems";
import type { DesignSignature, FunctionSignature } from "@judge/protocol";
import { fillBodies } from "./fill-bodies.ts";

/** A Ruby solution returning its single argument, under LeetCode's snake_case name (the type round-trip). */
export function identity(signature: FunctionSignature): string {
  return `def ${rubyName(signature.name)}(value)\n    value\nend\n`;
}

/** A Ruby design solution whose every method returns its argument: LeetCode's starter, filled in. */
export function echo(signature: DesignSignature): string {
  const methods = signature.methods.map((m) => `\n        ${m.params[0]!.name}\n    end`);
  return fillBodies(functionLanguages.ruby!.starter(signature), "\n        \n    end", ["\n    end", ...methods]);
}
