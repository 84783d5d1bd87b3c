import { randomBytes } from "node:crypto";
import type { Logger } from "@judge/config";
import { FunctionInputError, boxInput, functionLanguages } from "@judge/function-problems";
import type { CaseReport, FunctionSpec, LanguageId, TestBundle, TestResult, Verdict } from "@judge/protocol";
import { languageDisplay } from "@judge/protocol";
import type { JudgeListener, JudgeOutcome } from "../judge/index.ts";
import type { Sandbox } from "../sandbox/sandbox.ts";
import type { JudgeLimits } from "../judge/limits.ts";
import { checkerSource } from "../judge/checker-source.ts";
import { ProgramChecker } from "../judge/program-checker.ts";
import { summarizeTests } from "../judge/verdicts.ts";
import type { Prepared, ProgramSourceCompiler } from "../judge/prepared.ts";
import { type CaseLine, runCases } from "./case-runner.ts";
import { cutCaseText, stdoutByCase } from "./case-text.ts";
import { resultMatches, resultTypeOf } from "./result-comparison.ts";

/** What a function judging needs of the Judge. */
export interface FunctionJudgeDeps {
  sandbox: Sandbox;
  limits: JudgeLimits;
  workDir: string;
  compile: ProgramSourceCompiler;
  /** whether this worker has the language's toolchain */
  has(language: LanguageId): boolean;
  logger: Logger;
}

/** Decides one case from its result line: the typed comparison, or the problem's checker program. */
export interface CaseJudge {
  verdict(input: string, expected: string, line: string): Promise<Verdict>;
}

/** A random token per run: the user's code cannot know it before the run, so cannot print it by chance. */
export function newBoundary(): string {
  return `--case-${randomBytes(12).toString("hex")}--`;
}

/** The user's code as the language's function program, compiled; CE when the language has no LeetCode convention. */
export async function compileFunctionProgram(deps: FunctionJudgeDeps, language: LanguageId, code: string, spec: FunctionSpec): Promise<Prepared> {
  const module = functionLanguages[language];
  if (module === undefined) {
    return {
      ok: false,
      verdict: "CE",
      message: `${languageDisplay[language].name} has no LeetCode-style driver, so it cannot solve function problems; pick another language`,
    };
  }
  return deps.compile(language, module.program(spec.signature, code));
}

/**
 * The case judge of a bundle and what to release after; IE (logged) when its checker program
 * does not compile, as for a stdin problem.
 */
export async function openCaseJudge(
  deps: FunctionJudgeDeps,
  bundle: TestBundle,
  spec: FunctionSpec,
): Promise<{ ok: true; judge: CaseJudge; release(): Promise<void> } | { ok: false; message: string }> {
  const checker = bundle.checker;
  if (checker.kind !== "program") {
    return {
      ok: true,
      judge: {
        verdict: async (input, expected, line) =>
          resultMatches(resultTypeOf(spec.signature, input), expected, line, spec.comparison) ? "AC" : "WA",
      },
      release: async () => {},
    };
  }
  const compiled = await deps.compile(checker.language, checkerSource(checker));
  if (!compiled.ok) {
    deps.logger.error({ language: checker.language, message: compiled.message }, "checker program does not compile");
    return { ok: false, message: "the problem's checker is broken; an administrator has been told" };
  }
  const program = new ProgramChecker(deps.sandbox, deps.workDir, compiled, checker.convention, deps.limits.checkerCpuMs, deps.logger, checker.flags);
  return {
    ok: true,
    judge: { verdict: (input, expected, line) => program.check(input, expected, Buffer.from(line, "utf8")) },
    release: compiled.release,
  };
}

/** The box input of a bundle's or a run's cases; a case that does not fit the signature is named in the message. */
export function casesInput(spec: FunctionSpec, inputs: readonly string[], boundary: string): { ok: true; stdin: Buffer } | { ok: false; message: string } {
  try {
    return { ok: true, stdin: boxInput(spec.signature, inputs, boundary) };
  } catch (error) {
    if (error instanceof FunctionInputError) return { ok: false, message: error.message };
    throw error;
  }
}

export interface JudgedCases {
  tests: TestResult[];
  failure: CaseReport | null;
}

/**
 * A submission's cases in one box, each compared as its line arrives and published through
 * `tested`; the box is killed at the first failing case.
 */
