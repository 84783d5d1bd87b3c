import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Logger } from "@judge/config";
import {
  type LanguageId,
  type LanguageInfo,
  type Limits,
  MAX_RUN_OUTPUT_BYTES,
  type RunOutput,
  type TestBundle,
  type TestResult,
  type Verdict,
  languageDisplay,
} from "@judge/protocol";
import { check } from "../checkers/index.ts";
import { type BuildOnceRequest, type Toolchain, PROG_DIR, languageStrategies, probeCommand } from "../languages/index.ts";
import type { BoxUserRange } from "../sandbox/box-users.ts";
import { type RunResult, Sandbox } from "../sandbox/sandbox.ts";
import { ArtifactCache, sha256 } from "./artifact-cache.ts";
import { compileInSandbox } from "./compiler.ts";
import { type JudgeLimitOverrides, type JudgeLimits, compileLimits, resolveLimits, runLimits } from "./limits.ts";
import { assertTraversable } from "./traversable.ts";
import { ProgramChecker } from "./program-checker.ts";
import { verdictByOutcome } from "./verdicts.ts";

export { SandboxError } from "../sandbox/errors.ts";
export type { BoxUserRange } from "../sandbox/box-users.ts";

/** As isolate: boxes run as uids and gids 60000 and up, one per concurrent box. */
export const DEFAULT_BOX_USERS: BoxUserRange = { uid: 60000, gid: 60000, count: 100 };
export type { JudgeLimits, JudgeLimitOverrides } from "./limits.ts";

export interface JudgeRequest {
  language: LanguageId;
  code: string;
  bundle: TestBundle;
}

/** Awaited in order; the queue glue publishes each step. */
export interface JudgeListener {
  compiling(): Promise<void>;
  /** 1-based test about to run */
  running(test: number, total: number): Promise<void>;
  tested(result: TestResult, total: number): Promise<void>;
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
}

/** The Run button: one program on the user's own input, no expected output. */
export interface RunRequest {
  language: LanguageId;
  code: string;
  input: string;
  limits: Limits;
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
}

type Prepared = { ok: true; dir: string; toolchain: Toolchain } | { ok: false; verdict: "CE" | "IE"; message: string };

/** Compile and run submissions in the sandbox, test by test. One instance serves one job at a time or many. */
export class Judge {
  #closing: Promise<void> | null = null;

