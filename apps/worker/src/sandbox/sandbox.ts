import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import type { Readable, Writable } from "node:stream";
import type { Logger } from "@judge/config";
import { type Bind, type HostLayout, type Scratch, bwrapArgs, inspectHostLayout } from "./bwrap-args.ts";
import type { BoxCgroup, Cgroups } from "./cgroup.ts";
import { BLOCK_FD, INFO_FD, SECCOMP_FD, admit, readChildPid } from "./admit.ts";
import { BOX_OWNER_ENV, ownerToken } from "./box-owner.ts";
import { type BoxUser, type BoxUserRange, BoxUsers } from "./box-users.ts";
import { SandboxError } from "./errors.ts";
import { type SandboxOutcome, classifyRun } from "./outcome.ts";
import { openCgroups } from "./open-cgroups.ts";
import { type ResultPipe, ResultPipes, readLines } from "./result-pipe.ts";
import { assertFilterArchitecture, seccompProgramBytes } from "./seccomp/seccomp-filter.ts";

export interface RunLimits {
  /** CPU ms of the whole process tree */
  cpuMs: number;
  /** wall-clock ms, enforced by the worker */
  wallMs: number;
  /** bytes, cgroup memory limit (no address-space limit: V8 and the JVM reserve far more) */
  memoryBytes: number;
  /** processes + threads in the box */
  pids: number;
  /** bytes of stdout kept; one more byte kills the box with output-limit */
  stdoutBytes: number;
  /** bytes of stderr kept; the rest is read and dropped, up to stderrLimitBytes */
  stderrBytes: number;
  /**
   * bytes of stderr the worker reads at most; one more kills the box with output-limit. A flood
   * must cost the box its verdict, not the worker its CPU (Node copies every byte it reads).
   */
  stderrLimitBytes: number;
  /** bytes, RLIMIT_FSIZE for any one file the program writes */
  fileBytes: number;
  /** bytes of the private /tmp */
  tmpBytes: number;
  /** bytes, RLIMIT_STACK: generous, recursion-heavy solutions are normal here */
  stackBytes: number;
  /** RLIMIT_NOFILE */
  openFiles: number;
}

export interface RunSpec {
  /** the command inside the sandbox, absolute path first */
  argv: readonly string[];
  env: Readonly<Record<string, string>>;
  /** written to the program's stdin, or a pipe end (an interactive problem's) given as its stdin */
  stdin: string | Buffer | PipeFd;
  /** a pipe end given as the program's stdout, which is then not collected; absent: collected */
  stdout?: PipeFd;
  scratch: Scratch;
  binds: readonly Bind[];
  limits: RunLimits;
  /** A function problem's run: the results descriptor (fd 3 in the box), read line by line. */
  results?: ResultChannel;
  /**
   * The host user to run as, when the caller needs it first (a compile's scratch is chowned to
   * it). Absent: the run claims one of its own and releases it when the box is gone.
   */
  user?: BoxUser;
}

/**
 * A descriptor of the caller's, handed to the box as one of its standard streams. The caller
 * keeps its own copy and closes it when it chooses (interactive/pipes.ts).
 */
export interface PipeFd {
  fd: number;
}

/** The box's usage when a result line arrived, from the cgroup. */
export interface LineUsage {
  /** CPU ms of the whole tree since the box started */
  cpuMs: number;
  /** peak memory of the box so far, KiB */
  memoryKb: number;
}

/**
 * Fd 3 inside the box, for results (docs/function-problems.md). Each complete line is handed
 * over as it arrives with the cgroup's usage at that moment; an unterminated tail at exit is
 * not a line. The box is killed (time-limit) once the CPU used since the previous line (since
 * the start, for the first) passes `lineCpuMs`; `RunLimits.cpuMs` stays the whole run's backstop.
 */
export interface ResultChannel {
  /** bytes the program may write on fd 3; one more kills the box as output-limit */
  limitBytes: number;
  /** CPU ms between two lines */
  lineCpuMs: number;
  onLine(line: Buffer, usage: LineUsage): void;
  /** aborting kills the box; the result then says `stopped` (stop at the first failing case) */
  signal?: AbortSignal;
}

