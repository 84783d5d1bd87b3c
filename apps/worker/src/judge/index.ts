import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "@judge/config";
import {
  type CaseReport,
  type LanguageId,
  type FunctionSpec,
  type LanguageInfo,
  type Limits,
  type TestBundle,
  type TestResult,
  type Verdict,
  languageDisplay,
} from "@judge/protocol";
import { check } from "../checkers/index.ts";
import { type BuildOnceRequest, type Toolchain, languageStrategies, probeCommand } from "../languages/index.ts";
import type { BoxUserRange } from "../sandbox/box-users.ts";
import { type PipeFd, type RunResult, Sandbox } from "../sandbox/sandbox.ts";
import { forgetDeadAliases } from "../sandbox/box-owner.ts";
import { sweepStaleBoxes } from "../sandbox/stale-boxes.ts";
import { ArtifactCache } from "./artifact-cache.ts";
import { type ProgramSource, ProgramStore } from "./program-store.ts";
import type { Prepared } from "./prepared.ts";
import { ScratchMounts } from "./scratch-mounts.ts";
import { sweepStaleScratch } from "./stale-scratch.ts";
import { type JudgeLimitOverrides, type JudgeLimits, resolveLimits } from "./limits.ts";
import { assertTraversable } from "./traversable.ts";
import { checkerSource } from "./checker-source.ts";
import { ProgramChecker } from "./program-checker.ts";
import { summarizeTests } from "./verdicts.ts";
import { failureReport } from "./failure-report.ts";
import { type GradedTest, flatScoring, gradeGroup, groupTree, maxScoreOf, nothingScored, runGroup } from "./grading.ts";
import { type FunctionJudgeDeps, judgeFunctionSubmission } from "../functions/function-judge.ts";
import { BROKEN_INTERACTOR, type Interactor, type InteractorDeps, withInteractor } from "../interactive/interactor.ts";
import { type RunListener, type RunOutcome, type RunRequest, runOnCustomInput } from "./custom-run.ts";
import { type CompiledProgram, type TestRun, runProgram } from "./test-run.ts";

export { SandboxError } from "../sandbox/errors.ts";
export type { BoxUserRange } from "../sandbox/box-users.ts";

/** As isolate: boxes run as uids and gids 60000 and up, one per concurrent box. */
export const DEFAULT_BOX_USERS: BoxUserRange = { uid: 60000, gid: 60000, count: 100 };
export type { JudgeLimits, JudgeLimitOverrides } from "./limits.ts";
export type { RunListener, RunOutcome, RunRequest } from "./custom-run.ts";

export interface JudgeRequest {
  language: LanguageId;
  code: string;
  /** A multi-file submission (name -> content): judged from these, `code` aside. */
  files?: Readonly<Record<string, string>>;
  bundle: TestBundle;
}

/** Awaited in order; the queue glue publishes each step. */
export interface JudgeListener {
  compiling(): Promise<void>;
  /** 1-based test about to run */
  running(test: number, total: number): Promise<void>;
  /** `score`: a scoring problem's score of the tests judged so far, and the most it can be */
  tested(result: TestResult, total: number, score?: ScoreSoFar): Promise<void>;
}

export interface ScoreSoFar {
  score: number;
  maxScore: number;
}

export interface JudgeOutcome {
  verdict: Verdict;
  passed: number;
  total: number;
  /** max CPU ms over the tests run */
  timeMs: number | null;
  /** max peak KiB over the tests run */
  memoryKb: number | null;
  compileOutput: string | null;
  tests: TestResult[];
  /** The first failing test (a function problem's case), for its owner (never published in steps). */
  failure?: CaseReport | null;
  /** A scoring problem's score (grading.ts) and the most it can be. */
  score?: number;
  maxScore?: number;
}

export interface JudgeOptions {
  /** compile scratch directories go here; must be traversable by the sandbox user */
  workDir: string;
  /** compiled programs and precompiled headers; must be traversable by the sandbox user */
  cacheDir: string;
  logger: Logger;
  /** unprivileged host uids/gids the boxes run as, one per concurrent box (default DEFAULT_BOX_USERS) */
  sandboxUsers?: BoxUserRange;
  /** default "auto": v2 when a cgroup2 mount offers memory+pids+cpu, else v1 */
  cgroupVersion?: 1 | 2 | "auto";
  /** cgroup directory under each hierarchy for all workers' boxes (default "judge") */
  cgroupParent?: string;
  /** only these languages even if more are installed */
  only?: readonly LanguageId[];
  limits?: JudgeLimitOverrides;
  /** bytes of compiled programs kept in the cache; least recently used go first (default 2 GiB) */
  artifactCacheBytes?: number;
  /** bytes one compiled program may have; a bigger one is a CE and never cached (default 64 MiB) */
  maxArtifactBytes?: number;
  /** bytes of the tmpfs each compile gets as /box (default 256 MiB: the C++ PCH build needs ~100) */
  compileScratchBytes?: number;
  /** compiles at once, each with its own scratch tmpfs (default 2); more wait */
  compileSlots?: number;
}

