import { diffLines } from "diff";

/**
 * Output as the default checker reads it: trailing white space on each line and trailing
 * blank lines do not count (the judge's `tokens` checker ignores them too).
 */
export function normalizeOutput(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n").map((line) => line.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines.join("\n");
}

export function outputMatches(actual: string, expected: string): boolean {
  return normalizeOutput(actual) === normalizeOutput(expected);
}

/** One line of a unified diff: `same` in both, `missing` only in the expected, `extra` only in the actual. */
export interface DiffLine {
  kind: "same" | "missing" | "extra";
  text: string;
}

/** A line diff of the program's output against the expected one, both normalized first. */
export function diffOutput(actual: string, expected: string): DiffLine[] {
  const lines: DiffLine[] = [];
  // Every line ends in a newline, so a changed last line is a line like the others; an empty
  // output has no line at all (not one empty "extra" line).
  const asLines = (text: string) => {
    const normalized = normalizeOutput(text);
    return normalized === "" ? "" : `${normalized}\n`;
  };
  for (const change of diffLines(asLines(expected), asLines(actual))) {
    const kind: DiffLine["kind"] = change.added ? "extra" : change.removed ? "missing" : "same";
    const text = change.value.endsWith("\n") ? change.value.slice(0, -1) : change.value;
    for (const line of text.split("\n")) lines.push({ kind, text: line });
  }
  return lines;
}