export interface RunResult {
  outcome: SandboxOutcome;
  exitCode: number | null;
  /** CPU ms of the whole tree, from the cgroup */
  cpuMs: number;
  wallMs: number;
  /** peak memory of the box, KiB, from the cgroup */
  memoryKb: number;
  stdout: Buffer;
  stderr: Buffer;
  /** the caller aborted the run (ResultChannel.signal): the outcome only says how the kill ended it */
  stopped?: boolean;
}

export interface SandboxOptions {
  /** host uids/gids the boxes run as, one per concurrent box: never root (root in a user namespace is host root) */
  users: BoxUserRange;
  cgroupVersion: 1 | 2 | "auto";
  cgroupParent: string;
  logger: Logger;
}

/**
 * The command bubblewrap starts, inside every namespace and already in the box's cgroup: set the
 * rlimits ($1..$4, numbers the worker chose), report on fd 5 that the sandbox came up, then
 * become the program with no stray descriptors. User data is only ever in argv, never in this
 * text. A run whose marker never arrives broke in the sandbox machinery, not in the submission.
 */
const INNER = [
  'ulimit -s "$1" && ulimit -f "$2" && ulimit -t "$3" && ulimit -n "$4" && ulimit -c 0 || exit 1',
  'shift 4; printf x >&5 || exit 1',
  'exec "$@" 3<&- 4<&- 5>&- 6<&-',
].join("\n");

/**
 * The same for a function problem's run: the results pipe, handed to bwrap as fd 7 (the next
 * after the seccomp fd in its stdio), becomes the program's fd 3 and nothing else stays open
 * (bwrap's info fd 3 is replaced by it).
 */
const INNER_WITH_RESULTS = [
  'ulimit -s "$1" && ulimit -f "$2" && ulimit -t "$3" && ulimit -n "$4" && ulimit -c 0 || exit 1',
  'shift 4; printf x >&5 || exit 1',
  'exec "$@" 3>&7 4<&- 5>&- 6<&- 7>&-',
].join("\n");

/** How often CPU time is sampled while a run is still going: a multi-threaded program can burn CPU faster than wall time. */
function cpuPollMs(cpuLimitMs: number): number {
  return Math.max(20, Math.min(100, Math.floor(cpuLimitMs / 4)));
}

export class Sandbox {
  private constructor(
    private readonly users: BoxUsers,
    private readonly cgroups: Cgroups,
    private readonly layout: HostLayout,
    /** the compiled seccomp filter, written to every bwrap on its --seccomp descriptor */
    private readonly seccomp: Buffer,
    private readonly resultPipes: ResultPipes,
    private readonly logger: Logger,
  ) {}

  static async create(options: SandboxOptions): Promise<Sandbox> {
    assertFilterArchitecture();
    const users = new BoxUsers(options.users);
    const logger = options.logger.child({ module: "sandbox" });
    const cgroups = await openCgroups({
      version: options.cgroupVersion,
      parentName: options.cgroupParent,
      logger,
    });
    logger.info({ cgroupVersion: cgroups.version, root: cgroups.root }, "sandbox ready");
    return new Sandbox(users, cgroups, await inspectHostLayout(), seccompProgramBytes(), await ResultPipes.create(), logger);
  }

  /** A host user of its own for one box; release it (or `await using`) once its files are gone. */
  claimUser(): Promise<BoxUser> {
    return this.users.claim();
  }

  /** Blocking pipes for boxes to talk over (ResultPipes.openPairs); the caller closes every descriptor. */
  openPipes(count: number): Promise<Array<{ readFd: number; writeFd: number }>> {
    return this.resultPipes.openPairs(count);
  }

  get cgroupVersion(): 1 | 2 {
    return this.cgroups.version;
  }

  async run(spec: RunSpec): Promise<RunResult> {
    const own = spec.user === undefined ? await this.users.claim() : null;
    const user = spec.user ?? own!;
    try {
      const box = await this.cgroups.createBox({ memoryBytes: spec.limits.memoryBytes, pids: spec.limits.pids });
      let pipe: ResultPipe | null = null;
      try {
        if (spec.results !== undefined) pipe = await this.resultPipes.open();
        return await this.runInBox(spec, box, user, pipe);
      } finally {
        pipe?.closeWriteEnd();
        pipe?.reader.destroy();
        // Every process of the box is dead once this returns: only then may the uid serve another box.
        await box.destroy();
      }
    } finally {
      await own?.release();
    }
  }

