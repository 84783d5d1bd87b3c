import { FunctionInputError, boxInput, splitCases } from "@judge/function-problems";
import type { Signature } from "@judge/protocol";
import { ApiError } from "../http/api-error.ts";

/** LeetCode's Testcase panel holds a few cases; each one costs a reference run too. */
export const MAX_RUN_CASES = 32;

/**
 * A function problem's Run input (the Testcase panel: each case's parameter lines, one after
 * another), checked the way the worker will encode it, so a malformed case is a 400 naming
 * the case and the parameter instead of a failed run. Returns the number of cases.
 */
export function functionRunCases(signature: Signature, input: string): number {
  try {
    const cases = splitCases(signature, input);
    if (cases.length > MAX_RUN_CASES) throw new FunctionInputError(`at most ${MAX_RUN_CASES} test cases per run; got ${cases.length}`);
    // Encoding parses every case and checks each value against its parameter's type.
    boxInput(signature, cases, "check");
    return cases.length;
  } catch (error) {
    if (error instanceof FunctionInputError) throw new ApiError("VALIDATION", `input: ${error.message}`, { code: error.code });
    throw error;
  }
}
