import type { CheckerConvention } from "@judge/protocol";

/** What a checker program decided; IE is the checker's own failure, never the contestant's. */
export type CheckerVerdict = "AC" | "WA" | "IE";

/**
 * Exit status to verdict, one table per convention. testlib: 0 ok, 1 wrong answer, 2
 * presentation error (judged WA, as Codeforces does), 3 `_fail` (the checker's own failure).
 * Kattis output validators: 42 accept, 43 reject. Every other status is IE.
 */
const exitTables: Record<CheckerConvention, ReadonlyMap<number, "AC" | "WA">> = {
  testlib: new Map([
    [0, "AC"],
    [1, "WA"],
    [2, "WA"],
  ]),
  kattis: new Map([
    [42, "AC"],
    [43, "WA"],
  ]),
};

/** A checker run that ended cleanly or with an exit status; a limit hit or a signal is IE. */
export function checkerVerdictByExit(convention: CheckerConvention, exitCode: number | null): CheckerVerdict {
  if (exitCode === null) return "IE";
  return exitTables[convention].get(exitCode) ?? "IE";
}

/** Where the judge shows a test's files to a checker (read-only), and its writable feedback dir. */
export const CHECK_DIR = "/check";
export const FEEDBACK_DIR = "/tmp";

/**
 * The arguments after the checker's own command, and what it reads on stdin.
 * testlib: `checker input output answer`; Kattis: `validator input answer feedback_dir < output`.
 */
export function checkerArgs(convention: CheckerConvention): { args: string[]; outputOnStdin: boolean } {
  switch (convention) {
    case "testlib":
      return { args: [`${CHECK_DIR}/input`, `${CHECK_DIR}/output`, `${CHECK_DIR}/answer`], outputOnStdin: false };
    case "kattis":
      return { args: [`${CHECK_DIR}/input`, `${CHECK_DIR}/answer`, `${FEEDBACK_DIR}/`], outputOnStdin: true };
  }
}
