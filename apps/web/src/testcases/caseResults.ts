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
 * Whether a case did not pass: its verdict when the judge gave one, else (no verdict) a
 * different output where an expected one exists. A case with nothing to compare passes.
 */
export function caseFailed(report: CaseReport): boolean {
  if (report.verdict !== null) return report.verdict !== "AC";
  return report.expected !== null && report.output !== report.expected;
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
