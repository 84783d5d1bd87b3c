import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createDatabase, createPrisma, dropDatabase, type PrismaClient } from "@judge/db";
import { freePort } from "../../scripts/stack/free-port.ts";
import { ADMIN_DATABASE_URL, api, registerUser, startTestStack, submit, type TestStack } from "../support/test-stack.ts";
import { checkStream } from "../support/event-stream.ts";
import { eventually } from "../support/eventually.ts";
import { WsTestClient } from "../support/ws-client.ts";
import { LogWatch, code, follow, storedRow } from "./fault-support.ts";
import { TcpCut } from "./tcp-cut.ts";

describe("faults: PostgreSQL unreachable", () => {
  const dbName = `judge_faults_${randomUUID().replace(/-/g, "")}`;
  let directUrl: string;
  let proxy: TcpCut;
  let stack: TestStack;
  let prisma: PrismaClient;
  const logs = new LogWatch();

  beforeAll(async () => {
    directUrl = await createDatabase(ADMIN_DATABASE_URL, dbName);
    const target = new URL(directUrl);
    proxy = new TcpCut(await freePort(), { host: target.hostname, port: Number(target.port || 5432) });
    await proxy.open();
    const viaProxy = new URL(directUrl);
    viaProxy.port = String(proxy.port);
    stack = await startTestStack({ databaseUrl: viaProxy.toString(), onLine: logs.onLine, workers: 1, workerConcurrency: 2 });
    prisma = createPrisma(directUrl);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await stack?.teardown();
    await proxy?.cut();
    await dropDatabase(ADMIN_DATABASE_URL, dbName);
  });

  it("the API answers 503 while it is away, recovers, and a result that arrived meanwhile is stored after", async () => {
    const { token } = await registerUser(stack.apiUrl);
    const client = await WsTestClient.connect(stack.notifierUrl, token);
    try {
      // The worker caches the test data first: judging itself needs no database.
      const warm = await submit(stack.apiUrl, token, "python", code.python);
      await follow(client, warm);
      await client.verdict(warm);

      const id = await submit(stack.apiUrl, token, "python", code.pythonSlowFirst);
      await follow(client, id);
      await client.running(id);
      const failedToStore = logs.next([id, "storing a result failed"]);
      await proxy.cut();

      for (const [path, body] of [[`/api/submissions/${id}`, undefined], ["/api/submissions", { problem: "a-plus-b", language: "python", code: code.python }]] as const) {
        const started = Date.now();
        const res = await api<{ error: { code: string } }>(stack.apiUrl, path, { token, body });
        assert.equal(res.status, 503, `${path}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.error.code, "UNAVAILABLE");
        assert.ok(Date.now() - started < 15_000, "answered, not hung");
      }

      // The verdict still reaches the subscriber; the database write waits in the results queue.
      await client.verdict(id, 60_000);
      assert.equal(checkStream(client.of(id), { final: true }).view.verdict, "AC");
      await failedToStore;
      assert.equal((await prisma.submission.findUniqueOrThrow({ where: { id } })).status, "queued", "not stored while the database is away");

      await proxy.open();
      assert.equal((await storedRow(prisma, id, 90_000)).verdict, "AC", logs.tail());
      await eventually(
        "the API to recover once PostgreSQL is back",
        async () => {
          const res = await api(stack.apiUrl, `/api/submissions/${id}`, { token });
          if (res.status === 200) return true;
          assert.equal(res.status, 503);
          return undefined;
        },
        { intervalMs: 200 },
      );
      const after = await submit(stack.apiUrl, token, "python", code.python);
      await follow(client, after);
      await client.verdict(after);
      assert.equal((await storedRow(prisma, after)).verdict, "AC");
    } finally {
      client.close();
    }
  });
});