const MiB = 2 ** 20;
type StorageOptions = Required<Pick<JudgeOptions, "artifactCacheBytes" | "maxArtifactBytes" | "compileScratchBytes" | "compileSlots">>;
export const judgeStorageDefaults: StorageOptions = {
  artifactCacheBytes: 2048 * MiB,
  maxArtifactBytes: 64 * MiB,
  compileScratchBytes: 256 * MiB,
  compileSlots: 2,
};

/** Compile and run submissions in the sandbox, test by test. One instance serves one job at a time or many. */
export class Judge {
  #closing: Promise<void> | null = null;

  private constructor(
    private readonly sandbox: Sandbox,
    private readonly toolchains: ReadonlyMap<LanguageId, Toolchain>,
    private readonly programs: ProgramStore,
    private readonly options: JudgeOptions,
    private readonly limits: JudgeLimits,
    private readonly logger: Logger,
  ) {}

  static async create(options: JudgeOptions): Promise<Judge> {
    const logger = options.logger;
    const users = options.sandboxUsers ?? DEFAULT_BOX_USERS;
    const limits = resolveLimits(options.limits);
    await mkdir(options.workDir, { recursive: true, mode: 0o711 });
    await mkdir(options.cacheDir, { recursive: true, mode: 0o711 });
    // bwrap binds these paths while already running as a box's user. No box user owns anything
    // on the way, so the first one of the range stands for all of them.
    await assertTraversable(options.workDir, users.uid, users.gid);
    await assertTraversable(options.cacheDir, users.uid, users.gid);
    const storage = { ...judgeStorageDefaults, ...definedOnly(options) };
    const cacheRoot = join(options.cacheDir, "artifacts");
    const cgroupParent = options.cgroupParent ?? "judge";
    // What dead workers left: their boxes' processes and cgroups first, then their scratch.
    await sweepStaleBoxes(cgroupParent, logger);
    await sweepStaleScratch(options.workDir, cacheRoot, logger);
    forgetDeadAliases();
    const sandbox = await Sandbox.create({
      users,
      cgroupVersion: options.cgroupVersion ?? "auto",
      cgroupParent,
      logger,
    });
    const scratch = await ScratchMounts.create({
      workDir: options.workDir,
      bytes: storage.compileScratchBytes,
      slots: storage.compileSlots,
      logger,
    }).catch(async (error: unknown) => {
      await sandbox.close();
      throw error;
    });
    const cache = new ArtifactCache(cacheRoot, storage.artifactCacheBytes, logger);
    const programs = new ProgramStore({ sandbox, scratch, cache, limits, maxArtifactBytes: storage.maxArtifactBytes, logger });
    try {
      const buildOnce = (request: BuildOnceRequest) => programs.buildOnce(request);
      const toolchains = new Map<LanguageId, Toolchain>();
      for (const language of Object.values(languageStrategies)) {
        if (language === null || (options.only !== undefined && !options.only.includes(language.id))) continue;
        const toolchain = await language.detect({ probe: probeCommand, buildOnce });
        if (toolchain !== null) toolchains.set(language.id, toolchain);
      }
      logger.info({ languages: Object.fromEntries([...toolchains].map(([id, t]) => [id, t.version])) }, "judge ready");
      return new Judge(sandbox, toolchains, programs, options, limits, logger);
    } catch (error) {
      await Judge.release(sandbox, programs);
      throw error;
    }
  }

  /** Languages whose toolchain was found here, with the toolchain's own version string. */
  languages(): LanguageInfo[] {
    return [...this.toolchains].map(([id, toolchain]) => ({ id, name: languageDisplay[id].name, version: toolchain.version }));
  }

