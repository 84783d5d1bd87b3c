import { randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "@judge/config";
import type { CheckerConvention } from "@judge/protocol";
import { CHECK_DIR, type CheckerVerdict, FEEDBACK_DIR, checkerArgs, checkerVerdictByExit } from "../checkers/program.ts";
import type { ProgramEntry, Toolchain } from "../languages/index.ts";
import { ownerAlias } from "../sandbox/box-owner.ts";
import type { RunLimits, Sandbox } from "../sandbox/sandbox.ts";
import { runSpec } from "./run-spec.ts";

const MiB = 2 ** 20;

/** A checker is trusted more than a submission but still sandboxed: generous limits. */
export const CHECKER_LIMITS: Omit<RunLimits, "cpuMs" | "wallMs"> = {
  memoryBytes: 512 * MiB,
  pids: 64,
  stdoutBytes: 1 * MiB,
  stderrBytes: 64 * 1024,
  stderrLimitBytes: 8 * MiB,
  fileBytes: 64 * MiB,
  tmpBytes: 64 * MiB,
  stackBytes: 256 * MiB,
  openFiles: 256,
};

/**
 * A problem's compiled checker program, run once per test in its own box. The test's input,
 * the expected answer and the contestant's output are written by the worker into a fresh
 * root-owned directory shown read-only at /check, so the checker can neither change them nor
 * see any other test, and the directory is removed whatever happens.
 */
export class ProgramChecker {
  constructor(
    private readonly sandbox: Sandbox,
    private readonly workDir: string,
    private readonly program: { dir: string; toolchain: Toolchain; entry?: ProgramEntry | null },
    private readonly convention: CheckerConvention,
    /** CPU ms per test; wall is twice that */
    private readonly cpuMs: number,
    private readonly logger: Logger,
    /** passed after the convention's arguments, as a Kattis package's `validator_flags` are */
    private readonly flags: readonly string[] = [],
    /** a Kattis validator's score.txt: read when it may give scores, an error when missing and required */
    private readonly scores: "never" | "optional" | "required" = "never",
  ) {}

  async check(input: string, answer: string, output: Buffer): Promise<CheckerVerdict> {
    return (await this.judge(input, answer, output)).verdict;
  }

  /**
   * The verdict, and the score a Kattis validator wrote to score.txt in its feedback directory
   * for an accepted test. As problemtools: a score.txt with a rejection, an unreadable one, or
   * none where one is required is the judge's failure (IE).
   */
  async judge(input: string, answer: string, output: Buffer): Promise<{ verdict: CheckerVerdict; score?: number }> {
    // Named by its owner's alias, so a sweep removes it if this worker dies mid-check; no pid,
    // since the checker box sees this path in its mountinfo.
    const dir = join(this.workDir, `check-${ownerAlias()}-${randomBytes(6).toString("hex")}`);
    await mkdir(dir, { mode: 0o755 });
    try {
      await writeFile(join(dir, "input"), input, { mode: 0o644, flag: "wx" });
      await writeFile(join(dir, "answer"), answer, { mode: 0o644, flag: "wx" });
      await writeFile(join(dir, "output"), output, { mode: 0o644, flag: "wx" });
      const step = this.program.toolchain.run({
        memoryBytes: CHECKER_LIMITS.memoryBytes,
        stackBytes: CHECKER_LIMITS.stackBytes,
        entry: this.program.entry,
      });
      const { args, outputOnStdin } = checkerArgs(this.convention);
      const readScore = this.scores !== "never" && this.convention === "kattis";
      const argv = [...step.argv, ...args, ...this.flags];
      const run = await this.sandbox.run(
        runSpec({
          step,
          programDir: this.program.dir,
          argv: readScore ? withFeedbackScore(argv) : argv,
          binds: [{ host: dir, sandbox: CHECK_DIR }],
          stdin: outputOnStdin ? output : "",
          scratch: { kind: "tmpfs", bytes: CHECKER_LIMITS.tmpBytes },
          // One more process for the shell that reads score.txt.
          limits: { ...CHECKER_LIMITS, cpuMs: this.cpuMs, wallMs: 2 * this.cpuMs, pids: CHECKER_LIMITS.pids + (readScore ? 1 : 0) },
        }),
      );
      const ended = run.outcome === "ok" || run.outcome === "runtime-error" ? run.exitCode : null;
      const verdict = checkerVerdictByExit(this.convention, ended);
      if (verdict === "IE") {
        this.logger.warn(
          { outcome: run.outcome, exitCode: run.exitCode, stderr: run.stderr.toString("utf8", 0, 2000) },
          "checker program failed",
        );
      }
      if (!readScore || verdict === "IE") return { verdict };
      return this.scored(verdict, run.stdout.toString("utf8"));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** What withFeedbackScore printed: nothing without a score.txt, else a marker and the file. */
  private scored(verdict: "AC" | "WA", printed: string): { verdict: CheckerVerdict; score?: number } {
    const at = printed.indexOf(SCORE_MARKER);
    const text = at === -1 ? null : printed.slice(at + SCORE_MARKER.length).trim();
    const fail = (reason: string) => {
      this.logger.warn({ reason }, "output validator's score.txt");
      return { verdict: "IE" as const };
    };
    if (verdict === "WA") return text === null ? { verdict } : fail("written with a rejection");
    if (text === null) return this.scores === "required" ? fail("missing where the problem requires one") : { verdict };
    // As Python's float(): a plain decimal or exponent number, nothing else.
    const score = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
    return Number.isFinite(score) ? { verdict, score } : fail(`not a number: ${text.slice(0, 100)}`);
  }
}

const SCORE_MARKER = "\n@@judge-score@@\n";

/**
 * The validator's command, then its feedback directory's score.txt on stdout behind a marker
 * (the box's /tmp, where the feedback directory is, goes with the box). The validator's own
 * stdout is dropped, as problemtools ignores it; its exit status is kept.
 */
function withFeedbackScore(argv: readonly string[]): string[] {
  const script = `"$0" "$@" >/dev/null; s=$?; if [ -f ${FEEDBACK_DIR}/score.txt ]; then printf '${SCORE_MARKER.replace(/\n/g, "\\n")}'; cat ${FEEDBACK_DIR}/score.txt; fi; exit $s`;
  return ["/bin/sh", "-c", script, ...argv];
}
