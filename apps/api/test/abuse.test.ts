import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, test } from "vitest";
import { Queue } from "bullmq";
import { jobPriority, queueNames } from "@judge/protocol";
import { SHARED_REDIS } from "../../../test/support/test-stack.ts";
import { api, registerUser, startApiHarness, type ApiHarness } from "./support/api-harness.ts";

const submission = (code = "print(1)") => ({ problem: "a-plus-b", language: "python", code });
type Err = { error: { code: string } };

function retryAfter(headers: Headers): number {
  const value = Number(headers.get("retry-after"));
  assert.ok(Number.isInteger(value) && value >= 1 && value <= 60, `Retry-After: ${headers.get("retry-after")}`);
  return value;
}

describe("per-user rate limit, idempotent retries, fair priorities", () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness({ RATE_LIMIT_SUBMITS_PER_MINUTE: "3" });
    await h.offerLanguages();
  });
  afterAll(() => h?.close());

  test("a retried POST with the same Idempotency-Key returns the same submission and judges once", async () => {
    const user = await registerUser(h.base);
    const key = randomUUID();
    const first = await api<{ id: string }>(h.base, "/api/submissions", { token: user.token, body: submission(), headers: { "idempotency-key": key } });
    const retry = await api<{ id: string }>(h.base, "/api/submissions", { token: user.token, body: submission(), headers: { "idempotency-key": key } });
    assert.equal(first.status, 202);
    assert.equal(retry.status, 202);
    assert.equal(retry.body.id, first.body.id);
    assert.equal(retry.headers.get("idempotent-replayed"), "true");
    assert.equal(await h.prisma.submission.count({ where: { userId: user.id } }), 1);

    const reused = await api<Err>(h.base, "/api/submissions", { token: user.token, body: submission("print(2)"), headers: { "idempotency-key": key } });
    assert.equal(reused.status, 400, "the same key with another body is refused");

    // That was the user's third submit this minute: the fourth is refused, with Retry-After.
    const limited = await api<Err>(h.base, "/api/submissions", { token: user.token, body: submission() });
    assert.equal(limited.status, 429);
    assert.equal(limited.body.error.code, "RATE_LIMITED");
    retryAfter(limited.headers);
    assert.equal(await h.prisma.submission.count({ where: { userId: user.id } }), 1);

    // Another user is not affected by the first one's limit.
    const other = await registerUser(h.base);
    assert.equal((await api(h.base, "/api/submissions", { token: other.token, body: submission() })).status, 202);
  });

  test("the same Idempotency-Key from another user is another request", async () => {
    const key = randomUUID();
    const [a, b] = [await registerUser(h.base), await registerUser(h.base)];
    const ra = await api<{ id: string }>(h.base, "/api/submissions", { token: a.token, body: submission(), headers: { "idempotency-key": key } });
    const rb = await api<{ id: string }>(h.base, "/api/submissions", { token: b.token, body: submission(), headers: { "idempotency-key": key } });
    assert.equal(ra.status, 202);
    assert.equal(rb.status, 202);
    assert.notEqual(ra.body.id, rb.body.id);
  });

  test("runs are idempotent too", async () => {
    const user = await registerUser(h.base);
    const key = randomUUID();
    const body = { language: "python", code: "print(input())", input: "x\n" };
    const first = await api<{ id: string }>(h.base, "/api/runs", { token: user.token, body, headers: { "idempotency-key": key } });
    const retry = await api<{ id: string }>(h.base, "/api/runs", { token: user.token, body, headers: { "idempotency-key": key } });
    assert.equal(first.status, 202);
    assert.equal(retry.body.id, first.body.id);
  });

  test("each pending submission of a user lowers the priority of the next, never below rejudges'", async () => {
    const user = await registerUser(h.base);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await api<{ id: string }>(h.base, "/api/submissions", { token: user.token, body: submission() });
      assert.equal(res.status, 202);
      ids.push(res.body.id);
    }
    const queue = new Queue(queueNames.judge, { connection: { url: SHARED_REDIS }, prefix: h.prefix });
    try {
      const priorities = await Promise.all(ids.map(async (id) => (await queue.getJob(id))?.opts.priority));
      assert.deepEqual(priorities, [jobPriority.submission, jobPriority.submission + 1, jobPriority.submission + 2]);
      assert.ok(priorities.every((p) => p !== undefined && p < jobPriority.rejudge));
    } finally {
      await queue.close();
    }
  });
});

