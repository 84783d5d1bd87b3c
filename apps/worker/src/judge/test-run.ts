import type { Limits, Verdict } from "@judge/protocol";
import type { PipeFd, RunResult, Sandbox } from "../sandbox/sandbox.ts";
import { type JudgeLimits, runLimits } from "./limits.ts";
import type { Prepared } from "./prepared.ts";
import { runSpec } from "./run-spec.ts";
import { verdictByOutcome } from "./verdicts.ts";

/** A compiled program, checked out until its holder releases it. */
export type CompiledProgram = Extract<Prepared, { ok: true }>;

/** One run of a program and what its sandbox outcome decides; "check": a checker decides. */
export interface TestRun {
  run: RunResult;
  decided: Verdict | "check";
}

/**
 * One sandboxed run of a compiled program on one input (or talking to an interactor over
 * `stdio`), with its verdict unless a checker decides: a test's run, and the Run button's.
 */
export async function runProgram(
  sandbox: Sandbox,
  judgeLimits: JudgeLimits,
  program: CompiledProgram,
  problemLimits: Limits,
  input: string | { stdin: PipeFd; stdout: PipeFd },
): Promise<TestRun> {
  const memoryBytes = problemLimits.memoryKb * 1024;
  const step = program.toolchain.run({ memoryBytes, stackBytes: memoryBytes, entry: program.entry });
  const run = await sandbox.run(
    runSpec({
      step,
      programDir: program.dir,
      ...(typeof input === "string" ? { stdin: input } : input),
      scratch: { kind: "tmpfs", bytes: judgeLimits.runScratchBytes },
      limits: runLimits(judgeLimits, problemLimits),
    }),
  );
  // A runtime that reports running out of its heap (a limit we gave it) is over the memory limit.
  const outOfMemory = run.outcome === "runtime-error" && step.outOfMemory?.test(run.stderr.toString("utf8")) === true;
  return { run, decided: verdictByOutcome[outOfMemory ? "memory-limit" : run.outcome] };
}
