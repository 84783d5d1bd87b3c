import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createPrisma, type PrismaClient } from "@judge/db";
import { npmStartFixture, type NpmStartRun } from "../support/npm-start.ts";
import { registerUser, submit } from "../support/test-stack.ts";
import { WsTestClient } from "../support/ws-client.ts";
import { code, follow, storedRow } from "./fault-support.ts";

type Fixture = Awaited<ReturnType<typeof npmStartFixture>>;

/**
 * One worker judging two at a time; a dead worker's job back in seconds; the reconciler
 * looking every second at rows older than a second (production: 30 s each).
 */
const ENV = {
  WORKER_CONCURRENCY: "2",
  JOB_LOCK_MS: "2000",
  STALLED_CHECK_MS: "1000",
  RECONCILE_INTERVAL_MS: "1000",
  RECONCILE_GRACE_MS: "1000",
};

/**
 * `npm start` stopped (SIGTERM, as Ctrl-C) with submissions running and queued, and started
 * again on the same data directory: every one ends with exactly one verdict. Once with the
 * embedded Redis's append-only file kept, once with it gone (a Redis that comes back empty,
 * as a compose or Kubernetes Redis without persistence does): the database is the source of
 * truth and the API's reconciler enqueues what Redis lost.
 */
describe("faults: npm start restarted with submissions in flight", () => {
  let fixture: Fixture;
  let run: NpmStartRun;
  let prisma: PrismaClient;
  let token: string;

  beforeAll(async () => {
    fixture = await npmStartFixture();
    run = await fixture.start(ENV);
    prisma = createPrisma(fixture.databaseUrl);
    ({ token } = await registerUser(run.url));
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await fixture?.cleanup();
  });

  /**
   * Two submissions being judged (slow) and three waiting behind them, then SIGTERM. Returns
   * them all, and those still unfinished once npm start has stopped.
   */
  async function stopWithSubmissionsInFlight(): Promise<{ all: string[]; unfinished: string[] }> {
    const client = await WsTestClient.connect(`${run.url.replace("http", "ws")}/ws`, token);
    try {
      const running = [await submit(run.url, token, "python", code.pythonSlowFirst), await submit(run.url, token, "python", code.pythonSlowFirst)];
      const queued = [];
      for (let i = 0; i < 3; i++) queued.push(await submit(run.url, token, "python", code.python));
      for (const id of running) await follow(client, id);
      for (const id of running) await client.running(id, 60_000);
      run.child.kill("SIGTERM");
      assert.equal(await run.exited, 0, run.output.tail());
      const all = [...running, ...queued];
      const unfinished = await prisma.submission.findMany({ where: { id: { in: all }, status: { not: "done" } }, select: { id: true } });
      assert.ok(unfinished.length > 0, "some submission was still unfinished when npm start stopped");
      return { all, unfinished: unfinished.map((r) => r.id) };
    } finally {
      client.close();
    }
  }

  /**
   * Each ends `done` with AC, its tests stored once; a subscriber after the restart sees one
   * verdict of each that was unfinished at the stop (its live state is there again).
   */
  async function assertOneVerdictEach({ all, unfinished }: { all: string[]; unfinished: string[] }): Promise<void> {
    const client = await WsTestClient.connect(`${run.url.replace("http", "ws")}/ws`, token);
    try {
      for (const id of all) {
        const row = await storedRow(prisma, id, 120_000);
        assert.equal(row.verdict, "AC", run.output.tail());
        assert.equal(row.tests, row.total, "each test's result stored once");
        assert.equal(row.judging, 1, "not rejudged");
      }
      for (const id of unfinished) {
        await follow(client, id);
        const verdicts = client.of(id).filter((m) => m.type === "event" && m.kind === "verdict").length;
        const snapshotDone = client.of(id).some((m) => m.type === "snapshot" && m.submission.status === "done");
        assert.ok(snapshotDone || verdicts === 1, `one verdict for ${id}: ${JSON.stringify(client.of(id))}`);
      }
    } finally {
      client.close();
    }
  }

  it("stopped and started again (Redis's append-only file kept): every submission ends with one verdict", async () => {
    const submitted = await stopWithSubmissionsInFlight();
    run = await fixture.start(ENV);
    await assertOneVerdictEach(submitted);
  });

  it("stopped, Redis's data lost, started again: the reconciler re-enqueues, every submission ends with one verdict", async () => {
    const submitted = await stopWithSubmissionsInFlight();
    rmSync(join(fixture.dataDir, "redis"), { recursive: true, force: true });
    run = await fixture.start(ENV);
    await assertOneVerdictEach(submitted);
    assert.ok(run.output.count(["re-enqueued submissions whose judge job was gone"]) >= 1, run.output.tail());
  });
});
