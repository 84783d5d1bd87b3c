import assert from "node:assert/strict";
import { lstat, mkdir, readFile, readdir, rm, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, test } from "vitest";
import { createLogger } from "@judge/config";
import type { RunLimits, RunResult, Sandbox } from "../src/sandbox/sandbox.ts";
import { collectArtifacts } from "../src/judge/collect-artifacts.ts";
import { ScratchMounts } from "../src/judge/scratch-mounts.ts";
import { boxProcesses, createTestSandbox, isTestBoxUid, sandboxTestLimits, testUsers, traversableTempDir } from "./judge-fixtures.ts";

const MiB = 2 ** 20;
const limits = sandboxTestLimits;

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

function python(code: string, overrides: Partial<RunLimits> = {}, stdin = ""): Promise<RunResult> {
  return sandbox.run({
    argv: ["/usr/bin/python3", "-c", code],
    env: { PATH: "/usr/bin:/bin", HOME: "/box" },
    stdin,
    scratch: { kind: "tmpfs", bytes: 16 * MiB },
    binds: [],
    limits: { ...limits, ...overrides },
  });
}

test("runs as the unprivileged sandbox user, with stdin piped in", async () => {
  const result = await python("import os, sys\nprint(os.getuid(), os.getgid(), os.getgroups(), sys.stdin.read())", {}, "hello");
  assert.equal(result.outcome, "ok");
  const [uid, gid, ...rest] = result.stdout.toString().trim().split(" ");
  assert.ok(isTestBoxUid(Number(uid)), `uid ${uid}`);
  // uid and gid come from the same box: the same offset into their ranges.
  assert.equal(Number(gid) - testUsers.gid, Number(uid) - testUsers.uid);
  assert.deepEqual(rest, ["[]", "hello"]);
});

test("the environment holds only what the judge set: no worker secrets", async () => {
  process.env.WORKER_TOKEN = "top-secret-token";
  try {
    const result = await python("import os\nfor k, v in sorted(os.environ.items()): print(k + '=' + v)");
    const names = result.stdout.toString().trim().split("\n").map((line) => line.split("=")[0]);
    // PWD comes from the shell that execs the program; LC_CTYPE from Python's own locale coercion.
    assert.deepEqual(names.filter((n) => !["PWD", "LC_CTYPE"].includes(n!)), ["HOME", "PATH"]);
    assert.doesNotMatch(result.stdout.toString(), /top-secret|REDIS|DATABASE|TOKEN/);
  } finally {
    delete process.env.WORKER_TOKEN;
  }
});

test("no network: connecting to Redis on 127.0.0.1:6379 fails inside", async () => {
  const code = [
    "import socket",
    "s = socket.socket(); s.settimeout(3)",
    "try:\n    s.connect(('127.0.0.1', 6379)); print('connected')\nexcept OSError as e:\n    print('blocked', e.errno)",
    "print(sorted(n for _, n in socket.if_nameindex()))",
  ].join("\n");
  const result = await python(code);
  assert.match(result.stdout.toString(), /^blocked/);
  assert.match(result.stdout.toString(), /\['lo'\]/);
});

test("worker files are invisible and nothing outside /box and /tmp is writable", async () => {
  const code = [
    "import os",
    "for p in ['/work', '/root', '/etc/passwd', '/etc/shadow', '/home', '/var', '/sys/fs/cgroup', '/run']:",
    "    print(p, os.path.exists(p))",
    "for p in ['/usr/evil', '/evil', '/etc/evil', '/proc/evil', '/box/ok', '/tmp/ok']:",
    "    try:\n        open(p, 'w').write('x'); print(p, 'written')\n    except OSError:\n        print(p, 'refused')",
    "print('procs', sorted(int(p) for p in os.listdir('/proc') if p.isdigit()))",
  ].join("\n");
  const out = (await python(code)).stdout.toString();
  for (const p of ["/work", "/root", "/etc/passwd", "/etc/shadow", "/home", "/var", "/sys/fs/cgroup", "/run"]) {
    assert.match(out, new RegExp(`^${p} False$`, "m"));
  }
  for (const p of ["/usr/evil", "/evil", "/etc/evil", "/proc/evil"]) assert.match(out, new RegExp(`^${p} refused$`, "m"));
  assert.match(out, /^\/box\/ok written$/m);
  assert.match(out, /^\/tmp\/ok written$/m);
  // Its own PID namespace: bwrap's init, the program, nothing of the host.
  const procs = JSON.parse(/^procs (.*)$/m.exec(out)![1]!) as number[];
  assert.ok(procs.length <= 3 && procs.includes(1), out);
});

test("fork bomb: contained by the pids limit, and nothing survives the run", async () => {
  const result = await python("import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass", { cpuMs: 1000, wallMs: 3000, pids: 32 });
  assert.equal(result.outcome, "time-limit");
  assert.deepEqual(boxProcesses(), []);
  const next = await python("print('still fine')");
  assert.equal(next.stdout.toString(), "still fine\n");
});

test("CPU time counts the whole tree: two busy processes hit the limit in about half the wall time", async () => {
  const result = await python("import os\nos.fork()\nwhile True: pass", { cpuMs: 1000, wallMs: 20_000 });
  assert.equal(result.outcome, "time-limit");
  assert.ok(result.cpuMs >= 1000, `cpu ${result.cpuMs}`);
  assert.deepEqual(boxProcesses(), []);
});

