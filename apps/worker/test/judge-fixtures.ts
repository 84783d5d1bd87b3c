import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "vitest";
import { createLogger } from "@judge/config";
import type { CheckerSpec, LanguageId, TestBundle, TestResult } from "@judge/protocol";
import { type BoxUserRange, Judge, type JudgeListener, type JudgeOptions, type JudgeOutcome, type RunListener } from "../src/judge/index.ts";
import { type RunLimits, Sandbox } from "../src/sandbox/sandbox.ts";

/**
 * Shared by the judge test files. The cache directory is shared between runs on purpose: it is
 * content-addressed, and it keeps the one-off C++ precompiled header from being rebuilt per file.
 * JUDGE_TEST_CACHE_DIR points it at a fresh directory, to see every compile happen in this
 * sandbox rather than come from the cache (after a change to the sandbox itself).
 */
export const sharedCacheDir = process.env.JUDGE_TEST_CACHE_DIR ?? join(tmpdir(), "judge-worker-test-cache");

/** Compile scratch directories are unique and removed, so one parent serves every test. */
export const sharedWorkDir = join(tmpdir(), "judge-worker-test-work");

/**
 * Box uids no other process on the machine uses, so "nothing of the sandbox survives" is
 * checkable: 16 per test process, the block picked by pid so that concurrent test processes
 * (other projects, other checkouts) rarely share one; when they do, the claims keep them apart.
 */
export const testUsers: BoxUserRange = (() => {
  const first = 100_000 + (process.pid % 4096) * 16;
  return { uid: first, gid: first, count: 16 };
})();

/** Whether `uid` is one of this test process's box uids. */
export function isTestBoxUid(uid: number): boolean {
  return uid >= testUsers.uid && uid < testUsers.uid + testUsers.count;
}

/** Live host processes running as any of the box uids: none once every run has ended. */
export function boxProcesses(): number[] {
  return processesWhere(isTestBoxUid);
}

/** A fresh directory the sandbox user may pass through (mkdtemp makes 0700). */
export async function traversableTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await chmod(dir, 0o711);
  return dir;
}

export async function createTestJudge(options: Partial<JudgeOptions> = {}): Promise<Judge> {
  return Judge.create({
    workDir: sharedWorkDir,
    cacheDir: sharedCacheDir,
    logger: createLogger("judge-test", "warn"),
    sandboxUsers: testUsers,
    ...options,
  });
}

/**
 * A judge with its own work and cache directories, for a suite that runs beside another judge
 * suite (the `worker-functions` project); `close` also removes the directories.
 */
export async function createPrivateTestJudge(prefix: string): Promise<Judge> {
  const root = await traversableTempDir(`${prefix}-`);
  const judge = await createTestJudge({ workDir: join(root, "work"), cacheDir: join(root, "cache") });
  const close = judge.close.bind(judge);
  judge.close = async () => {
    await close();
    await rm(root, { recursive: true, force: true });
  };
  return judge;
}

/** Generous limits unless a test is about one of them: a slow shared machine must not fail tests. */
export function bundle(
  tests: Array<[input: string, output: string]>,
  limits: Partial<TestBundle["limits"]> = {},
  checker: CheckerSpec = { kind: "tokens" },
): TestBundle {
  return {
    hash: "0".repeat(64),
    limits: { timeMs: 10_000, memoryKb: 256 * 1024, ...limits },
    checker,
    tests: tests.map(([input, output]) => ({ input, output })),
  };
}

/** A listener that records every step, to check the order the glue will publish them in. */
/** A Run button's listener that keeps the steps it was told, in order. */
export function runRecorder(): RunListener & { seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    compiling: async () => {
      seen.push("compiling");
    },
    running: async () => {
      seen.push("running");
    },
  };
}

export function recorder(): JudgeListener & { steps: string[]; results: TestResult[]; scores: number[] } {
  const steps: string[] = [];
  const results: TestResult[] = [];
  const scores: number[] = [];
  return {
    steps,
    results,
    scores,
    compiling: async () => {
      steps.push("compiling");
    },
    running: async (test, total) => {
      steps.push(`running ${test}/${total}`);
    },
    tested: async (result, total, score) => {
      results.push(result);
      if (score !== undefined) scores.push(score.score);
      steps.push(`tested ${result.index}/${total} ${result.verdict}`);
    },
  };
}

/** One judging of `code`, or of a multi-file submission when `files` (name -> content) is given. */
export async function judgeOnce(
  judge: Judge,
  language: LanguageId,
  code: string,
  b: TestBundle,
  files?: Record<string, string>,
): Promise<JudgeOutcome> {
  return judge.judge({ language, code, ...(files ? { files } : {}), bundle: b }, recorder());
}

