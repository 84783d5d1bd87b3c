import type { CaseReport, SubmissionView, Verdict } from "@judge/protocol";
import { splitCaseInput, type CaseField } from "./testcases.ts";

/** A line of a case's input as shown: `nums =` and its value. */
export interface LabelledValue {
  label: string;
  value: string;
}

/**
 * A case's input as labelled values, one per field; an input whose lines do not match the
 * fields (or with no fields known) is one value labelled `Input`, never lost.
 */
export function labelledInput(fields: readonly CaseField[] | null, text: string): LabelledValue[] {
  const values = fields ? splitCaseInput(fields, text) : null;
  if (fields === null || values === null) return [{ label: "Input", value: text }];
  return fields.map((field, i) => ({ label: `${field.name} =`, value: values[i] ?? "" }));
}

/**
 * How a case came out: its verdict when the judge gave one; without one, a case with no
 * output was not run (the program stopped at an earlier case), and one with an output is
 * compared with the expected output if there is one, else left unjudged.
 */
export type CaseState = "passed" | "failed" | "unjudged";

export function caseState(report: CaseReport): CaseState {
  if (report.verdict !== null) return report.verdict === "AC" ? "passed" : "failed";
  if (report.output === null || report.expected === null) return "unjudged";
  return report.output === report.expected ? "passed" : "failed";
}

export function caseFailed(report: CaseReport): boolean {
  return caseState(report) === "failed";
}

/**
 * The verdict a finished Run shows: the run's own when it is not AC (a compile error, a
 * crash, a limit), else the first failing case's (WA when it has no verdict of its own).
 */
export function runVerdict(view: SubmissionView): Verdict {
  const own = view.verdict ?? "IE";
  if (own !== "AC") return own;
  const failed = (view.output?.cases ?? []).find(caseFailed);
  if (failed === undefined) return "AC";
  return failed.verdict !== null && failed.verdict !== "AC" ? failed.verdict : "WA";
}

/** Verdicts a function problem's submission reports a failing case for. */
const caseVerdicts: ReadonlySet<Verdict> = new Set<Verdict>(["WA", "RE", "TLE", "MLE", "OLE"]);

/** Whether a submission with this verdict failed on a case (so its stored view carries `failure`). */
export function failedOnACase(verdict: Verdict | null): boolean {
  return verdict !== null && caseVerdicts.has(verdict);
}
