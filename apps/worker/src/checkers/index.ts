import type { CheckerSpec } from "@judge/protocol";
import { exactChecker } from "./exact.ts";
import { floatChecker } from "./float.ts";
import { kattisDefaultChecker } from "./kattis-default.ts";
import { tokensChecker } from "./tokens.ts";

export { exactChecker } from "./exact.ts";
export { floatChecker, floatTokensAgree, type FloatTolerance } from "./float.ts";
export { kattisDefaultChecker, parseKattisFloat, type KattisDefaultOptions } from "./kattis-default.ts";
export { tokensChecker, linesOfTokens } from "./tokens.ts";
export { checkerVerdictByExit, checkerArgs, type CheckerVerdict } from "./program.ts";

/** Checkers that are a pure function of the two texts; a `program` checker runs in the sandbox (program.ts), an `interactor` with the submission (interactive/). */
export type BuiltinCheckerSpec = Exclude<CheckerSpec, { kind: "program" | "interactor" }>;
type CheckerKind = BuiltinCheckerSpec["kind"];
type Checker<K extends CheckerKind> = (spec: Extract<BuiltinCheckerSpec, { kind: K }>, expected: string, actual: string) => boolean;

/** One entry per checker kind: a new kind in the protocol does not compile until it is handled. */
const checkers: { [K in CheckerKind]: Checker<K> } = {
  exact: (_spec, expected, actual) => exactChecker(expected, actual),
  tokens: (_spec, expected, actual) => tokensChecker(expected, actual),
  float: (spec, expected, actual) => floatChecker(expected, actual, spec),
  "kattis-default": (spec, expected, actual) => kattisDefaultChecker(expected, actual, spec),
};

/** Does `actual` (the program's stdout) answer the test whose expected output is `expected`? Pure. */
export function check(spec: BuiltinCheckerSpec, expected: string, actual: string): boolean {
  return (checkers[spec.kind] as Checker<CheckerKind>)(spec, expected, actual);
}
