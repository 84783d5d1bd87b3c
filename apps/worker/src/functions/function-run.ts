import { FunctionInputError, splitCases } from "@judge/function-problems";
import { type CaseReport, type FunctionSpec, type LanguageId, MAX_RUN_OUTPUT_BYTES, type TestBundle, type Verdict } from "@judge/protocol";
import type { Prepared } from "../judge/prepared.ts";
import { type CaseLine, type CasesRun, runCases } from "./case-runner.ts";
import { cutCaseText, stdoutByCase } from "./case-text.ts";
import { type CaseJudge, type FunctionJudgeDeps, casesInput, compileFunctionProgram, newBoundary, openCaseJudge } from "./function-judge.ts";

/** What the Run button of a function problem shows: every case, and the run's verdict. */
export interface FunctionRunOutcome {
  verdict: Verdict;
  passed: number;
  total: number;
  timeMs: number | null;
  memoryKb: number | null;
  compileOutput: string | null;
  cases: CaseReport[] | null;
  stdout: string;
  stderr: string;
  exitCode: number | null;
  truncated: boolean;
}

export interface FunctionRunRequest {
  language: LanguageId;
  code: string;
  /** the Testcase panel: the cases' lines one after another */
  input: string;
  bundle: TestBundle;
  spec: FunctionSpec;
}

/** One program's answers to every case, in its own box. */
interface Answers {
  lines: Map<number, CaseLine>;
  cases: CasesRun;
}

async function answer(deps: FunctionJudgeDeps, program: Extract<Prepared, { ok: true }>, bundle: TestBundle, stdin: Buffer, cases: number): Promise<Answers> {
  const lines = new Map<number, CaseLine>();
  const run = await runCases({
    sandbox: deps.sandbox,
    program,
    judgeLimits: deps.limits,
    problemLimits: bundle.limits,
    stdin,
    cases,
    onCase: (c) => lines.set(c.index, c),
  });
  return { lines, cases: run };
}

const notRun = (verdict: Verdict, message: string): FunctionRunOutcome => ({
  verdict,
  passed: 0,
  total: 0,
  timeMs: null,
  memoryKb: null,
  compileOutput: message,
  cases: null,
  stdout: "",
  stderr: "",
  exitCode: null,
  truncated: false,
});

/** The reference solution Run compares with: the one in the user's language if there is one, else the first this worker can run. */
function referenceOf(deps: FunctionJudgeDeps, spec: FunctionSpec, language: LanguageId) {
  return spec.references.find((r) => r.language === language) ?? spec.references.find((r) => deps.has(r.language)) ?? spec.references[0]!;
}

/**
 * LeetCode's Run: the user's program and the reference solution each answer every case in a box
 * of their own (no stop at a mismatch); each case shows its input, output, expected (the
 * reference's answer) and prints. AC only when every case matches.
 */
export async function runFunction(deps: FunctionJudgeDeps, request: FunctionRunRequest, running: () => Promise<void>): Promise<FunctionRunOutcome> {
  const { spec, bundle } = request;
  let inputs: string[];
  try {
    inputs = splitCases(spec.signature, request.input);
  } catch (error) {
    if (error instanceof FunctionInputError) return notRun("CE", `invalid test case input: ${error.message}`);
    throw error;
  }
  const boundary = newBoundary();
  const input = casesInput(spec, inputs, boundary);
  if (!input.ok) return notRun("CE", `invalid test case input: ${input.message}`);
  const reference = referenceOf(deps, spec, request.language);
  const [program, referenceProgram] = await Promise.all([
    compileFunctionProgram(deps, request.language, request.code, spec),
    compileFunctionProgram(deps, reference.language, reference.code, spec),
  ]);
  try {
    if (!program.ok) return notRun(program.verdict, program.message);
    if (!referenceProgram.ok) {
      deps.logger.error({ language: reference.language, message: referenceProgram.message }, "reference solution does not compile");
      return notRun("IE", "the problem's reference solution is broken; an administrator has been told");
    }
    const opened = await openCaseJudge(deps, bundle, spec);
    if (!opened.ok) return notRun("IE", opened.message);
    try {
      await running();
      // The same cases for both; the reference's prints are not shown.
      const [mine, theirs] = await Promise.all([
        answer(deps, program, bundle, input.stdin, inputs.length),
        answer(deps, referenceProgram, bundle, input.stdin, inputs.length),
      ]);
      return await report(mine, theirs, inputs, boundary, bundle, opened.judge, deps);
    } finally {
      await opened.release();
    }
  } finally {
    if (program.ok) await program.release();
    if (referenceProgram.ok) await referenceProgram.release();
  }
}

async function report(
  mine: Answers,
  theirs: Answers,
  inputs: string[],
  boundary: string,
  bundle: TestBundle,
  judge: CaseJudge,
  deps: FunctionJudgeDeps,
): Promise<FunctionRunOutcome> {
  const prints = stdoutByCase(mine.cases.run.stdout, boundary);
  const cases: CaseReport[] = [];
  let referenceFailed: number | null = null;
  for (const [i, caseInput] of inputs.entries()) {
    const index = i + 1;
    const got = mine.lines.get(index);
    const expected = theirs.lines.get(index)?.line ?? null;
    if (expected === null && referenceFailed === null) referenceFailed = index;
    let verdict: Verdict | null = null;
    if (got !== undefined) {
      if (got.timeMs > bundle.limits.timeMs) verdict = "TLE";
      else if (expected !== null) verdict = await judge.verdict(caseInput, expected, got.line);
    } else if (mine.cases.missing?.index === index) {
      verdict = mine.cases.missing.verdict;
    }
    cases.push({
      index,
      input: cutCaseText(caseInput),
      output: got === undefined ? null : cutCaseText(got.line),
      expected: expected === null ? null : cutCaseText(expected),
      stdout: cutCaseText(prints[i] ?? ""),
      verdict,
    });
  }
  if (referenceFailed !== null) {
    deps.logger.warn(
      { case: referenceFailed, stderr: theirs.cases.run.stderr.toString("utf8", 0, 2000) },
      "reference solution gave no answer for a custom case",
    );
  }
  const failed = cases.find((c) => c.verdict !== null && c.verdict !== "AC");
  const unjudged = cases.find((c) => c.verdict === null);
  const times = [...mine.lines.values()].map((c) => c.timeMs);
  if (mine.cases.missing !== null) times.push(mine.cases.missing.timeMs);
  const run = mine.cases.run;
  const stdout = prints.join("");
  return {
    verdict: failed?.verdict ?? (unjudged !== undefined ? "IE" : "AC"),
    passed: cases.filter((c) => c.verdict === "AC").length,
    total: cases.length,
    timeMs: times.length === 0 ? null : Math.max(...times),
    memoryKb: run.memoryKb,
    compileOutput:
      failed === undefined && unjudged !== undefined
        ? `the reference solution gave no answer for case ${unjudged.index}: is the input within the problem's constraints?`
        : null,
    cases,
    stdout: cutBytes(stdout, MAX_RUN_OUTPUT_BYTES),
    stderr: cutBytes(run.stderr.toString("utf8"), MAX_RUN_OUTPUT_BYTES),
    exitCode: run.exitCode,
    truncated: Buffer.byteLength(stdout) > MAX_RUN_OUTPUT_BYTES || run.outcome === "output-limit",
  };
}

function cutBytes(text: string, bytes: number): string {
  const encoded = Buffer.from(text, "utf8");
  return encoded.length <= bytes ? text : encoded.subarray(0, bytes).toString("utf8").replace(/\uFFFD$/, "");
}