  private async runInBox(spec: RunSpec, box: BoxCgroup, user: BoxUser, pipe: ResultPipe | null): Promise<RunResult> {
    const { limits } = spec;
    const argv = [
      "--info-fd", String(INFO_FD), "--block-fd", String(BLOCK_FD), "--seccomp", String(SECCOMP_FD),
      ...bwrapArgs({ layout: this.layout, scratch: spec.scratch, tmpBytes: limits.tmpBytes, binds: spec.binds, env: spec.env }),
      "--", "/bin/sh", "-c", pipe === null ? INNER : INNER_WITH_RESULTS, "sh",
      String(Math.ceil(limits.stackBytes / 1024)),
      String(Math.ceil(limits.fileBytes / 512)), // dash counts RLIMIT_FSIZE in 512-byte blocks
      String(Math.ceil(limits.cpuMs / 1000) + 1), // backstop only; the cgroup's CPU time decides
      String(limits.openFiles),
      ...spec.argv,
    ];
    const started = performance.now();
    // Started as the box's own unprivileged user: libuv drops supplementary groups and setuid
    // drops every capability, so bwrap maps that user onto itself, never onto host root.
    const child = spawn("/usr/bin/bwrap", argv, {
      // Only the owner marker, so a later sweep can tell our orphans (stale-boxes.ts); the program
      // never sees it: bwrapArgs ends with --clearenv.
      env: { [BOX_OWNER_ENV]: ownerToken() },
      uid: user.uid,
      gid: user.gid,
      stdio: [
        isPipeFd(spec.stdin) ? spec.stdin.fd : "pipe",
        spec.stdout?.fd ?? "pipe",
        "pipe", "pipe", "pipe", "pipe", "pipe",
        ...(pipe === null ? [] : [pipe.writeFd]),
      ],
    });
    // bwrap and the box hold their own copies now; ours would keep the reader from ever seeing EOF.
    pipe?.closeWriteEnd();
    const [stdinPipe, stdoutPipe, stderrPipe, infoPipe, blockPipe, markerPipe, seccompPipe] = child.stdio as unknown as [
      Writable | null, Readable | null, Readable, Readable, Writable, Readable, Writable,
    ];
    // A few hundred bytes, far below a pipe's buffer: bwrap reads to EOF once its setup is done.
    seccompPipe.on("error", () => {});
    seccompPipe.end(this.seccomp);
    const exited = new Promise<{ code: number | null; error: unknown }>((resolve) => {
      child.once("error", (error) => resolve({ code: null, error }));
      child.once("close", (code) => resolve({ code, error: null }));
    });
    blockPipe.on("error", () => {});

    let outputExceeded = false;
    let timedOut = false;
    let stopped = false;
    let marked = false;
    /** CPU ms at the last result line: the per-line limit counts from here */
    let lineStartCpuMs = 0;
    let killing: Promise<void> | null = null;
    const killBox = () => {
      killing ??= box.kill().catch((error: unknown) => this.logger.error({ err: error }, "killing the box failed"));
    };

    const overflow = () => {
      outputExceeded = true;
      killBox();
    };
    const stdout = stdoutPipe === null ? { take: () => Buffer.alloc(0) } : collect(stdoutPipe, limits.stdoutBytes, limits.stdoutBytes, overflow);
    const stderr = collect(stderrPipe, limits.stderrBytes, Math.max(limits.stderrBytes, limits.stderrLimitBytes), overflow);
    markerPipe.on("data", () => {
      marked = true;
    });
    const results = spec.results;
    const lines =
      pipe === null || results === undefined
        ? null
        : readLines(pipe.reader, results.limitBytes, overflow, (line) => {
            // Synchronous cgroup reads: the usage is the box's at this very line.
            const usage = box.sampleUsage();
            lineStartCpuMs = usage.cpuMs;
            results.onLine(line, usage);
          });
    const onAbort = () => {
      stopped = true;
      killBox();
    };
    results?.signal?.addEventListener("abort", onAbort, { once: true });
    try {
      if (child.pid === undefined) throw new SandboxError("cannot start bwrap");
      admit(box, await readChildPid(infoPipe));
      blockPipe.end("x");
    } catch (error) {
      await box.kill();
      child.kill("SIGKILL");
      const { error: spawnError } = await exited;
      const detail = stderr.take().toString("utf8", 0, 2000);
      if (error instanceof SandboxError) throw new SandboxError(`${error.message}: ${detail}`, { cause: error.cause });
      throw new SandboxError(`cannot start the sandbox: ${detail}`, { cause: spawnError ?? error });
    }

    // The program may exit without reading its input: EPIPE is its business, not ours.
    if (stdinPipe !== null && !isPipeFd(spec.stdin)) {
      stdinPipe.on("error", () => {});
      stdinPipe.end(spec.stdin);
    }

    const wallTimer = setTimeout(() => {
      timedOut = true;
      killBox();
    }, limits.wallMs);
    let cpuTimer: NodeJS.Timeout | null = null;
    const lineCpuMs = results?.lineCpuMs ?? Number.POSITIVE_INFINITY;
    const pollCpu = () => {
      cpuTimer = setTimeout(() => {
        box.cpuMs().then(
          (cpuMs) => {
            if (cpuMs > limits.cpuMs || cpuMs - lineStartCpuMs > lineCpuMs) {
              timedOut = true;
              killBox();
            } else if (killing === null) pollCpu();
          },
          () => {}, // the box is being torn down
        );
      }, cpuPollMs(Math.min(limits.cpuMs, lineCpuMs)));
    };
    pollCpu();

    const exit = await exited;
    clearTimeout(wallTimer);
    if (cpuTimer !== null) clearTimeout(cpuTimer);
    results?.signal?.removeEventListener("abort", onAbort);
    if (lines !== null) {
      // What the box left behind dies first, so the pipe's last writer is gone and EOF comes;
      // every line the box wrote is handed over before the run is reported.
      await box.kill();
      await lines.ended;
    }
    if (exit.error !== null) throw new SandboxError("bwrap failed", { cause: exit.error });
    const wallMs = performance.now() - started;
    await (killing ?? Promise.resolve());
    const usage = await box.usage();
    const killedByUs = outputExceeded || timedOut;
    if (!marked && !killedByUs && !usage.oomKilled) {
      throw new SandboxError(
        `the sandbox did not start (exit ${exit.code}): ${stderr.take().toString("utf8", 0, 2000)}`,
      );
    }
    return {
      outcome: classifyRun({
        outputExceeded,
        oomKilled: usage.oomKilled,
        timedOut,
        cpuMs: usage.cpuMs,
        cpuLimitMs: limits.cpuMs,
        exitCode: exit.code,
      }),
      ...(stopped ? { stopped } : {}),
      exitCode: exit.code,
      cpuMs: usage.cpuMs,
      wallMs: Math.round(wallMs),
      memoryKb: usage.memoryPeakKb,
      stdout: stdout.take(),
      stderr: stderr.take(),
    };
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.resultPipes.close()]);
    await this.cgroups.close();
  }
}

function isPipeFd(stdin: RunSpec["stdin"]): stdin is PipeFd {
  return typeof stdin === "object" && !Buffer.isBuffer(stdin);
}

/**
 * Keep the first `keep` bytes of a stream and read on, dropping, up to `limit`; past it call
 * `onOverflow` once and stop reading, so the worker never copies more than `limit` bytes.
 */
function collect(stream: Readable, keep: number, limit: number, onOverflow: () => void): { take(): Buffer } {
  const chunks: Buffer[] = [];
  let kept = 0;
  let read = 0;
  stream.on("data", (chunk: Buffer) => {
    read += chunk.length;
    if (kept < keep) {
      const part = chunk.subarray(0, keep - kept);
      chunks.push(part);
      kept += part.length;
    }
    if (read > limit) {
      onOverflow();
      stream.destroy();
    }
  });
  stream.on("error", () => {});
  return { take: () => Buffer.concat(chunks, kept) };
}
