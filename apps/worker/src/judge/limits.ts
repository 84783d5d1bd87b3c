import type { Limits } from "@judge/protocol";
import type { RunLimits } from "../sandbox/sandbox.ts";

const MiB = 2 ** 20;

/** The judge's own limits; a problem sets time and memory, and may lower the output cap. */
export interface JudgeLimits {
  /** bytes of stdout a program may write; one more is OLE */
  outputBytes: number;
  /** bytes of stderr kept from a run (read and dropped past it) */
  stderrBytes: number;
  /** bytes of stderr a run or compile may write; one more ends it as OLE (a compile: CE) */
  stderrLimitBytes: number;
  /** bytes of the run's private /box and /tmp tmpfs each (their pages count as memory too) */
  runScratchBytes: number;
  /** processes+threads in a run, on top of what the runtime needs */
  runPids: number;
  /** wall-clock limit of a run = timeMs * wallFactor + wallSlackMs */
  wallFactor: number;
  wallSlackMs: number;
  compile: {
    cpuMs: number;
    wallMs: number;
    memoryBytes: number;
    pids: number;
    /** bytes of compiler output kept */
    outputBytes: number;
    /** bytes, largest file the compiler may write */
    fileBytes: number;
    /** bytes of /tmp */
    tmpBytes: number;
  };
  /** bytes of the compiler's message a CE carries */
  compileMessageBytes: number;
  /** CPU ms a problem's checker program gets per test (wall: twice that) before it is IE */
  checkerCpuMs: number;
  /**
   * CPU ms of a function problem's one run over all its cases, at most: each case has the
   * problem's time limit, and the run the limit times the cases up to this backstop
   */
  functionRunCpuMs: number;
}

export const defaultJudgeLimits: JudgeLimits = {
  outputBytes: 64 * MiB,
  stderrBytes: 64 * 1024,
  // Debug output on stderr is normal and ignored; megabytes per test of it is a flood.
  stderrLimitBytes: 8 * MiB,
  runScratchBytes: 64 * MiB,
  runPids: 32,
  wallFactor: 2,
  wallSlackMs: 1000,
  compile: {
    cpuMs: 15_000,
    wallMs: 30_000,
    memoryBytes: 1024 * MiB,
    pids: 64,
    outputBytes: 1 * MiB,
    fileBytes: 256 * MiB,
    tmpBytes: 512 * MiB,
  },
  compileMessageBytes: 8 * 1024,
  checkerCpuMs: 10_000,
  functionRunCpuMs: 60_000,
};

/** What callers may override: any judge limit, and any single compile limit. */
export type JudgeLimitOverrides = Partial<Omit<JudgeLimits, "compile">> & { compile?: Partial<JudgeLimits["compile"]> };

export function resolveLimits(overrides: JudgeLimitOverrides | undefined): JudgeLimits {
  return { ...defaultJudgeLimits, ...overrides, compile: { ...defaultJudgeLimits.compile, ...overrides?.compile } };
}

export function compileLimits(limits: JudgeLimits): RunLimits {
  const c = limits.compile;
  return {
    cpuMs: c.cpuMs,
    wallMs: c.wallMs,
    memoryBytes: c.memoryBytes,
    pids: c.pids,
    stdoutBytes: c.outputBytes,
    stderrBytes: c.outputBytes,
    stderrLimitBytes: Math.max(c.outputBytes, limits.stderrLimitBytes),
    fileBytes: c.fileBytes,
    tmpBytes: c.tmpBytes,
    stackBytes: 64 * MiB,
    openFiles: 512,
  };
}

/**
 * Limits of one test run: the problem's time and memory, its output limit when it has one
 * below the judge's own cap, the judge's everything else. The runtime's own pids are added by
 * runSpec (run-spec.ts), from the toolchain's step.
 */
export function runLimits(limits: JudgeLimits, problem: Limits): RunLimits {
  const memoryBytes = problem.memoryKb * 1024;
  return {
    cpuMs: problem.timeMs,
    wallMs: problem.timeMs * limits.wallFactor + limits.wallSlackMs,
    memoryBytes,
    pids: limits.runPids,
    stdoutBytes: problem.outputKb === undefined ? limits.outputBytes : Math.min(limits.outputBytes, problem.outputKb * 1024),
    stderrBytes: limits.stderrBytes,
    stderrLimitBytes: limits.stderrLimitBytes,
    fileBytes: limits.runScratchBytes,
    tmpBytes: limits.runScratchBytes,
    // Generous on purpose: deep recursion is normal in solutions, and memory is capped anyway.
    stackBytes: memoryBytes,
    openFiles: 256,
  };
}
