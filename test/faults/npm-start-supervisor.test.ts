import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createPrisma, type PrismaClient } from "@judge/db";
import { processStartTime } from "../../scripts/stack/child-registry.ts";
import { eventually } from "../support/eventually.ts";
import { npmStartFixture, spawnNpmStart, type NpmStartRun } from "../support/npm-start.ts";
import { api, registerUser, submit } from "../support/test-stack.ts";
import { WsTestClient } from "../support/ws-client.ts";
import { code, follow, storedRow } from "./fault-support.ts";

type Fixture = Awaited<ReturnType<typeof npmStartFixture>>;

/** A dead worker's job is back in seconds, not BullMQ's default 30 s: npm start passes its environment on. */
const FAST_STALL = { JOB_LOCK_MS: "2000", STALLED_CHECK_MS: "1000" };

/** The supervisor's record of its children: name → pid (scripts/stack/child-registry.ts). */
function childPids(dataDir: string): Map<string, number> {
  const { children } = JSON.parse(readFileSync(join(dataDir, "children.json"), "utf8")) as { children: { name: string; pid: number }[] };
  return new Map(children.map((c) => [c.name, c.pid]));
}

const alive = (pid: number) => processStartTime(pid) !== null;

/**
 * `npm start` as a supervisor, on real processes: each child killed with SIGKILL is back and
 * the submission made before the kill ends with exactly one verdict; the supervisor killed
 * leaves no child behind and the next start works; a second start on the same data directory
 * is refused; SIGTERM stops all of it and exits 0.
 */