/** Live processes owned by `uid` on the host, from /proc. */
export function processesOf(uid: number): number[] {
  return processesWhere((real) => real === uid);
}

function processesWhere(match: (uid: number) => boolean): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      const real = /^Uid:\s+(\d+)/m.exec(status)?.[1];
      if (real !== undefined && match(Number(real))) pids.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return pids;
}

export interface VerdictPrograms {
  /** reads "a b", prints a+b */
  ac: string;
  /** prints a-b */
  wa: string;
  /** never ends */
  tle: string;
  /** exits with an error */
  re: string;
  /** touches 512 MiB */
  mle: string;
}

/** The verdict tests every language gets, declared inside the caller's file. */
export function verdictSuite(getJudge: () => Judge, language: LanguageId, programs: VerdictPrograms): void {
  const sums = bundle([
    ["1 2\n", "3\n"],
    ["-5 5\n", "0"],
    ["1000000000 1000000000\n", "2000000000\n"],
  ]);

  test("AC on every test, with steps in order and measured time and memory", async () => {
    const listener = recorder();
    const outcome = await getJudge().judge({ language, code: programs.ac, bundle: sums }, listener);
    assert.equal(outcome.verdict, "AC", JSON.stringify(outcome));
    assert.equal(outcome.passed, 3);
    assert.equal(outcome.total, 3);
    assert.deepEqual(listener.steps, [
      "compiling",
      "running 1/3", "tested 1/3 AC",
      "running 2/3", "tested 2/3 AC",
      "running 3/3", "tested 3/3 AC",
    ]);
    assert.ok(outcome.memoryKb !== null && outcome.memoryKb > 0);
    assert.ok(outcome.timeMs !== null && outcome.timeMs >= 0);
    assert.equal(outcome.timeMs, Math.max(...outcome.tests.map((r) => r.timeMs)));
    assert.equal(outcome.memoryKb, Math.max(...outcome.tests.map((r) => r.memoryKb)));
  });

  test("WA stops at the first failing test", async () => {
    const outcome = await judgeOnce(getJudge(), language, programs.wa, bundle([["2 2\n", "4\n"], ["1 2\n", "3\n"], ["5 5\n", "10\n"]]));
    // 2-2 = 0 is wrong on the first test already.
    assert.equal(outcome.verdict, "WA");
    assert.equal(outcome.passed, 0);
    assert.equal(outcome.tests.length, 1);
  });

  test("TLE on an endless loop, and the judge goes on judging", async () => {
    const outcome = await judgeOnce(getJudge(), language, programs.tle, bundle([["1 2\n", "3\n"], ["1 2\n", "3\n"]], { timeMs: 500 }));
    assert.equal(outcome.verdict, "TLE");
    assert.equal(outcome.tests.length, 1);
    // The CPU limit ends it, or on a loaded machine the wall limit (2 × 500 ms + 1 s) first, with
    // less CPU than the limit: the time is measured either way, never a fixed figure here.
    assert.ok(outcome.timeMs !== null && outcome.timeMs > 0, `cpu ${outcome.timeMs}`);
    const next = await judgeOnce(getJudge(), language, programs.ac, sums);
    assert.equal(next.verdict, "AC");
  });

  test("RE on an error exit", async () => {
    const outcome = await judgeOnce(getJudge(), language, programs.re, sums);
    assert.equal(outcome.verdict, "RE");
    assert.equal(outcome.passed, 0);
  });

  test("MLE when touching 512 MiB under a 64 MiB limit", async () => {
    const outcome = await judgeOnce(getJudge(), language, programs.mle, bundle([["1 2\n", "3\n"]], { memoryKb: 64 * 1024 }));
    assert.equal(outcome.verdict, "MLE", JSON.stringify(outcome));
  });
}

const MiB = 2 ** 20;
/** Roomy limits for tests of the sandbox itself; a test about one limit overrides it. */
export const sandboxTestLimits: RunLimits = {
  cpuMs: 10_000,
  wallMs: 20_000,
  memoryBytes: 256 * MiB,
  pids: 64,
  stdoutBytes: 4 * MiB,
  stderrBytes: 64 * 1024,
  stderrLimitBytes: 4 * MiB,
  fileBytes: 16 * MiB,
  tmpBytes: 16 * MiB,
  stackBytes: 64 * MiB,
  openFiles: 256,
};

/** A bare sandbox on the tests' box users, for tests below the judge. */
export function createTestSandbox(): Promise<Sandbox> {
  return Sandbox.create({ users: testUsers, cgroupVersion: "auto", cgroupParent: "judge", logger: createLogger("sandbox-test", "warn") });
}
