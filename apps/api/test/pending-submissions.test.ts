import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createLogger } from "@judge/config";
import { FleetRegistry, LiveState } from "@judge/live-state";
import { queueNames, type JudgeJob, type JudgeResult, type TokenClaims } from "@judge/protocol";
import { Admission, PENDING_WINDOW_MS } from "../src/intake/admission.ts";
import { OfferedLanguages } from "../src/intake/offered-languages.ts";
import { PendingSubmissions } from "../src/intake/pending-submissions.ts";
import { RunsInFlight } from "../src/intake/runs-in-flight.ts";
import { SubmissionService } from "../src/submissions/submission-service.ts";
import { SHARED_REDIS } from "../../../test/support/test-stack.ts";
import { eventually } from "../../../test/support/eventually.ts";
import { api, registerUser, startApiHarness, type ApiHarness } from "./support/api-harness.ts";

const submission = { problem: "a-plus-b", language: "python", code: "print(1)" };
type Err = { error: { code: string; message: string } };

/** The per-user pending count admission reads from Redis (intake/pending-submissions.ts). */
describe("pending submissions kept in Redis", () => {
  let h: ApiHarness;
  let pending: PendingSubmissions;
  let results: Queue<JudgeResult>;
  beforeAll(async () => {
    h = await startApiHarness({ MAX_PENDING_PER_USER: "2" });
    await h.offerLanguages();
    pending = new PendingSubmissions(h.redis, h.prisma, h.prefix, PENDING_WINDOW_MS);
    results = new Queue(queueNames.results, { connection: { url: SHARED_REDIS }, prefix: h.prefix });
  });
  afterAll(async () => {
    await results?.close();
    await h?.close();
  });

  const post = (token: string) => api<{ id: string } & Err>(h.base, "/api/submissions", { token, body: submission });

  test("the count goes up at accept and back down once the result is recorded", async () => {
    const user = await registerUser(h.base);
    const res = await post(user.token);
    assert.equal(res.status, 202);
    assert.equal(await pending.count(user.id), 1);
    // What a worker does at the end of a judging; the API's result consumer stores it.
    const result: JudgeResult = {
      v: 1,
      submissionId: res.body.id,
      judging: 1,
      verdict: "AC",
      passed: 1,
      total: 1,
      timeMs: 1,
      memoryKb: 100,
      compileOutput: null,
      tests: [],
      judgedAt: new Date().toISOString(),
      workerId: "test",
    };
    await results.add("result", result, { jobId: randomUUID(), removeOnComplete: true });
    await eventually("the pending count back to 0", async () => (await pending.count(user.id)) === 0);
    const row = await h.prisma.submission.findUniqueOrThrow({ where: { id: res.body.id } });
    assert.equal(row.status, "done");
  });

  test("a submission whose job cannot be added leaves no row and no count", async () => {
    const user = await registerUser(h.base);
    const claims: TokenClaims = { sub: user.id, name: "x", role: "user" };
    // A queue whose connection is closed refuses every add, as one whose Redis is away does.
    const broken = new Queue<JudgeJob>(queueNames.judge, { connection: { url: SHARED_REDIS }, prefix: h.prefix });
    await broken.close();
    const working = new Queue<JudgeJob>(queueNames.judge, { connection: { url: SHARED_REDIS }, prefix: h.prefix });
    try {
      const live = new LiveState(h.redis, h.prefix);
      const service = new SubmissionService({
        prisma: h.prisma,
        live,
        offeredLanguages: new OfferedLanguages(new FleetRegistry(h.redis, h.prefix), 1),
        judgeQueue: broken,
        admission: new Admission(pending, working, new RunsInFlight(h.redis, h.prefix, live, PENDING_WINDOW_MS), {
          maxQueueDepth: 10_000,
          maxPendingPerUser: 100,
        }),
        pendingSubmissions: pending,
        judgeAttempts: 1,
        logger: createLogger("pending-test", "silent"),
      });
      await assert.rejects(service.create(claims, { ...submission, language: "python" }), (err: { code?: string }) => err.code === "UNAVAILABLE");
      assert.equal(await h.prisma.submission.count({ where: { userId: user.id } }), 0);
      assert.equal(await pending.count(user.id), 0);
    } finally {
      await working.close();
    }
  });

  test("a set lost in Redis is rebuilt from the rows: the cap still holds", async () => {
    const user = await registerUser(h.base);
    for (let i = 0; i < 2; i++) assert.equal((await post(user.token)).status, 202);
    await h.redis.del(`${h.prefix}:pending-submissions:${user.id}`);
    const capped = await post(user.token);
    assert.equal(capped.status, 429);
    assert.equal(capped.body.error.code, "RATE_LIMITED");
    assert.match(capped.body.error.message, /you have 2 submissions and runs being judged/);
    assert.equal(await pending.count(user.id), 2);
  });

  test("a stale entry (a removal that never happened) does not refuse: the rows decide a 429", async () => {
    const user = await registerUser(h.base);
    assert.equal(await pending.count(user.id), 0);
    for (let i = 0; i < 2; i++) await pending.add(user.id, randomUUID(), Date.now());
    assert.equal(await pending.count(user.id), 2, "the fast count trusts the set");
    assert.equal((await post(user.token)).status, 202);
    assert.equal(await pending.count(user.id), 1, "the check against the rows replaced the stale set");
  });

  test("entries older than the window no longer count", async () => {
    const user = await registerUser(h.base);
    assert.equal(await pending.count(user.id), 0);
    await pending.add(user.id, randomUUID(), Date.now() - PENDING_WINDOW_MS - 1);
    await pending.add(user.id, randomUUID(), Date.now());
    assert.equal(await pending.count(user.id), 1);
  });
});