describe("faults: npm start supervises its children", () => {
  let fixture: Fixture;
  let run: NpmStartRun;
  let prisma: PrismaClient;
  let token: string;

  beforeAll(async () => {
    fixture = await npmStartFixture();
    run = await fixture.start(FAST_STALL);
    prisma = createPrisma(fixture.databaseUrl);
    ({ token } = await registerUser(run.url));
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await fixture?.cleanup();
  });

  async function assertOneVerdict(id: string): Promise<void> {
    const row = await storedRow(prisma, id, 120_000);
    assert.equal(row.verdict, "AC", run.output.tail());
    assert.equal(row.tests, row.total, "each test's result stored once");
  }

  /** Kills `name` with SIGKILL; resolves once the supervisor says it is back, with the new pid. */
  async function killAndAwaitRestart(name: string): Promise<number> {
    const victim = childPids(fixture.dataDir).get(name);
    assert.ok(victim, `${name} is in the pid file`);
    const exitLine = run.output.next([`${name} exited (signal SIGKILL)`], 60_000);
    const restartLine = run.output.next([`${name} restarted (pid`], 120_000);
    process.kill(victim, "SIGKILL");
    await exitLine;
    const pid = Number(/\(pid (\d+)\)/.exec(await restartLine)?.[1]);
    assert.notEqual(pid, victim);
    assert.ok(alive(pid));
    assert.equal(childPids(fixture.dataDir).get(name), pid, "the pid file follows the restart");
    return pid;
  }

  it("a second npm start on the same data directory exits non-zero and says why", async () => {
    const second = spawnNpmStart({ dataDir: fixture.dataDir, databaseUrl: fixture.databaseUrl, port: fixture.port + 1 });
    assert.equal(await second.exited, 1);
    assert.ok(second.output.count([`another npm start (pid ${run.pid}) is already running`]) === 1, second.output.tail());
    assert.equal((await api(run.url, "/api/health")).status, 200, "the first one is untouched");
  });

  it("the API killed with SIGKILL is restarted; a submission made before finishes with one verdict", async () => {
    const id = await submit(run.url, token, "python", code.python);
    await killAndAwaitRestart("api");
    await eventually("the API answers through the gateway", async () => (await api(run.url, "/api/health").catch(() => null))?.status === 200);
    await assertOneVerdict(id);
  });

  it("the notifier killed with SIGKILL is restarted and accepts sockets; a submission made before finishes", async () => {
    const id = await submit(run.url, token, "python", code.python);
    await killAndAwaitRestart("notifier");
    const client = await WsTestClient.connect(`${run.url.replace("http", "ws")}/ws`, token);
    try {
      await follow(client, id);
    } finally {
      client.close();
    }
    await assertOneVerdict(id);
  });

  it("a worker killed with SIGKILL mid-judging is restarted and judges the submission once", async () => {
    const client = await WsTestClient.connect(`${run.url.replace("http", "ws")}/ws`, token);
    try {
      const id = await submit(run.url, token, "python", code.pythonSlowFirst);
      await follow(client, id);
      await client.running(id, 60_000);
      await killAndAwaitRestart("worker-1");
      await assertOneVerdict(id);
    } finally {
      client.close();
    }
  });

  it("the embedded redis-server killed with SIGKILL is restarted; a submission made before finishes", async () => {
    const id = await submit(run.url, token, "python", code.python);
    const stacks = () => run.output.count(["    at "]);
    const before = stacks();
    await killAndAwaitRestart("redis");
    await assertOneVerdict(id);
    // The outage is a log line per connection, not a stack trace per retry.
    assert.equal(stacks(), before, run.output.tail(60));
    // And the stack works on the new Redis: a fresh submission too.
    await assertOneVerdict(await submit(run.url, token, "python", code.python));
  });

  it("the supervisor killed with SIGKILL leaves no child alive, and the next start works", async () => {
    const children = [...childPids(fixture.dataDir).values()];
    assert.ok(children.length >= 4, `api, notifier, worker, redis: ${children.join(", ")}`);
    process.kill(run.pid, "SIGKILL");
    assert.equal(await run.exited, "SIGKILL");
    await eventually(`no child of the killed supervisor alive (${children.join(", ")})`, () => children.every((pid) => !alive(pid)), {
      timeoutMs: 60_000,
      intervalMs: 50,
    });
    run = await fixture.start(FAST_STALL);
    assert.equal((await api(run.url, "/api/health")).status, 200);
    await assertOneVerdict(await submit(run.url, token, "python", code.python));
  });

  it("at start, a child an earlier run left alive is stopped, and a pid since reused by another process is left alone", async () => {
    run.child.kill("SIGTERM");
    assert.equal(await run.exited, 0, run.output.tail());
    // What a supervisor killed on a system without PR_SET_PDEATHSIG could leave: a child still
    // running, in the pid file; and an entry whose pid now belongs to another process.
    const leftover = spawn("sleep", ["600"], { stdio: "ignore" });
    const bystander = spawn("sleep", ["600"], { stdio: "ignore" });
    const leftoverEnd = new Promise((resolve) => leftover.once("exit", (_code, signal) => resolve(signal)));
    try {
      await eventually("both stand-ins running", () => alive(leftover.pid!) && alive(bystander.pid!));
      const children = [
        { name: "worker-1", pid: leftover.pid, startTime: processStartTime(leftover.pid!) },
        { name: "api", pid: bystander.pid, startTime: "1" },
      ];
      writeFileSync(join(fixture.dataDir, "children.json"), JSON.stringify({ supervisor: 1, children }));
      run = await fixture.start(FAST_STALL);
      assert.equal(await leftoverEnd, "SIGKILL");
      assert.equal(run.output.count([`left running when it was killed: worker-1 (pid ${leftover.pid})`]), 1, run.output.tail());
      assert.ok(alive(bystander.pid!), "a process that only shares a recorded pid is not touched");
    } finally {
      leftover.kill("SIGKILL");
      bystander.kill("SIGKILL");
    }
  });

  it("SIGTERM stops every child and exits 0", async () => {
    const children = [...childPids(fixture.dataDir).values()];
    run.child.kill("SIGTERM");
    assert.equal(await run.exited, 0, run.output.tail());
    assert.deepEqual(children.filter(alive), [], "no child outlives a clean stop");
  });
});