export async function judgeCases(
  deps: FunctionJudgeDeps,
  options: {
    program: Extract<Prepared, { ok: true }>;
    bundle: TestBundle;
    stdin: Buffer;
    boundary: string;
    caseJudge: CaseJudge;
    running(test: number, total: number): Promise<void>;
    tested(result: TestResult, total: number): Promise<void>;
  },
): Promise<JudgedCases> {
  const { bundle } = options;
  const total = bundle.tests.length;
  const tests: TestResult[] = [];
  const controller = new AbortController();
  let failed: { index: number; line: string | null } | null = null;
  let error: unknown = null;
  let queue = Promise.resolve();
  const decide = async (c: CaseLine) => {
    if (failed !== null || error !== null) return;
    const test = bundle.tests[c.index - 1]!;
    const verdict = c.timeMs > bundle.limits.timeMs ? "TLE" : await options.caseJudge.verdict(test.input, test.output, c.line);
    const result: TestResult = { index: c.index, verdict, timeMs: c.timeMs, memoryKb: c.memoryKb };
    tests.push(result);
    if (verdict !== "AC") {
      failed = { index: c.index, line: c.line };
      controller.abort();
    }
    await options.tested(result, total);
    if (verdict === "AC" && c.index < total) await options.running(c.index + 1, total);
  };
  await options.running(1, total);
  const { run, missing } = await runCases({
    sandbox: deps.sandbox,
    program: options.program,
    judgeLimits: deps.limits,
    problemLimits: bundle.limits,
    stdin: options.stdin,
    cases: total,
    signal: controller.signal,
    onCase: (c) => {
      queue = queue.then(() => decide(c)).catch((e: unknown) => {
        error ??= e;
        controller.abort();
      });
    },
  });
  await queue;
  if (error !== null) throw error;
  if (failed === null && missing !== null) {
    const result: TestResult = { index: missing.index, verdict: missing.verdict, timeMs: missing.timeMs, memoryKb: missing.memoryKb };
    tests.push(result);
    failed = { index: missing.index, line: null };
    await options.tested(result, total);
  }
  if (failed === null) return { tests, failure: null };
  const { index, line } = failed as { index: number; line: string | null };
  const test = bundle.tests[index - 1]!;
  return {
    tests,
    failure: {
      index,
      input: cutCaseText(test.input),
      output: line === null ? null : cutCaseText(line),
      expected: cutCaseText(test.output),
      stdout: cutCaseText(stdoutByCase(run.stdout, options.boundary)[index - 1] ?? ""),
      verdict: tests[tests.length - 1]!.verdict,
    },
  };
}

const noTests = (verdict: Verdict, total: number, compileOutput: string): JudgeOutcome => ({
  verdict,
  passed: 0,
  total,
  timeMs: null,
  memoryKb: null,
  compileOutput,
  tests: [],
});

/** A function problem's submission: compiled, every case in one box, the first failing case reported. */
export async function judgeFunctionSubmission(
  deps: FunctionJudgeDeps,
  request: { language: LanguageId; code: string; bundle: TestBundle },
  spec: FunctionSpec,
  listener: JudgeListener,
): Promise<JudgeOutcome> {
  const { bundle } = request;
  const total = bundle.tests.length;
  await listener.compiling();
  const program = await compileFunctionProgram(deps, request.language, request.code, spec);
  if (!program.ok) return noTests(program.verdict, total, program.message);
  try {
    const boundary = newBoundary();
    const input = casesInput(spec, bundle.tests.map((t) => t.input), boundary);
    if (!input.ok) {
      deps.logger.error({ message: input.message }, "a function problem's test does not fit its signature");
      return noTests("IE", total, `the problem's tests are broken (${input.message}); an administrator has been told`);
    }
    const opened = await openCaseJudge(deps, bundle, spec);
    if (!opened.ok) return noTests("IE", total, opened.message);
    try {
      const { tests, failure } = await judgeCases(deps, {
        program,
        bundle,
        stdin: input.stdin,
        boundary,
        caseJudge: opened.judge,
        running: (test, n) => listener.running(test, n),
        tested: (result, n) => listener.tested(result, n),
      });
      return { ...summarizeTests(tests, total), compileOutput: null, tests, failure };
    } finally {
      await opened.release();
    }
  } finally {
    await program.release();
  }
}
