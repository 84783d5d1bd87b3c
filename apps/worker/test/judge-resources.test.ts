import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync, readdirSync, readlinkSync, rmdirSync } from "node:fs";
import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { afterAll, beforeAll, describe, test } from "vitest";
import { sha256 } from "../src/judge/artifact-cache.ts";
import type { Judge } from "../src/judge/index.ts";
import { OWNER_ALIASES_DIR } from "../src/sandbox/box-owner.ts";
import { eventually } from "../../../test/support/eventually.ts";
import { boxProcesses, bundle, createTestJudge, judgeOnce, sharedCacheDir, traversableTempDir } from "./judge-fixtures.ts";

/**
 * Issue 19, items 3 and 4: what a hostile submission can exhaust or leave behind. Real
 * submissions in a real sandbox; the host is checked after each.
 */
const MiB = 2 ** 20;
const sums = bundle([["1 2\n", "3\n"]]);
/** A uid only this file's stand-in workers use, so "no process of it" is checkable. */
const leftoverUid = 63000 + (process.pid % 1000);

/** Live (not zombie: this host's init never reaps) processes of `uid`. */
function liveProcessesOf(uid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      if (/^State:\s+Z/m.test(status)) continue;
      if (Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]) === uid) pids.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return pids;
}

/** `<mount>/<parent>` of each cgroup hierarchy a box lives in. */
function cgroupParents(parent: string): string[] {
  const dirs = new Set<string>();
  for (const line of readFileSync("/proc/self/mounts", "utf8").split("\n")) {
    const [, mountPoint, fsType, options = ""] = line.split(" ");
    if (mountPoint === undefined) continue;
    if (fsType === "cgroup2" || (fsType === "cgroup" && /(^|,)(memory|pids|cpuacct)(,|$)/.test(options))) dirs.add(join(mountPoint, parent));
  }
  return [...dirs];
}

/** The aliases process `pid` named its cgroups and directories with (their tokens are `<ns>.<pid>.<start>`). */
function aliasesOf(pid: number): string[] {
  return readdirSafe(OWNER_ALIASES_DIR).filter((alias) => readFileSync(join(OWNER_ALIASES_DIR, alias), "utf8").split(".")[1] === String(pid));
}

/** Whether a cgroup or directory name carries one of process `pid`'s aliases. */
function ownedBy(pid: number): (name: string) => boolean {
  const aliases = aliasesOf(pid);
  return (name) => aliases.some((alias) => name.includes(alias));
}

/** Cgroup instances whose name `owned` claims. */
function cgroupsOf(parent: string, owned: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const dir of cgroupParents(parent)) {
    for (const name of readdirSafe(dir)) if (owned(name)) found.push(join(dir, name));
  }
  return found;
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function mountsUnder(dir: string): string[] {
  return readFileSync("/proc/self/mounts", "utf8")
    .split("\n")
    .map((line) => line.split(" ")[1] ?? "")
    .filter((mountPoint) => mountPoint.startsWith(`${dir}/`));
}

function removeCgroupParents(parent: string): void {
  for (const dir of cgroupParents(parent)) {
    try {
      rmdirSync(dir);
    } catch {
      // not there, or the test failed with boxes left: leave it for the sweep
    }
  }
}

/** The token of a process that has exited: `<pid namespace>.<pid>.<start time>`, as the judge writes it. */
async function deadOwnerToken(): Promise<string> {
  const sleeper = spawn("/bin/sleep", ["1000"], { stdio: "ignore" });
  const stat = readFileSync(`/proc/${sleeper.pid}/stat`, "utf8");
  const start = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  const namespace = /\[(\d+)\]/.exec(readlinkSync("/proc/self/ns/pid"))?.[1];
  const exited = new Promise((resolve) => sleeper.once("exit", resolve));
  sleeper.kill("SIGKILL");
  await exited;
  return `${namespace}.${sleeper.pid}.${start}`;
}

function firstLine(stream: Readable, expected: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: stream });
    lines.on("line", (line) => {
      if (line === expected) resolve();
    });
    lines.on("close", () => reject(new Error(`stream ended before "${expected}"`)));
  });
}