describe("backpressure, per-user cap, sign-in limit", () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness({ MAX_QUEUE_DEPTH: "3", MAX_PENDING_PER_USER: "2" });
    await h.offerLanguages();
  });
  afterAll(() => h?.close());

  test("a user with too many submissions in flight gets 429; a full queue gives everyone 503", async () => {
    const [a, b] = [await registerUser(h.base), await registerUser(h.base)];
    for (let i = 0; i < 2; i++) assert.equal((await api(h.base, "/api/submissions", { token: a.token, body: submission() })).status, 202);
    const capped = await api<Err>(h.base, "/api/submissions", { token: a.token, body: submission() });
    assert.equal(capped.status, 429);
    retryAfter(capped.headers);

    assert.equal((await api(h.base, "/api/submissions", { token: b.token, body: submission() })).status, 202);
    // Three jobs wait now: the bound is reached.
    const full = await api<Err>(h.base, "/api/submissions", { token: b.token, body: submission() });
    assert.equal(full.status, 503);
    assert.equal(full.body.error.code, "UNAVAILABLE");
    retryAfter(full.headers);
    assert.equal(await h.prisma.submission.count(), 3, "refused submissions leave no row");

    const metrics = await fetch(`${h.base}/metrics`).then((r) => r.text());
    assert.match(metrics, /^judge_queue_depth 3$/m);
  });
});

describe("runs pass the same admission as submissions", () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness({ MAX_QUEUE_DEPTH: "3", MAX_PENDING_PER_USER: "2" });
    await h.offerLanguages();
  });
  afterAll(() => h?.close());

  const run = { language: "python", code: "print(input())", input: "x\n" };

  test("a run counts toward the per-user cap like a submission; a full queue refuses runs with 503", async () => {
    const [a, b] = [await registerUser(h.base), await registerUser(h.base)];
    assert.equal((await api(h.base, "/api/submissions", { token: a.token, body: submission() })).status, 202);
    assert.equal((await api(h.base, "/api/runs", { token: a.token, body: run })).status, 202);
    // One submission and one run in flight: the cap of 2 is reached for both kinds.
    for (const [path, body] of [["/api/runs", run], ["/api/submissions", submission()]] as const) {
      const capped = await api<Err>(h.base, path, { token: a.token, body });
      assert.equal(capped.status, 429, path);
      assert.equal(capped.body.error.code, "RATE_LIMITED");
      retryAfter(capped.headers);
    }

    assert.equal((await api(h.base, "/api/runs", { token: b.token, body: run })).status, 202);
    // Three jobs wait now (a submission and two runs): the bound is reached for runs too.
    const full = await api<Err>(h.base, "/api/runs", { token: b.token, body: run });
    assert.equal(full.status, 503);
    assert.equal(full.body.error.code, "UNAVAILABLE");
    retryAfter(full.headers);
    const metrics = await fetch(`${h.base}/metrics`).then((r) => r.text());
    assert.match(metrics, /^judge_queue_depth 3$/m, "refused runs add no job");
  });
});

describe("sign-in limit", () => {
  let h: ApiHarness;
  beforeAll(async () => {
    // Its own API: the limit counts every sign-in and registration from this address.
    h = await startApiHarness({ RATE_LIMIT_AUTH_PER_MINUTE: "2" });
  });
  afterAll(() => h?.close());

  test("sign-in attempts per address are limited", async () => {
    const attempt = () => api<Err>(h.base, "/api/auth/login", { body: { username: "nobody-here", password: "wrong password" } });
    assert.equal((await attempt()).status, 401);
    assert.equal((await attempt()).status, 401);
    const limited = await attempt();
    assert.equal(limited.status, 429);
    assert.equal(limited.body.error.code, "RATE_LIMITED");
    retryAfter(limited.headers);
  });
});
