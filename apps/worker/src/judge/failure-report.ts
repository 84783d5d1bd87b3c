import { type CaseReport, MAX_CASE_TEXT_BYTES, type TestBundle, type Verdict } from "@judge/protocol";
import type { RunResult } from "../sandbox/sandbox.ts";

/**
 * A stdin problem's first failing test as its owner may see it (the API decides how much,
 * by the problem's `failureDetails`): the test's input and expected output, what the program
 * wrote to stdout and stderr, each cut at MAX_CASE_TEXT_BYTES. An interactive program's
 * stdout went to the interactor, so neither it nor the answer file means anything here.
 */
export function failureReport(
  index: number,
  test: TestBundle["tests"][number],
  run: RunResult,
  verdict: Verdict,
  interactive: boolean,
): CaseReport {
  const input = cut(Buffer.from(test.input, "utf8"));
  const expected = interactive ? null : cut(Buffer.from(test.output, "utf8"));
  const output = interactive ? null : cut(run.stdout);
  const stderr = cut(run.stderr);
  const truncated = [input, expected, output, stderr].some((part) => part?.cut === true);
  return {
    index,
    input: input.text,
    expected: expected?.text ?? null,
    output: output?.text ?? null,
    stdout: "",
    stderr: stderr.text,
    verdict,
    ...(truncated ? { truncated } : {}),
  };
}

/** At most MAX_CASE_TEXT_BYTES of UTF-8, without splitting a character. */
function cut(buffer: Buffer): { text: string; cut: boolean } {
  if (buffer.length <= MAX_CASE_TEXT_BYTES) return { text: buffer.toString("utf8"), cut: false };
  return { text: buffer.subarray(0, MAX_CASE_TEXT_BYTES).toString("utf8").replace(/\uFFFD+$/, ""), cut: true };
}
