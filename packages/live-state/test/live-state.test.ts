import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, it } from "vitest";
import { Redis } from "ioredis";
import { queuedView, type Step, type SubmissionView } from "@judge/protocol";
import { LiveState } from "../src/index.ts";

const verdict: Step = {
  kind: "verdict",
  verdict: "AC",
  passed: 1,
  total: 1,
  timeMs: 1,
  memoryKb: 1,
  compileOutput: null,
  judgedAt: new Date(0).toISOString(),
};

function view(id: string): SubmissionView {
  return queuedView({ id, problem: "a-plus-b", language: "python", createdAt: new Date(0).toISOString() });
}

describe("live state on real Redis", () => {
  const prefix = `test-${randomUUID()}`;
  let redis: Redis;
  let live: LiveState;
  beforeAll(() => {
    redis = new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379");
    live = new LiveState(redis, prefix);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it("numbers steps, takes one verdict and nothing after it, until a rejudge reopens it", async () => {
    const id = randomUUID();
    await live.create(view(id), "owner-1");
    assert.equal(await live.append(id, { kind: "status", status: "compiling" }, view(id)), 1);
    assert.equal(await live.append(id, verdict, { ...view(id), status: "done", verdict: "AC" }), 2);
    assert.equal(await live.append(id, verdict, view(id)), 0, "a second verdict is dropped");
    assert.equal(await live.append(id, { kind: "status", status: "running", test: 1, total: 1 }, view(id)), 0);
    assert.equal((await live.snapshot(id))?.view.verdict, "AC", "the dropped steps changed nothing");

    assert.equal(await live.reopen(id, { kind: "status", status: "queued" }, view(id)), 3, "a rejudge reopens it");
    assert.equal((await live.snapshot(id))?.view.status, "queued");
    assert.equal(await live.append(id, verdict, { ...view(id), status: "done", verdict: "WA" }), 4);
    assert.equal(await live.append(id, verdict, view(id)), 0, "and takes one verdict again");
    const log = await live.eventsBetween(id, 0, 4);
    assert.deepEqual(log.map((m) => (JSON.parse(m) as { seq: number }).seq), [1, 2, 3, 4]);
  });
});
