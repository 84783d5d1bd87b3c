import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createPrisma, type PrismaClient } from "@judge/db";
import { freePort } from "../../scripts/stack/free-port.ts";
import { startRedisServer, type OwnRedis } from "../../scripts/stack/redis-server.ts";
import { registerUser, startTestStack, submit, type TestStack } from "../support/test-stack.ts";
import { WsTestClient } from "../support/ws-client.ts";
import { LogWatch, code, follow, storedRow } from "./fault-support.ts";

/**
 * Redis without persistence (what a compose or Kubernetes Redis without a volume is) killed
 * and restarted empty, with one submission being judged and one waiting: both end with one
 * verdict, because the database is the source of truth and the API's reconciler enqueues
 * what Redis lost.
 */
describe("faults: Redis restarted empty", () => {
  let redis: OwnRedis;
  let port: number;
  const dir = join(tmpdir(), `judge-faults-redis-lost-${randomUUID()}`);
  let stack: TestStack;
  let prisma: PrismaClient;
  const logs = new LogWatch();

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedisServer(port, dir);
    stack = await startTestStack({
      redisUrl: redis.url,
      workers: 1,
      workerConcurrency: 1,
      onLine: logs.onLine,
      extraEnv: { JOB_LOCK_MS: "3000", STALLED_CHECK_MS: "1500", RECONCILE_INTERVAL_MS: "1000", RECONCILE_GRACE_MS: "1000" },
    });
    prisma = createPrisma(stack.databaseUrl);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await stack?.teardown();
    await redis?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("a submission being judged and one waiting both end with one verdict", async () => {
    const { token } = await registerUser(stack.apiUrl);
    const client = await WsTestClient.connect(stack.notifierUrl, token);
    let ids: string[];
    try {
      const during = await submit(stack.apiUrl, token, "python", code.pythonSlowFirst);
      const pending = await submit(stack.apiUrl, token, "python", code.python);
      await follow(client, during);
      await client.running(during);
      ids = [during, pending];
      await redis.close();
      redis = await startRedisServer(port, dir);
    } finally {
      client.close();
    }

    for (const id of ids) {
      const row = await storedRow(prisma, id, 120_000);
      assert.equal(row.verdict, "AC", logs.tail());
      assert.equal(row.tests, row.total, "each test's result stored once");
      assert.equal(row.judging, 1);
    }
    assert.ok(logs.count(["re-enqueued submissions whose judge job was gone"]) >= 1, logs.tail());

    // A subscriber now gets the live state the reconciler made again, with one verdict.
    const after = await WsTestClient.connect(stack.notifierUrl, token);
    try {
      for (const id of ids) {
        await follow(after, id);
        const verdicts = after.of(id).filter((m) => m.type === "event" && m.kind === "verdict").length;
        const snapshotDone = after.of(id).some((m) => m.type === "snapshot" && m.submission.status === "done");
        assert.ok(snapshotDone || verdicts === 1, `one verdict for ${id}: ${JSON.stringify(after.of(id))}`);
      }
    } finally {
      after.close();
    }
  });
});