  private constructor(
    private readonly sandbox: Sandbox,
    private readonly toolchains: ReadonlyMap<LanguageId, Toolchain>,
    private readonly cache: ArtifactCache,
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
    const sandbox = await Sandbox.create({
      users,
      cgroupVersion: options.cgroupVersion ?? "auto",
      cgroupParent: options.cgroupParent ?? "judge",
      logger,
    });
    try {
      const cache = new ArtifactCache(join(options.cacheDir, "artifacts"));
      const buildOnce = (request: BuildOnceRequest) => Judge.buildOnce(sandbox, cache, options.workDir, limits, request, logger);
      const toolchains = new Map<LanguageId, Toolchain>();
      for (const language of Object.values(languageStrategies)) {
        if (language === null || (options.only !== undefined && !options.only.includes(language.id))) continue;
        const toolchain = await language.detect({ probe: probeCommand, buildOnce });
        if (toolchain !== null) toolchains.set(language.id, toolchain);
      }
      logger.info({ languages: Object.fromEntries([...toolchains].map(([id, t]) => [id, t.version])) }, "judge ready");
      return new Judge(sandbox, toolchains, cache, options, limits, logger);
    } catch (error) {
      await sandbox.close();
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
    await listener.compiling();
    const program = await this.compileOrRefuse(request.language, request.code);
    if (!program.ok) return { ...noTests(program.verdict, total), compileOutput: program.message };
    const checker = bundle.checker;
    let checkerProgram: ProgramChecker | null = null;
    if (checker.kind === "program") {
      const compiled = await this.compileOrRefuse(checker.language, checker.source);
      if (!compiled.ok) {
        // The detail is the problem setter's business, not the contestant's: logged, not returned.
        this.logger.error({ language: checker.language, message: compiled.message }, "checker program does not compile");
        return { ...noTests("IE", total), compileOutput: "the problem's checker is broken; an administrator has been told" };
      }
      checkerProgram = new ProgramChecker(
        this.sandbox,
        this.options.workDir,
        compiled,
        checker.convention,
        this.limits.checkerCpuMs,
        this.logger,
      );
    }
    const tests: TestResult[] = [];
    for (const [i, test] of bundle.tests.entries()) {
      await listener.running(i + 1, total);
      const { run, decided } = await this.execute(program, bundle.limits, test.input);
      let verdict: Verdict;
      if (decided !== "check") verdict = decided;
      else if (checker.kind !== "program") verdict = check(checker, test.output, run.stdout.toString("utf8")) ? "AC" : "WA";
      else verdict = checkerProgram === null ? "IE" : await checkerProgram.check(test.input, test.output, run.stdout);
      const result: TestResult = { index: i + 1, verdict, timeMs: run.cpuMs, memoryKb: run.memoryKb };
      tests.push(result);
      await listener.tested(result, total);
      if (verdict !== "AC") break;
    }
    const failed = tests.find((t) => t.verdict !== "AC");
    return {
      verdict: failed?.verdict ?? "AC",
      passed: tests.filter((t) => t.verdict === "AC").length,
      total,
      timeMs: Math.max(...tests.map((t) => t.timeMs)),
      memoryKb: Math.max(...tests.map((t) => t.memoryKb)),
      compileOutput: null,
      tests,
    };
  }

  /**
   * One run on custom input: AC when it exits 0 within the limits (there is no expected output
   * to check), else the limit it hit or RE. A SandboxError stays thrown, as for submissions.
   */
  async run(request: RunRequest, listener: RunListener): Promise<RunOutcome> {
    await listener.compiling();
    const program = await this.compileOrRefuse(request.language, request.code);
    if (!program.ok) {
      return { verdict: program.verdict, timeMs: null, memoryKb: null, compileOutput: program.message, output: null };
    }
    await listener.running();
    const { run, decided } = await this.execute(program, request.limits, request.input);
    const stdout = cutUtf8(run.stdout, MAX_RUN_OUTPUT_BYTES);
    const stderr = cutUtf8(run.stderr, MAX_RUN_OUTPUT_BYTES);
    return {
      verdict: decided === "check" ? "AC" : decided,
      timeMs: run.cpuMs,
      memoryKb: run.memoryKb,
      compileOutput: null,
      output: {
        stdout: stdout.text,
        stderr: stderr.text,
        exitCode: run.exitCode,
        // stderr is kept only up to the judge's own cap: reaching it means some was dropped.
        truncated: stdout.cut || stderr.cut || run.stderr.length >= this.limits.stderrBytes || run.outcome === "output-limit",
      },
    };
  }

  /** The compiled program, or the verdict that ends the job before any test. */
  private async compileOrRefuse(language: LanguageId, code: string): Promise<Prepared> {
    const toolchain = this.toolchains.get(language);
    if (toolchain === undefined) return { ok: false, verdict: "IE", message: `${language} is not available on this worker` };
    const program = await this.prepare(language, toolchain, code);
    if (!program.ok) return { ok: false, verdict: "CE", message: truncate(program.message, this.limits.compileMessageBytes) };
    return { ok: true, dir: program.dir, toolchain };
  }

  /** One sandboxed run of a compiled program on one input, with its verdict unless a checker decides. */
  private async execute(
    program: Extract<Prepared, { ok: true }>,
    problemLimits: Limits,
    input: string,
  ): Promise<{ run: RunResult; decided: Verdict | "check" }> {
    const memoryBytes = problemLimits.memoryKb * 1024;
    const step = program.toolchain.run({ memoryBytes, stackBytes: memoryBytes });
    const run = await this.sandbox.run({
      argv: step.argv,
      env: { PATH: "/usr/bin:/bin", HOME: "/box", LANG: "C.UTF-8", ...step.env },
      stdin: input,
      scratch: { kind: "tmpfs", bytes: this.limits.runScratchBytes },
      binds: [{ host: program.dir, sandbox: PROG_DIR }, ...(step.binds ?? [])],
      limits: runLimits(this.limits, problemLimits, step.pids),
    });
    const outOfMemory = run.outcome === "runtime-error" && step.outOfMemory?.test(run.stderr.toString("utf8")) === true;
    return { run, decided: verdictByOutcome[outOfMemory ? "memory-limit" : run.outcome] };
  }

  /** The program's directory in the cache: compiled once per (language, toolchain, source). */
  private async prepare(
    language: LanguageId,
    toolchain: Toolchain,
    code: string,
  ): Promise<{ ok: true; dir: string } | { ok: false; message: string }> {
    const compile = toolchain.compile;
    const tag = sha256(`${toolchain.version}\0${compile?.argv.join("\0") ?? "source"}`).slice(0, 16);
    const dir = this.cache.dirFor(language, tag, sha256(code));
    if (await this.cache.has(dir)) return { ok: true, dir };
    return this.cache.once(dir, async () => {
      const sourceName = languageStrategies[language]!.sourceName;
      const temp = await this.cache.tempDir();
      try {
        if (compile === null) {
          await mkdir(temp, { mode: 0o755 });
          await writeFile(join(temp, sourceName), code, { mode: 0o644 });
        } else {
          const result = await compileInSandbox({
            sandbox: this.sandbox,
            workDir: this.options.workDir,
            files: { [sourceName]: code },
            step: compile,
            limits: compileLimits(this.limits),
            dest: temp,
            logger: this.logger,
          });
          if (!result.ok) return { ok: false, message: result.message };
        }
        await this.cache.publish(temp, dir);
        return { ok: true, dir };
      } finally {
        await rm(temp, { recursive: true, force: true });
      }
    });
  }

  /** A trusted one-off compile (a precompiled header) cached on disk for every later start. */
  private static async buildOnce(
    sandbox: Sandbox,
    cache: ArtifactCache,
    workDir: string,
    limits: JudgeLimits,
    request: BuildOnceRequest,
    logger: Logger,
  ): Promise<string | null> {
    const dir = cache.dirFor("build", "once", sha256(request.key));
    if (await cache.has(dir)) return dir;
    const temp = await cache.tempDir();
    try {
      const built = join(temp, "built");
      const result = await compileInSandbox({
        sandbox,
        workDir,
        files: request.files,
        step: { argv: request.argv, keep: (name) => name === request.output.file },
        limits: { ...compileLimits(limits), cpuMs: 60_000, wallMs: 120_000, memoryBytes: 2 * 2 ** 30 },
        dest: built,
        logger,
      });
      if (!result.ok) {
        logger.warn({ key: request.key, message: result.message.slice(0, 2000) }, "one-off build failed; going without it");
        return null;
      }
      const target = join(temp, "tree", request.output.as);
      await mkdir(dirname(target), { recursive: true, mode: 0o755 });
      await rename(join(built, request.output.file), target);
      await cache.publish(join(temp, "tree"), dir);
      logger.info({ key: request.key, dir }, "built once");
      return dir;
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  }

  /** Release the sandbox's cgroups. Safe to call twice. */
  close(): Promise<void> {
    this.#closing ??= this.sandbox.close();
    return this.#closing;
  }
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

/** At most `bytes` of UTF-8 as text, and whether anything was cut. */
function cutUtf8(buffer: Buffer, bytes: number): { text: string; cut: boolean } {
  if (buffer.length <= bytes) return { text: buffer.toString("utf8"), cut: false };
  return { text: buffer.subarray(0, bytes).toString("utf8").replace(/\uFFFD$/, ""), cut: true };
}
