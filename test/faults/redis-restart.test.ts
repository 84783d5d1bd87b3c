import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createPrisma, type PrismaClient } from "@judge/db";
import { freePort } from "../../scripts/stack/free-port.ts";
import { startRedisServer, type OwnRedis } from "../../scripts/stack/redis-server.ts";
import { api, registerUser, startTestStack, submit, type TestStack } from "../support/test-stack.ts";
import { checkStream } from "../support/event-stream.ts";
import { eventually } from "../support/eventually.ts";
import { WsTestClient } from "../support/ws-client.ts";
import { LogWatch, code, follow, storedRow } from "./fault-support.ts";

/** Redis with an append-only file, so a restart keeps the queues (as a production Redis must). */
const durable = ["--appendonly", "yes", "--appendfsync", "always"];

describe("faults: Redis restarted", () => {
  let redis: OwnRedis;
  let port: number;
  const dir = join(tmpdir(), `judge-faults-redis-${randomUUID()}`);
  let stack: TestStack;
  let prisma: PrismaClient;
  const logs = new LogWatch();

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedisServer(port, dir, durable);
    stack = await startTestStack({
      redisUrl: redis.url,
      workers: 1,
      workerConcurrency: 2,
      onLine: logs.onLine,
      extraEnv: { JOB_LOCK_MS: "3000", STALLED_CHECK_MS: "1500" },
    });
    prisma = createPrisma(stack.databaseUrl);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await stack?.teardown();
    await redis?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("every service reconnects; submissions from before, during and after all end with one verdict; 503 while down", async () => {
    const { token } = await registerUser(stack.apiUrl);
    const client = await WsTestClient.connect(stack.notifierUrl, token);
    try {
      const before = await submit(stack.apiUrl, token, "python", code.python);
      await follow(client, before);
      await client.verdict(before);

      // A submission in the judge's hands when Redis goes away.
      const during = await submit(stack.apiUrl, token, "python", code.pythonSlowFirst);
      await follow(client, during);
      await client.running(during);
      await redis.close();

      const started = Date.now();
      const refused = await api<{ error: { code: string; message: string } }>(stack.apiUrl, "/api/submissions", {
        token,
        body: { problem: "a-plus-b", language: "python", code: code.python },
      });
      assert.equal(refused.status, 503, `${JSON.stringify(refused.body)}\n${logs.lines.filter((l) => l.startsWith("api") && l.includes("error")).slice(-3).join("\n")}`);
      assert.equal(refused.body.error.code, "UNAVAILABLE");
      assert.ok(refused.body.error.message.length > 0);
      assert.ok(Date.now() - started < 15_000, "answered, not hung");

      redis = await startRedisServer(port, dir, durable);
      await client.verdict(during, 60_000);
      const seen = checkStream(client.of(during), { final: true });
      assert.equal(seen.view.verdict, "AC");

      // The API takes submissions again once its connection is back (it reconnects by itself).
      const afterId = await eventually(
        "the API to reconnect to Redis and take a submission",
        async () => {
          const res = await api<{ id: string }>(stack.apiUrl, "/api/submissions", { token, body: { problem: "a-plus-b", language: "python", code: code.python } });
          if (res.status === 202) return res.body.id;
          assert.equal(res.status, 503, JSON.stringify(res.body));
          return undefined;
        },
        { intervalMs: 200 },
      );
      await follow(client, afterId);
      await client.verdict(afterId, 60_000);
      assert.equal(checkStream(client.of(afterId), { final: true }).view.verdict, "AC");

      for (const id of [before, during, afterId]) assert.equal((await storedRow(prisma, id)).verdict, "AC", logs.tail());
    } finally {
      client.close();
    }
  });
});
