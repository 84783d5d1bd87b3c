import type { Sample, Signature } from "@judge/protocol";

/**
 * LeetCode's Testcase panel as data: a case is one text per field, a field is one line of
 * the input (docs/function-problems.md, "Test cases"): one per parameter, or for a design
 * problem the calls and their arguments.
 */

export interface CaseField {
  /** What the field is shown as: `nums`, or `calls` / `arguments` for a design problem. */
  name: string;
  /** The parameter's type, for the field's hint; null for a design problem's two lines. */
  type: string | null;
}

/** One value per field, in the signature's order. */
export type TestCase = string[];

/** The upper bound on cases in the panel, as LeetCode has: enough to try things, not a test suite. */
export const MAX_CASES = 10;

export function caseFields(signature: Signature): CaseField[] {
  if (signature.kind === "function") return signature.params.map((p) => ({ name: p.name, type: p.type }));
  return [
    { name: "calls", type: null },
    { name: "arguments", type: null },
  ];
}

function inputLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== "");
}

/**
 * One case's input text (a sample's, or a case the judge reports) as one value per field, or
 * null when its lines do not match the fields (then it is shown as it is).
 */
export function splitCaseInput(fields: readonly CaseField[], text: string): TestCase | null {
  const lines = inputLines(text);
  return lines.length === fields.length ? lines.map((line) => line.trim()) : null;
}

/** The panel's starting cases: one per sample, each field from its line (blank if missing). */
export function casesFromSamples(fields: readonly CaseField[], samples: readonly Sample[]): TestCase[] {
  const cases = samples.map((s) => {
    const lines = inputLines(s.input);
    return fields.map((_, i) => lines[i]?.trim() ?? "");
  });
  return cases.length > 0 ? cases : [fields.map(() => "")];
}

/** A field's value on one line: a JSON value may be typed or pasted over several. */
function oneLine(value: string): string {
  return value.replace(/\s*\r?\n\s*/g, " ").trim();
}

/** LeetCode's input text for Run: every case's lines, one after another. */
export function casesToInput(cases: readonly TestCase[]): string {
  return cases.map((c) => c.map(oneLine).join("\n")).join("\n");
}

/**
 * What stops these cases from running, worded for the user (`Case 2: target is empty`), or
 * an empty list. Only the shape is checked here; the API checks the values' types.
 */
export function caseProblems(fields: readonly CaseField[], cases: readonly TestCase[]): string[] {
  const problems: string[] = [];
  if (cases.length === 0) problems.push("Add a case to run.");
  cases.forEach((c, i) => {
    fields.forEach((field, j) => {
      const value = oneLine(c[j] ?? "");
      if (value === "") {
        problems.push(`Case ${i + 1}: ${field.name} is empty.`);
        return;
      }
      try {
        JSON.parse(value);
      } catch {
        problems.push(`Case ${i + 1}: ${field.name} is not a JSON value (${value.length > 40 ? `${value.slice(0, 40)}…` : value}).`);
      }
    });
  });
  return problems;
}

export function sameCases(a: readonly TestCase[], b: readonly TestCase[]): boolean {
  return a.length === b.length && a.every((c, i) => c.length === b[i]?.length && c.every((v, j) => v === b[i]?.[j]));
}

/** The cases after adding a copy of case `index` at the end (LeetCode's "+"); unchanged at the cap. */
export function addCase(cases: readonly TestCase[], index: number): TestCase[] {
  if (cases.length >= MAX_CASES) return [...cases];
  const source = cases[index] ?? cases[cases.length - 1] ?? [];
  return [...cases, [...source]];
}

/** The cases without case `index`; the last one is kept, a panel always has a case. */
export function removeCase(cases: readonly TestCase[], index: number): TestCase[] {
  if (cases.length <= 1) return [...cases];
  return cases.filter((_, i) => i !== index);
}

export function setCaseValue(cases: readonly TestCase[], index: number, field: number, value: string): TestCase[] {
  return cases.map((c, i) => (i === index ? c.map((v, j) => (j === field ? value : v)) : c));
}