  async judge(request: JudgeRequest, listener: JudgeListener): Promise<JudgeOutcome> {
    const { bundle } = request;
    const total = bundle.tests.length;
    if (bundle.function !== undefined) {
      if (request.files !== undefined) {
        return { ...noTests("CE", total), compileOutput: "a function problem takes your class as one file (code), not files" };
      }
      return this.judgeFunction(request, bundle.function, listener);
    }
    await listener.compiling();
    const program = await this.compileOrRefuse(request.language, request.files ? { submitted: request.files } : request.code);
    if (!program.ok) return { ...noTests(program.verdict, total), ...nothingScored(bundle), compileOutput: program.message };
    try {
      return await this.judgeCompiled(request, program, listener);
    } finally {
      await program.release();
    }
  }

  private async judgeCompiled(request: JudgeRequest, program: CompiledProgram, listener: JudgeListener): Promise<JudgeOutcome> {
    const { bundle } = request;
    const total = bundle.tests.length;
    const checker = bundle.checker;
    if (checker.kind === "interactor") {
      const judged = await withInteractor(this.interactorDeps(), checker, (l, s) => this.compileOrRefuse(l, s), (interactor) =>
        this.runTests(bundle, program, null, listener, interactor),
      );
      return judged ?? { ...noTests("IE", total), compileOutput: BROKEN_INTERACTOR };
    }
    if (checker.kind !== "program") return this.runTests(bundle, program, null, listener);
    const compiled = await this.compileOrRefuse(checker.language, checkerSource(checker));
    if (!compiled.ok) {
      // The detail is the problem setter's business, not the contestant's: logged, not returned.
      this.logger.error({ language: checker.language, message: compiled.message }, "checker program does not compile");
      return { ...noTests("IE", total), ...nothingScored(bundle), compileOutput: "the problem's checker is broken; an administrator has been told" };
    }
    try {
      const checkerProgram = new ProgramChecker(
        this.sandbox,
        this.options.workDir,
        compiled,
        checker.convention,
        this.limits.checkerCpuMs,
        this.logger,
        checker.flags,
        bundle.scoring?.validatorScore,
      );
      return await this.runTests(bundle, program, checkerProgram, listener);
    } finally {
      await compiled.release();
    }
  }

  /**
   * The tests in the order their groups say (grading.ts): a problem without groups runs them
   * in order up to the first failure; a grouped one as problemtools runs it, and its verdict
   * and score are its root group's.
   */
  private async runTests(
    bundle: TestBundle,
    program: CompiledProgram,
    checkerProgram: ProgramChecker | null,
    listener: JudgeListener,
    interactor?: Interactor,
  ): Promise<JudgeOutcome> {
    const total = bundle.tests.length;
    const scoring = bundle.scoring ?? flatScoring(total);
    const root = groupTree(scoring);
    const maxScore = scoring.scored ? maxScoreOf(root, total) : null;
    const ran = new Map<number, GradedTest>();
    const tests: TestResult[] = [];
    let failure: CaseReport | null = null;
    await runGroup(root, ran, async (i) => {
      const test = bundle.tests[i]!;
      await listener.running(i + 1, total);
      const { verdict, score, timeMs, memoryKb, run } = await this.judgeTest(bundle, program, checkerProgram, test, interactor);
      // Only the first failure is kept (the owner's "last executed input"); IE is the judge's, not the program's.
      if (failure === null && verdict !== "AC" && verdict !== "IE") failure = failureReport(i + 1, test, run, verdict, interactor !== undefined);
      ran.set(i, { verdict, ...(score === undefined ? {} : { score }) });
      const result: TestResult = { index: i + 1, verdict, timeMs, memoryKb, ...(bundle.scoring ? { group: scoring.tests[i] } : {}) };
      tests.push(result);
      await listener.tested(result, total, maxScore === null ? undefined : { score: gradeGroup(root, ran)?.score ?? 0, maxScore });
      return verdict;
    });
    const graded = gradeGroup(root, ran);
    return {
      ...summarizeTests(tests, total),
      ...(graded === null ? {} : { verdict: graded.verdict }),
      ...(maxScore === null ? {} : { score: graded?.score ?? 0, maxScore }),
      compileOutput: null,
      tests,
      ...(failure === null ? {} : { failure }),
    };
  }

