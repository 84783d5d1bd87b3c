import { PROG_DIR, type RunStep } from "../languages/index.ts";
import type { Bind, Scratch } from "../sandbox/bwrap-args.ts";
import type { RunLimits, RunSpec } from "../sandbox/sandbox.ts";

/** What every box starts with; a toolchain's step adds to it (a JVM's options, a GOCACHE). */
const BOX_ENV: Readonly<Record<string, string>> = { PATH: "/usr/bin:/bin", HOME: "/box", LANG: "C.UTF-8" };

/** The toolchain's part of a box: a compile step or a run step (languages/language.ts). */
export type ToolchainStep = Pick<RunStep, "argv" | "env" | "binds" | "pids">;

export interface RunSpecParts {
  step: ToolchainStep;
  /**
   * The compiled program, shown read-only at /prog: a run of it. Absent: a compile, whose step
   * `pids` is the compiler's whole count, where a run step's are the runtime's own on top of
   * the program's (`limits.pids`).
   */
  programDir?: string;
  /** The step's argv as the caller extends it (a checker's arguments, a wrapper); default the step's own. */
  argv?: readonly string[];
  /** More read-only directories, after /prog and before the step's own (a checker's /check). */
  binds?: readonly Bind[];
  limits: RunLimits;
  scratch: Scratch;
  stdin: RunSpec["stdin"];
  stdout?: RunSpec["stdout"];
  results?: RunSpec["results"];
  user?: RunSpec["user"];
}

/**
 * The one place a sandbox run is assembled from a toolchain step and limits: the compile, a
 * test's run, a checker, an interactor and a function problem's cases all go through it, so
 * the environment, the /prog bind and the pids rule are the same for each.
 */
export function runSpec(parts: RunSpecParts): RunSpec {
  const { step, programDir, limits } = parts;
  const pids = programDir === undefined ? (step.pids ?? limits.pids) : limits.pids + (step.pids ?? 0);
  return {
    argv: parts.argv ?? step.argv,
    env: { ...BOX_ENV, ...step.env },
    stdin: parts.stdin,
    ...(parts.stdout === undefined ? {} : { stdout: parts.stdout }),
    scratch: parts.scratch,
    binds: [...(programDir === undefined ? [] : [{ host: programDir, sandbox: PROG_DIR }]), ...(parts.binds ?? []), ...(step.binds ?? [])],
    limits: { ...limits, pids },
    ...(parts.results === undefined ? {} : { results: parts.results }),
    ...(parts.user === undefined ? {} : { user: parts.user }),
  };
}