describe("item 3: the artifact cache is bounded", () => {
  let cacheDir: string;
  let judge: Judge;
  beforeAll(async () => {
    cacheDir = await traversableTempDir("judge-cache-bound-");
    judge = await createTestJudge({ cacheDir, only: ["c"], artifactCacheBytes: 11 * MiB, maxArtifactBytes: 4 * MiB });
  });
  afterAll(async () => {
    await judge?.close();
    await rm(cacheDir, { recursive: true, force: true });
  });

  /** A correct a+b whose binary carries `mib` MiB of initialised data (a global, so it is not optimised away). */
  const big = (mib: number, tag: number) =>
    `#include <stdio.h>\nchar big[${mib}<<20] = {${tag}};\nint main(void){long a,b;scanf("%ld %ld",&a,&b);printf("%ld\\n",a+b+big[sizeof big-1]);return 0;}\n`;

  async function entries(): Promise<Array<{ name: string; bytes: number }>> {
    const kind = join(cacheDir, "artifacts", "c");
    const found: Array<{ name: string; bytes: number }> = [];
    for (const name of await readdir(kind).catch(() => [] as string[])) {
      let bytes = 0;
      for (const file of await readdir(join(kind, name))) bytes += (await stat(join(kind, name, file))).size;
      found.push({ name, bytes });
    }
    return found;
  }
  const total = async () => (await entries()).reduce((sum, e) => sum + e.bytes, 0);
  const cached = async (code: string) => (await entries()).some((e) => e.name.startsWith(sha256(code)));

  test("3 MiB programs: the cache stays under 11 MiB and evicts the least recently used", async () => {
    const programs = [1, 2, 3, 4].map((tag) => big(3, tag));
    for (const code of programs.slice(0, 3)) assert.equal((await judgeOnce(judge, "c", code, sums)).verdict, "AC");
    assert.ok(await cached(programs[0]!));
    // Used again: now the second is the least recently used.
    assert.equal((await judgeOnce(judge, "c", programs[0]!, sums)).verdict, "AC");
    assert.equal((await judgeOnce(judge, "c", programs[3]!, sums)).verdict, "AC");
    const bytes = await total();
    assert.ok(bytes <= 11 * MiB, `the cache holds ${(bytes / MiB).toFixed(1)} MiB`);
    assert.deepEqual(
      await Promise.all(programs.map(cached)),
      [true, false, true, true],
      "the least recently used program went, the others stay",
    );
  });

  test("a program bigger than the per-program bound is a CE, never cached", async () => {
    const code = big(6, 9);
    const outcome = await judgeOnce(judge, "c", code, sums);
    assert.equal(outcome.verdict, "CE", JSON.stringify(outcome));
    assert.match(outcome.compileOutput ?? "", /the compiled program is 6\.\d MiB, more than the 4\.0 MiB/);
    assert.equal(await cached(code), false);
    assert.ok((await total()) <= 11 * MiB);
  });
});

test("item 3: compile-time code (Template Haskell writing 1 GiB into /box) stops at the compile scratch's total size", async () => {
  const judge = await createTestJudge({ only: ["haskell"], compileScratchBytes: 128 * MiB });
  try {
    const code = `{-# LANGUAGE TemplateHaskell #-}
import Language.Haskell.TH
import Control.Exception (SomeException, try)
import qualified Data.ByteString as B

main :: IO ()
main = print $(do
  let chunk = B.replicate (1024 * 1024) 120
      go :: Int -> IO Int
      go n
        | n >= 1024 = return n
        | otherwise = do
            r <- try (B.writeFile ("/box/f" ++ show n) chunk) :: IO (Either SomeException ())
            either (const (return n)) (const (go (n + 1))) r
  n <- runIO (go 0)
  reportError ("compile-time code wrote " ++ show n ++ " MiB")
  litE (integerL 0))
`;
    const outcome = await judgeOnce(judge, "haskell", code, sums);
    assert.equal(outcome.verdict, "CE", JSON.stringify(outcome));
    const wrote = Number(/compile-time code wrote (\d+) MiB/.exec(outcome.compileOutput ?? "")?.[1]);
    assert.ok(wrote > 0 && wrote <= 128, `compile-time code wrote ${wrote} MiB: ${outcome.compileOutput}`);
    assert.deepEqual(boxProcesses(), []);
  } finally {
    await judge.close();
  }
});

