import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import express from "express";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createLogger } from "@judge/config";
import { errorHandler } from "../src/http/error-handler.ts";
import { IdempotencyStore } from "../src/http/idempotency.ts";
import { eventually } from "../../../test/support/eventually.ts";
import { SHARED_REDIS, deleteKeys } from "../../../test/support/test-stack.ts";

/**
 * A request that reserved an Idempotency-Key and never answered (its process died, its
 * handler hangs) must not block the key for the answers' 24 h: the reservation expires after
 * IDEMPOTENCY_PENDING_SECONDS, then a retry is served. The store is mounted on a small app
 * whose handler never answers its first request: exactly a request that dies after reserving.
 */
describe("an Idempotency-Key reserved by a request that never answers", () => {
  const prefix = `test-${randomUUID()}`;
  const redis = new Redis(SHARED_REDIS);
  const store = new IdempotencyStore(redis, prefix, { answeredSeconds: 24 * 3600, pendingSeconds: 1 });
  let base = "";
  let close: () => Promise<void> = async () => {};
  let calls = 0;

  beforeAll(async () => {
    const app = express();
    app.use(express.json());
    app.post("/thing", store.middleware("things"), (_req, res) => {
      calls += 1;
      // The first request hangs for ever; its client gives up.
      if (calls === 1) return;
      res.status(201).json({ call: calls });
    });
    app.use(errorHandler(createLogger("idempotency-test", "silent")));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    };
  });
  afterAll(async () => {
    await close();
    redis.disconnect();
    await deleteKeys(SHARED_REDIS, prefix);
  });

  const post = (key: string, signal?: AbortSignal) =>
    fetch(`${base}/thing`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": key },
      body: JSON.stringify({ x: 1 }),
      ...(signal ? { signal } : {}),
    });

  test("blocks retries with 409 only until the short reservation expires; the answer is then kept for the full TTL", async () => {
    const key = randomUUID();
    const dying = new AbortController();
    const first = post(key, dying.signal).catch(() => "aborted");
    await eventually("the first request to reach its handler", () => calls === 1);

    const meanwhile = await post(key);
    assert.equal(meanwhile.status, 409, "while the first is (apparently) running, a retry waits");
    dying.abort();
    assert.equal(await first, "aborted");

    const served = await eventually("a retry to be served once the reservation expired", async () => {
      const res = await post(key);
      return res.status === 409 ? false : res;
    });
    assert.equal(served.status, 201);
    assert.deepEqual(await served.json(), { call: 2 });

    const replay = await post(key);
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get("idempotent-replayed"), "true");
    const keys = await redis.keys(`${prefix}:idempotency:things:*`);
    assert.equal(keys.length, 1);
    const ttl = await redis.ttl(keys[0] ?? "");
    assert.ok(ttl > 3600, `the stored answer keeps the full TTL (${ttl} s left)`);
  });
});
