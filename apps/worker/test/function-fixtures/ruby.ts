import { rubyName } from "@judge/function-problems";
import type { FunctionSignature } from "@judge/protocol";

/** A Ruby solution returning its single argument, under LeetCode's snake_case name (the type round-trip). */
export function identity(signature: FunctionSignature): string {
  return `def ${rubyName(signature.name)}(value)\n    value\nend\n`;
}
