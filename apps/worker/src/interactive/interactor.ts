import { randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "@judge/config";
import type { CheckerSpec, Limits, Verdict } from "@judge/protocol";
import { CHECK_DIR, FEEDBACK_DIR } from "../checkers/program.ts";
import type { Toolchain } from "../languages/index.ts";
import { ownerAlias } from "../sandbox/box-owner.ts";
import type { PipeFd, RunResult, Sandbox } from "../sandbox/sandbox.ts";
import { checkerSource } from "../judge/checker-source.ts";
import { type JudgeLimits, runLimits } from "../judge/limits.ts";
import type { ProgramSourceCompiler } from "../judge/prepared.ts";
import { CHECKER_LIMITS } from "../judge/program-checker.ts";
import { runSpec } from "../judge/run-spec.ts";
import { PipeEnds } from "./pipe-ends.ts";
import { interactiveVerdict } from "./verdict.ts";

/** The submission's side of one test: its box given these pipe ends as stdin and stdout. */
export type SubmissionRunner = (stdio: { stdin: PipeFd; stdout: PipeFd }) => Promise<{ run: RunResult; decided: Verdict | "check" }>;

export interface InteractiveResult {
  /** the submission's run (its stdout went to the interactor: empty here) */
  run: RunResult;
  decided: Verdict;
  /** the interactor's feedback_dir/judgemessage.txt, when asked for (the Run button) */
  judgeMessage?: string;
}

export interface InteractorDeps {
  sandbox: Sandbox;
  workDir: string;
  limits: JudgeLimits;
  logger: Logger;
}

/** Bytes of judgemessage.txt a Run shows. */
const JUDGE_MESSAGE_BYTES = 64 * 1024;

/**
 * Runs the interactor and then hands its judge message out on the results descriptor (fd 3),
 * since its feedback dir is the box's private /tmp, gone with the box. The interactor's status
 * is the box's: a signal shows as 128+n, as bubblewrap reports it for a program run directly.
 */
const WITH_JUDGE_MESSAGE = `"$@" 3>&-; s=$?; head -c ${JUDGE_MESSAGE_BYTES} ${FEEDBACK_DIR}/judgemessage.txt >&3 2>/dev/null; echo >&3; exit $s`;

/**
 * An interactive problem's compiled interactor (docs/problem-packages.md, "Interactive
 * problems"). Each test runs it and the submission in two boxes of their own (own users, own
 * cgroups, every limit of a run), joined by two pipes: the interactor's stdout is the
 * submission's stdin and the other way round. The test's input and answer are shown read-only,
 * in the interactor's box only.
 */
export class Interactor {
  constructor(
    private readonly deps: InteractorDeps,
    private readonly program: { dir: string; toolchain: Toolchain },
    private readonly flags: readonly string[] = [],
  ) {}

  async test(
    test: { input: string; output: string },
    problemLimits: Limits,
    runSubmission: SubmissionRunner,
    options: { judgeMessage?: boolean } = {},
  ): Promise<InteractiveResult> {
    // Named as checker directories are, so a sweep removes it if this worker dies mid-test.
    const dir = join(this.deps.workDir, `check-${ownerAlias()}-${randomBytes(6).toString("hex")}`);
    await mkdir(dir, { mode: 0o755 });
    try {
      await writeFile(join(dir, "input"), test.input, { mode: 0o644, flag: "wx" });
      await writeFile(join(dir, "answer"), test.output, { mode: 0o644, flag: "wx" });
      return await this.interact(dir, problemLimits, runSubmission, options.judgeMessage === true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * Both boxes at once. The worker keeps its own copy of every pipe end and closes each as
   * problemtools' `interactive` proxy does, which makes "who ended first" well defined: a
   * box's write end is closed only once that box's run is over, so the other side cannot see
   * EOF and end before it; the submission's output stays readable until the interactor has
   * ended, and after that only if it accepted (a rejection gives the submission a broken
   * pipe, an acceptance leaves its late writes alone); the interactor's output is never cut,
   * so a submission that ends early never gives the interactor a broken pipe.
   */
  private async interact(dir: string, problemLimits: Limits, runSubmission: SubmissionRunner, judgeMessage: boolean): Promise<InteractiveResult> {
    const [toSubmission, toInteractor] = await this.deps.sandbox.openPipes(2);
    const ends = new PipeEnds([toSubmission!.readFd, toSubmission!.writeFd, toInteractor!.readFd, toInteractor!.writeFd]);
    try {
      let first: "interactor" | "submission" | null = null;
      const lines: Buffer[] = [];
      const interactorRun = this.runInteractor(dir, problemLimits, { stdin: { fd: toInteractor!.readFd }, stdout: { fd: toSubmission!.writeFd } }, judgeMessage ? lines : null).finally(
        () => {
          first ??= "interactor";
          ends.close(toSubmission!.writeFd);
        },
      );
      const accepted = interactorRun.then(
        (run) => run.exitCode === 42 && (run.outcome === "ok" || run.outcome === "runtime-error"),
        () => false,
      );
      void accepted.then((yes) => {
        if (!yes) ends.close(toInteractor!.readFd);
      });
      const submissionRun = runSubmission({ stdin: { fd: toSubmission!.readFd }, stdout: { fd: toInteractor!.writeFd } }).finally(() => {
        first ??= "submission";
        ends.close(toInteractor!.writeFd);
      });
      const [interactor, submission] = await Promise.allSettled([interactorRun, submissionRun]);
      if (interactor.status === "rejected") throw interactor.reason;
      if (submission.status === "rejected") throw submission.reason;
      const decided = interactiveVerdict({
        interactor: interactor.value,
        submission: submission.value.decided,
        interactorFirst: first === "interactor",
      });
      if (decided === "IE") {
        this.deps.logger.warn(
          { outcome: interactor.value.outcome, exitCode: interactor.value.exitCode, stderr: interactor.value.stderr.toString("utf8", 0, 2000) },
          "interactor failed",
        );
      }
      return {
        run: submission.value.run,
        decided,
        // The wrapper ends the message with one newline of its own, so each line is whole.
        ...(judgeMessage ? { judgeMessage: lines.map((line) => line.toString("utf8")).join("\n") } : {}),
      };
    } finally {
      ends.closeAll();
    }
  }

  private runInteractor(dir: string, problemLimits: Limits, stdio: { stdin: PipeFd; stdout: PipeFd }, messageLines: Buffer[] | null): Promise<RunResult> {
    const { limits } = this.deps;
    const step = this.program.toolchain.run({ memoryBytes: CHECKER_LIMITS.memoryBytes, stackBytes: CHECKER_LIMITS.stackBytes });
    const argv = [...step.argv, `${CHECK_DIR}/input`, `${CHECK_DIR}/answer`, `${FEEDBACK_DIR}/`, ...this.flags];
    // It waits on the submission, so it must outlast the submission's own wall limit.
    const wallMs = Math.max(2 * limits.checkerCpuMs, runLimits(limits, problemLimits).wallMs + 1000);
    return this.deps.sandbox.run(
      runSpec({
        step,
        programDir: this.program.dir,
        argv: messageLines === null ? argv : ["/bin/sh", "-c", WITH_JUDGE_MESSAGE, "sh", ...argv],
        binds: [{ host: dir, sandbox: CHECK_DIR }],
        stdin: stdio.stdin,
        stdout: stdio.stdout,
        scratch: { kind: "tmpfs", bytes: CHECKER_LIMITS.tmpBytes },
        limits: { ...CHECKER_LIMITS, cpuMs: limits.checkerCpuMs, wallMs },
        ...(messageLines === null
          ? {}
          : { results: { limitBytes: JUDGE_MESSAGE_BYTES + 2, lineCpuMs: limits.checkerCpuMs, onLine: (line: Buffer) => void messageLines.push(Buffer.from(line)) } }),
      }),
    );
  }
}

/** What the contestant is told when the interactor does not compile: the setter's detail is only logged. */
export const BROKEN_INTERACTOR = "the problem's interactor is broken; an administrator has been told";

/**
 * Compile a problem's interactor (or take it from the cache) and lend it to `use`; null when it
 * does not compile, which is the problem setter's fault: logged, and the caller's IE.
 */
export async function withInteractor<T>(
  deps: InteractorDeps,
  spec: Extract<CheckerSpec, { kind: "interactor" }>,
  compile: ProgramSourceCompiler,
  use: (interactor: Interactor) => Promise<T>,
): Promise<T | null> {
  const compiled = await compile(spec.language, checkerSource(spec));
  if (!compiled.ok) {
    deps.logger.error({ language: spec.language, message: compiled.message }, "interactor does not compile");
    return null;
  }
  try {
    return await use(new Interactor(deps, compiled, spec.flags));
  } finally {
    await compiled.release();
  }
}