  /** One test: run the program on its input, then the checker on its output unless the run decided; a validator may give a score. */
  private async judgeTest(
    bundle: TestBundle,
    program: CompiledProgram,
    checkerProgram: ProgramChecker | null,
    test: TestBundle["tests"][number],
    interactor: Interactor | undefined,
  ): Promise<{ verdict: Verdict; score?: number; timeMs: number; memoryKb: number; run: RunResult }> {
    const checker = bundle.checker;
    const { run, decided } =
      interactor === undefined
        ? await this.execute(program, bundle.limits, test.input)
        : await interactor.test(test, bundle.limits, (stdio) => this.execute(program, bundle.limits, stdio));
    const used = { timeMs: run.cpuMs, memoryKb: run.memoryKb, run };
    if (decided !== "check") return { verdict: decided, ...used };
    if (checker.kind !== "program" && checker.kind !== "interactor") return { verdict: check(checker, test.output, run.stdout.toString("utf8")) ? "AC" : "WA", ...used };
    if (checkerProgram === null) return { verdict: "IE", ...used };
    return { ...(await checkerProgram.judge(test.input, test.output, run.stdout)), ...used };
  }

  /** A function problem: every case in one box, compared as each result line arrives (docs/function-problems.md). */
  private async judgeFunction(request: JudgeRequest, spec: FunctionSpec, listener: JudgeListener): Promise<JudgeOutcome> {
    return judgeFunctionSubmission(this.functionDeps(), request, spec, listener);
  }

  private interactorDeps(): InteractorDeps {
    return { sandbox: this.sandbox, workDir: this.options.workDir, limits: this.limits, logger: this.logger };
  }

  private functionDeps(): FunctionJudgeDeps {
    return {
      sandbox: this.sandbox,
      limits: this.limits,
      workDir: this.options.workDir,
      compile: (language, source) => this.compileOrRefuse(language, source),
      has: (language) => this.toolchains.has(language),
      logger: this.logger,
    };
  }

  /** The Run button's job (custom-run.ts). */
  run(request: RunRequest, listener: RunListener): Promise<RunOutcome> {
    return runOnCustomInput(
      {
        limits: this.limits,
        compile: (l, source) => this.compileOrRefuse(l, source),
        run: (program, limits, input) => this.execute(program, limits, input),
        interactor: this.interactorDeps(),
        functions: this.functionDeps(),
      },
      request,
      listener,
    );
  }

  /** The compiled program, checked out of the cache (the caller releases it), or the verdict that ends the job before any test. */
  private async compileOrRefuse(language: LanguageId, source: ProgramSource): Promise<Prepared> {
    const toolchain = this.toolchains.get(language);
    if (toolchain === undefined) return { ok: false, verdict: "IE", message: `${language} is not available on this worker` };
    const program = await this.programs.prepare(language, toolchain, source);
    if (!program.ok) return { ok: false, verdict: "CE", message: truncate(program.message, this.limits.compileMessageBytes) };
    const checkout = program.checkout;
    return { ok: true, dir: checkout.path, toolchain, entry: program.entry, release: async () => checkout[Symbol.asyncDispose]() };
  }

  /** One sandboxed run of a compiled program (test-run.ts). */
  private execute(program: CompiledProgram, problemLimits: Limits, input: string | { stdin: PipeFd; stdout: PipeFd }): Promise<TestRun> {
    return runProgram(this.sandbox, this.limits, program, problemLimits, input);
  }

  /** Give back each resource, each step on its own so one failure does not keep the others. */
  private static async release(sandbox: Sandbox, programs: ProgramStore): Promise<void> {
    await Promise.allSettled([programs.close()]);
    await sandbox.close();
  }

  /** Release the sandbox's cgroups, the compile scratch mounts and the cache checkouts. Safe to call twice. */
  close(): Promise<void> {
    this.#closing ??= Judge.release(this.sandbox, this.programs);
    return this.#closing;
  }
}

/** The options a caller really set, so `undefined` never hides a default. */
function definedOnly(options: JudgeOptions): Partial<StorageOptions> {
  const picked: Partial<StorageOptions> = {};
  for (const key of Object.keys(judgeStorageDefaults) as Array<keyof StorageOptions>) {
    const value = options[key];
    if (value !== undefined) picked[key] = value;
  }
  return picked;
}

function noTests(verdict: Verdict, total: number): Omit<JudgeOutcome, "compileOutput"> {
  return { verdict, passed: 0, total, timeMs: null, memoryKb: null, tests: [] };
}

/** Cut to at most `bytes` of UTF-8 without splitting a character. */
function truncate(text: string, bytes: number): string {
  const encoded = Buffer.from(text, "utf8");
  if (encoded.length <= bytes) return text;
  return `${encoded.subarray(0, bytes).toString("utf8").replace(/\uFFFD$/, "")}\n… (truncated)`;
}
