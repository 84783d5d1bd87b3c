import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createPrisma, type PrismaClient } from "@judge/db";
import { registerUser, startTestStack, submit, type TestStack } from "../support/test-stack.ts";
import { checkStream } from "../support/event-stream.ts";
import { WsTestClient } from "../support/ws-client.ts";
import { code, follow, storedRow } from "./fault-support.ts";

describe("faults: SIGTERM drains each service and exits 0", () => {
  let stack: TestStack;
  let prisma: PrismaClient;

  beforeAll(async () => {
    stack = await startTestStack({ workers: 1, workerConcurrency: 2 });
    prisma = createPrisma(stack.databaseUrl);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await stack?.teardown();
  });

  it("a worker mid-job finishes the job before it exits", async () => {
    const { token } = await registerUser(stack.apiUrl);
    const client = await WsTestClient.connect(stack.notifierUrl, token);
    try {
      const id = await submit(stack.apiUrl, token, "python", code.pythonSlowFirst);
      await follow(client, id);
      await client.running(id);
      // The only worker: a verdict can come from nobody else (its lock would hold for 30 s).
      const worker = stack.workers[0]!;
      assert.equal(await worker.stop(60_000), 0);
      await client.verdict(id, 5_000);
      assert.equal(checkStream(client.of(id), { final: true }).view.verdict, "AC");
      assert.equal((await storedRow(prisma, id)).verdict, "AC");
    } finally {
      client.close();
    }
  });

  it("the notifier closes its sockets with 1001 and exits 0", async () => {
    const { token } = await registerUser(stack.apiUrl);
    const client = await WsTestClient.connect(stack.notifierUrl, token);
    assert.equal(await stack.notifier.stop(), 0);
    assert.equal(await client.closed(), 1001);
  });

  it("the API exits 0", async () => {
    const { token } = await registerUser(stack.apiUrl);
    const res = await fetch(`${stack.apiUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    assert.equal(await stack.api.stop(), 0);
  });
});