describe("item 3: what a dead worker leaves is swept when the next one starts", () => {
  const cgroupParent = `judge-test-${randomUUID().slice(0, 8)}`;
  let workDir: string;
  let cacheDir: string;
  beforeAll(async () => {
    workDir = await traversableTempDir("judge-leftover-work-");
    cacheDir = await traversableTempDir("judge-leftover-cache-");
  });
  afterAll(async () => {
    removeCgroupParents(cgroupParent);
    for (const mount of mountsUnder(workDir)) spawn("/usr/bin/umount", ["-l", mount]);
    await rm(workDir, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  });
  const nextJudge = () => createTestJudge({ workDir, cacheDir, cgroupParent, sandboxUsers: { uid: leftoverUid, gid: leftoverUid, count: 1 }, only: ["c"] });

  test("a worker SIGKILLed mid-compile: its scratch, cgroups and processes are gone after the next start", async () => {
    const worker: ChildProcess = spawn(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "fixtures", "compiling-worker.ts"), workDir, cacheDir, String(leftoverUid), cgroupParent],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    const pid = worker.pid!;
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    try {
      await firstLine(worker.stdout!, "compiling");
      await eventually("the compile box to start", () => liveProcessesOf(leftoverUid).length > 0);
    } finally {
      worker.kill("SIGKILL");
      await exited;
    }
    // The fault is real: the dead worker's cgroups and scratch are still there. Its aliases are
    // read now: the next start forgets them once their leftovers are gone.
    const owned = ownedBy(pid);
    assert.ok(cgroupsOf(cgroupParent, owned).length > 0, "the killed worker left cgroups");
    assert.ok((await readdir(workDir)).some(owned), "the killed worker left compile scratch");

    const judge = await nextJudge();
    try {
      assert.deepEqual(cgroupsOf(cgroupParent, owned), [], "stale cgroups removed");
      assert.deepEqual((await readdir(workDir)).filter(owned), [], "stale scratch removed");
      assert.deepEqual(mountsUnder(workDir), [], "stale scratch mounts unmounted");
      assert.deepEqual(
        (await readdir(join(cacheDir, "artifacts", "tmp")).catch(() => [] as string[])).filter(owned),
        [],
        "stale half-built artifacts removed",
      );
      assert.deepEqual(liveProcessesOf(leftoverUid), [], "no process of the dead worker's boxes");
      // And the judge it started judges.
      const code = '#include <stdio.h>\nint main(void){long a,b;scanf("%ld %ld",&a,&b);printf("%ld\\n",a+b);return 0;}\n';
      assert.equal((await judgeOnce(judge, "c", code, sums)).verdict, "AC");
    } finally {
      await judge.close();
    }
  });

  test("a box orphaned in bwrap's start-up handshake (fake: the test kills the outer bwrap there, a window too short to hit by killing a worker) dies at the next start", async () => {
    const owner = await deadOwnerToken();
    // As the judge starts bwrap: the owner marker in its environment, info and block fds.
    const bwrap = spawn(
      "/usr/bin/bwrap",
      ["--info-fd", "3", "--userns-block-fd", "4", "--unshare-all", "--unshare-user", "--die-with-parent", "--ro-bind", "/usr", "/usr", "--", "/usr/bin/true"],
      { env: { JUDGE_BOX_OWNER: owner }, uid: leftoverUid, gid: leftoverUid, stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] },
    );
    const info = bwrap.stdio[3] as Readable;
    let text = "";
    const childPid = await new Promise<number>((resolve, reject) => {
      info.on("data", (chunk: Buffer) => {
        text += chunk.toString();
        const match = /"child-pid"\s*:\s*(\d+)/.exec(text);
        if (match?.[1] !== undefined) resolve(Number(match[1]));
      });
      info.once("end", () => reject(new Error(`bwrap ended: ${text}`)));
    });
    const exited = new Promise((resolve) => bwrap.once("exit", resolve));
    bwrap.kill("SIGKILL");
    await exited;
    // The clone child now waits for ever for a go-ahead that will never come.
    assert.deepEqual(liveProcessesOf(leftoverUid), [childPid]);

    const judge = await nextJudge();
    try {
      await eventually("the orphan to die", () => liveProcessesOf(leftoverUid).length === 0);
    } finally {
      await judge.close();
    }
  });
});

describe("item 4: output floods cost the box, not the worker", () => {
  let judge: Judge;
  beforeAll(async () => {
    judge = await createTestJudge({ only: ["c"], cacheDir: sharedCacheDir });
  });
  afterAll(async () => {
    await judge?.close();
  });

  /** sendfile()s `mib` MiB to stderr (the kernel copies, the worker would read it all), then answers right. */
  const stderrFlood = (mib: number) => `#include <fcntl.h>
#include <stdio.h>
#include <sys/sendfile.h>
#include <unistd.h>
static char block[1 << 20];
int main(void) {
  int fd = open("/tmp/block", O_RDWR | O_CREAT, 0600);
  write(fd, block, sizeof block);
  for (int i = 0; i < ${mib}; i++) { off_t at = 0; sendfile(2, fd, &at, sizeof block); }
  long a, b;
  if (scanf("%ld %ld", &a, &b) != 2) return 1;
  printf("%ld\\n", a + b);
  return 0;
}
`;

  test("a 512 MiB stderr flood ends as OLE, and a Run keeps at most the stderr it shows", async () => {
    const outcome = await judgeOnce(judge, "c", stderrFlood(512), sums);
    assert.equal(outcome.verdict, "OLE", JSON.stringify(outcome));
    const shown = await judge.run(
      { language: "c", code: stderrFlood(512), input: "1 2\n", limits: { timeMs: 10_000, memoryKb: 256 * 1024 } },
      { compiling: async () => {}, running: async () => {} },
    );
    assert.equal(shown.verdict, "OLE");
    assert.ok((shown.output?.stderr.length ?? 0) <= 64 * 1024);
    assert.equal(shown.output?.truncated, true);
  });

  test("a few MiB of debug output on stderr is still fine", async () => {
    assert.equal((await judgeOnce(judge, "c", stderrFlood(2), sums)).verdict, "AC");
  });
});
