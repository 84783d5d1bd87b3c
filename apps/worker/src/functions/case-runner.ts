import type { Limits, Verdict } from "@judge/protocol";
import type { Toolchain } from "../languages/index.ts";
import type { RunResult, Sandbox } from "../sandbox/sandbox.ts";
import { type JudgeLimits, runLimits } from "../judge/limits.ts";
import { runSpec } from "../judge/run-spec.ts";
import { verdictByOutcome } from "../judge/verdicts.ts";

/** One case's result line as it arrived, with that case's share of the box's usage. */
export interface CaseLine {
  /** 1-based */
  index: number;
  line: string;
  /** CPU ms since the previous line (since the start, for the first case) */
  timeMs: number;
  /** the box's peak memory so far, KiB */
  memoryKb: number;
}

/** How the box ended for the first case that has no line, when the program did not answer every case. */
export interface MissingCase {
  /** 1-based */
  index: number;
  verdict: Verdict;
  timeMs: number;
  memoryKb: number;
}

export interface CasesRun {
  run: RunResult;
  /** null when every case got its line, or when the caller stopped the box */
  missing: MissingCase | null;
}

export interface CasesRunRequest {
  sandbox: Sandbox;
  program: { dir: string; toolchain: Toolchain };
  judgeLimits: JudgeLimits;
  problemLimits: Limits;
  stdin: Buffer;
  cases: number;
  onCase(line: CaseLine): void;
  /** abort to kill the box (stop at the first failing case) */
  signal?: AbortSignal;
}

/**
 * Wall ms a program may go on after its last case's line (interpreter shutdown, atexit) before
 * the box is killed: the results are complete, and a thread left running must not hold the
 * worker until the run's backstop.
 */
const AFTER_LAST_CASE_MS = 500;

/**
 * Every case of a function problem in one sandboxed process: the program reads them all from
 * stdin and answers each on fd 3. A case may use the problem's time limit in CPU since the
 * previous answer (the box is killed past it); the whole run is capped at that times the number
 * of cases, up to `functionRunCpuMs`, as a backstop. Lines past the last case are ignored.
 */
export async function runCases(request: CasesRunRequest): Promise<CasesRun> {
  const { judgeLimits, problemLimits, cases } = request;
  const memoryBytes = problemLimits.memoryKb * 1024;
  const step = request.program.toolchain.run({ memoryBytes, stackBytes: memoryBytes });
  const base = runLimits(judgeLimits, problemLimits);
  const cpuMs = Math.max(problemLimits.timeMs, Math.min(problemLimits.timeMs * cases, judgeLimits.functionRunCpuMs));
  let received = 0;
  let lastCpuMs = 0;
  const stop = new AbortController();
  const onCallerAbort = () => stop.abort();
  request.signal?.addEventListener("abort", onCallerAbort, { once: true });
  if (request.signal?.aborted === true) stop.abort();
  let lingering: NodeJS.Timeout | null = null;
  const run = await request.sandbox.run(runSpec({
    step,
    programDir: request.program.dir,
    stdin: request.stdin,
    scratch: { kind: "tmpfs", bytes: judgeLimits.runScratchBytes },
    limits: { ...base, cpuMs, wallMs: cpuMs * judgeLimits.wallFactor + judgeLimits.wallSlackMs },
    results: {
      limitBytes: judgeLimits.outputBytes,
      lineCpuMs: problemLimits.timeMs,
      signal: stop.signal,
      onLine: (line, usage) => {
        if (received >= cases) return;
        received += 1;
        const timeMs = Math.max(0, usage.cpuMs - lastCpuMs);
        lastCpuMs = usage.cpuMs;
        request.onCase({ index: received, line: line.toString("utf8"), timeMs, memoryKb: usage.memoryKb });
        if (received === cases) lingering = setTimeout(() => stop.abort(), AFTER_LAST_CASE_MS);
      },
    },
  })).finally(() => {
    if (lingering !== null) clearTimeout(lingering);
    request.signal?.removeEventListener("abort", onCallerAbort);
  });
  if (received >= cases || run.stopped === true) return { run, missing: null };
  const outOfMemory = run.outcome === "runtime-error" && step.outOfMemory?.test(run.stderr.toString("utf8")) === true;
  const decided = verdictByOutcome[outOfMemory ? "memory-limit" : run.outcome];
  return {
    run,
    missing: {
      index: received + 1,
      // Exiting cleanly before answering every case is a runtime error of the first unanswered one.
      verdict: decided === "check" ? "RE" : decided,
      timeMs: Math.max(0, run.cpuMs - lastCpuMs),
      memoryKb: run.memoryKb,
    },
  };
}