test("output flood: killed at the limit with output-limit", async () => {
  const result = await python("import sys\nwhile True: sys.stdout.write('y' * 65536)", { stdoutBytes: 1 * MiB });
  assert.equal(result.outcome, "output-limit");
  assert.equal(result.stdout.length, 1 * MiB);
});

test("a file bigger than RLIMIT_FSIZE is an output-limit, not a full disk", async () => {
  // head takes SIGXFSZ's default action; Python ignores the signal and raises instead (RE).
  const result = await sandbox.run({
    argv: ["/bin/sh", "-c", "head -c 8000000 /dev/zero > /box/big"],
    env: {},
    stdin: "",
    scratch: { kind: "tmpfs", bytes: 16 * MiB },
    binds: [],
    limits: { ...limits, fileBytes: 1 * MiB },
  });
  assert.equal(result.outcome, "output-limit");
  const py = await python("open('/box/big', 'wb').write(b'z' * (8 << 20))", { fileBytes: 1 * MiB });
  assert.match(py.stderr.toString(), /File too large/);
});

test("memory: the cgroup kills at the limit and reports the peak", async () => {
  const result = await python("x = bytearray(b'x') * (256 << 20)", { memoryBytes: 64 * MiB });
  assert.equal(result.outcome, "memory-limit");
  assert.ok(result.memoryKb <= 64 * 1024 && result.memoryKb > 32 * 1024, `peak ${result.memoryKb}`);
});

test("scratch cleanup removes planted symlinks, never their targets", async () => {
  const outside = await traversableTempDir("judge-outside-");
  const precious = join(outside, "precious.txt");
  await writeFile(precious, "keep me");
  const mounts = await ScratchMounts.create({ workDir: outside, bytes: 4 * MiB, slots: 1, logger: createLogger("scratch-test", "warn") });
  try {
    const path = await (async () => {
      await using scratch = await mounts.acquire(testUsers.uid, testUsers.gid, { "main.cpp": "int main(){}" });
      await symlink(precious, join(scratch.path, "main"));
      await symlink(outside, join(scratch.path, "dir-link"));
      await mkdir(join(scratch.path, "sub"));
      await symlink(precious, join(scratch.path, "sub", "deep-link"));
      // A symlink named like the artifact is not copied out: the worker never reads through it.
      const dest = join(outside, "artifact");
      assert.deepEqual(await collectArtifacts(scratch.path, dest, (name) => name === "main", MiB), { ok: true, files: [], bytes: 0 });
      return scratch.path;
    })();
    // Given back empty: the next compile finds nothing of this one.
    assert.deepEqual(await readdir(path), []);
    assert.equal(await readFile(precious, "utf8"), "keep me");
  } finally {
    await mounts.close();
  }
  await assert.rejects(lstat(mounts.dir), { code: "ENOENT" });
  assert.equal(await readFile(precious, "utf8"), "keep me");
  await rm(outside, { recursive: true, force: true });
});

test("a box whose uid is taken runs as another: concurrent boxes never share a host uid", async () => {
  await using held = await sandbox.claimUser();
  const inHeld = await sandbox.run({
    argv: ["/usr/bin/python3", "-c", "import os; print(os.getuid(), os.getgid())"],
    env: {},
    stdin: "",
    scratch: { kind: "tmpfs", bytes: MiB },
    binds: [],
    limits,
    user: held,
  });
  assert.equal(inHeld.stdout.toString(), `${held.uid} ${held.gid}\n`);
  // While `held` is claimed (as by a box still running), every other run gets a uid of its own.
  const others = await Promise.all([1, 2, 3].map(() => python("import os; print(os.getuid())")));
  for (const other of others) {
    const uid = Number(other.stdout.toString());
    assert.ok(isTestBoxUid(uid) && uid !== held.uid, `uid ${uid}, held ${held.uid}`);
  }
  assert.equal(new Set(others.map((o) => o.stdout.toString())).size, 3, "three concurrent runs, three uids");
});

test("files a program writes in a host scratch belong to its box uid on the host, never to root", async () => {
  const parent = await traversableTempDir("judge-owner-");
  await using _parentRemoved = { [Symbol.asyncDispose]: () => rm(parent, { recursive: true, force: true }) };
  const mounts = await ScratchMounts.create({ workDir: parent, bytes: 4 * MiB, slots: 1, logger: createLogger("scratch-test", "warn") });
  await using _mountsClosed = { [Symbol.asyncDispose]: () => mounts.close() };
  await using user = await sandbox.claimUser();
  await using scratch = await mounts.acquire(user.uid, user.gid, {});
  const result = await sandbox.run({
    argv: ["/bin/sh", "-c", "echo made > /box/out && mkdir /box/dir && id -u"],
    env: { PATH: "/usr/bin:/bin" },
    stdin: "",
    scratch: { kind: "host", dir: scratch.path },
    binds: [],
    limits,
    user,
  });
  assert.equal(result.stdout.toString(), `${user.uid}\n`);
  for (const name of ["out", "dir"]) {
    const owner = await stat(join(scratch.path, name));
    assert.equal(owner.uid, user.uid, name);
    assert.equal(owner.gid, user.gid, name);
  }
});
