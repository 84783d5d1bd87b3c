import { type LanguageId, type Limits, MAX_RUN_OUTPUT_BYTES, type RunOutput, type TestBundle, type Verdict } from "@judge/protocol";
import type { FunctionJudgeDeps } from "../functions/function-judge.ts";
import { runFunction } from "../functions/function-run.ts";
import { BROKEN_INTERACTOR, type InteractorDeps, withInteractor } from "../interactive/interactor.ts";
import type { PipeFd, RunResult } from "../sandbox/sandbox.ts";
import type { JudgeLimits } from "./limits.ts";
import type { ProgramSourceCompiler } from "./prepared.ts";
import type { CompiledProgram, TestRun } from "./test-run.ts";

/** The Run button: one program on the user's own input, no expected output. */
export interface RunRequest {
  language: LanguageId;
  code: string;
  input: string;
  limits: Limits;
  /** A function problem's run: its bundle gives the signature and the reference solutions. */
  function?: { bundle: TestBundle };
  /** An interactive problem's run: `input` is the interactor's input file; the bundle gives the interactor. */
  interactive?: { bundle: TestBundle };
}

export interface RunListener {
  compiling(): Promise<void>;
  running(): Promise<void>;
}

export interface RunOutcome {
  /** AC: exited 0 within every limit; CE: did not compile (output null); IE: the judge failed */
  verdict: Verdict;
  /** CPU ms of the whole tree */
  timeMs: number | null;
  /** peak KiB */
  memoryKb: number | null;
  compileOutput: string | null;
  /** each stream cut at MAX_RUN_OUTPUT_BYTES */
  output: RunOutput | null;
  /** A function problem's run: cases that matched the reference, of how many (else 1 run) */
  passed?: number;
  total?: number;
}

/** What the Run button needs of the Judge. */
export interface CustomRunDeps {
  limits: JudgeLimits;
  compile: ProgramSourceCompiler;
  run(program: CompiledProgram, limits: Limits, input: string | { stdin: PipeFd; stdout: PipeFd }): Promise<TestRun>;
  interactor: InteractorDeps;
  functions: FunctionJudgeDeps;
}

/**
 * One run on custom input: AC when it exits 0 within the limits (there is no expected output
 * to check), else the limit it hit or RE. A SandboxError stays thrown, as for submissions.
 */
export async function runOnCustomInput(deps: CustomRunDeps, request: RunRequest, listener: RunListener): Promise<RunOutcome> {
  const spec = request.function?.bundle.function;
  if (request.function !== undefined && spec !== undefined) {
    await listener.compiling();
    const outcome = await runFunction(
      deps.functions,
      { language: request.language, code: request.code, input: request.input, bundle: request.function.bundle, spec },
      () => listener.running(),
    );
    const { cases, stdout, stderr, exitCode, truncated, ...rest } = outcome;
    return { ...rest, output: cases === null ? null : { stdout, stderr, exitCode, truncated, cases } };
  }
  await listener.compiling();
  const program = await deps.compile(request.language, request.code);
  if (!program.ok) {
    return { verdict: program.verdict, timeMs: null, memoryKb: null, compileOutput: program.message, output: null };
  }
  try {
    await listener.running();
    const interactor = request.interactive?.bundle.checker;
    if (interactor?.kind === "interactor") {
      const ran = await withInteractor(deps.interactor, interactor, deps.compile, (it) =>
        it.test({ input: request.input, output: "" }, request.limits, (stdio) => deps.run(program, request.limits, stdio), { judgeMessage: true }),
      );
      if (ran === null) return { verdict: "IE", timeMs: null, memoryKb: null, compileOutput: BROKEN_INTERACTOR, output: null };
      // What the contestant sees of an interaction: the interactor's judge message, and their own stderr.
      return runOutcome(deps.limits, ran.run, ran.decided, Buffer.from(ran.judgeMessage ?? "", "utf8"));
    }
    const { run, decided } = await deps.run(program, request.limits, request.input);
    return runOutcome(deps.limits, run, decided === "check" ? "AC" : decided, run.stdout);
  } finally {
    await program.release();
  }
}

/** A run's outcome as the Run button shows it: `shownStdout` (the program's, or an interactor's message) and stderr, cut. */
function runOutcome(limits: JudgeLimits, run: RunResult, verdict: Verdict, shownStdout: Buffer): RunOutcome {
  const stdout = cutUtf8(shownStdout, MAX_RUN_OUTPUT_BYTES);
  const stderr = cutUtf8(run.stderr, MAX_RUN_OUTPUT_BYTES);
  return {
    verdict,
    timeMs: run.cpuMs,
    memoryKb: run.memoryKb,
    compileOutput: null,
    output: {
      stdout: stdout.text,
      stderr: stderr.text,
      exitCode: run.exitCode,
      // stderr is kept only up to the judge's own cap: reaching it means some was dropped.
      truncated: stdout.cut || stderr.cut || run.stderr.length >= limits.stderrBytes || run.outcome === "output-limit",
    },
  };
}

/** At most `bytes` of UTF-8 as text, and whether anything was cut. */
function cutUtf8(buffer: Buffer, bytes: number): { text: string; cut: boolean } {
  if (buffer.length <= bytes) return { text: buffer.toString("utf8"), cut: false };
  return { text: buffer.subarray(0, bytes).toString("utf8").replace(/\uFFFD$/, ""), cut: true };
}
