/** How a sandboxed run ended, from the sandbox's point of view. The judge maps these to verdicts. */
export const sandboxOutcomes = ["ok", "runtime-error", "time-limit", "memory-limit", "output-limit"] as const;
export type SandboxOutcome = (typeof sandboxOutcomes)[number];

/** What was observed about one run, gathered from the process, the pipes and the cgroup. */
export interface RunFacts {
  /** stdout went past its limit and the worker killed the box */
  outputExceeded: boolean;
  /** the kernel's OOM killer fired in the box */
  oomKilled: boolean;
  /** the worker killed the box for wall time or for CPU time */
  timedOut: boolean;
  /** CPU ms of the whole tree */
  cpuMs: number;
  cpuLimitMs: number;
  /** bubblewrap's exit status: the program's, or 128 + signal when a signal ended it */
  exitCode: number | null;
}

/** Signals whose meaning is a limit the program hit, reported by bwrap as 128 + n. */
const SIGXCPU = 24;
const SIGXFSZ = 25;

/**
 * Decide the outcome. Order matters: a box the worker killed for output or time also ends with
 * SIGKILL, and a box the OOM killer hit may also have run out of time while thrashing, so the
 * limit that was really hit first wins over the exit status it caused.
 */
export function classifyRun(facts: RunFacts): SandboxOutcome {
  if (facts.outputExceeded) return "output-limit";
  if (facts.oomKilled) return "memory-limit";
  if (facts.timedOut || facts.cpuMs > facts.cpuLimitMs || facts.exitCode === 128 + SIGXCPU) return "time-limit";
  if (facts.exitCode === 128 + SIGXFSZ) return "output-limit";
  if (facts.exitCode !== 0) return "runtime-error";
  return "ok";
}
