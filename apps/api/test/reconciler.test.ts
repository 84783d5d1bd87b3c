import assert from "node:assert/strict";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createLogger } from "@judge/config";
import { LiveState } from "@judge/live-state";
import { queueNames, type JudgeJob } from "@judge/protocol";
import { eventually } from "../../../test/support/eventually.ts";
import { Reconciler } from "../src/submissions/reconciler.ts";
import { api, registerUser, startApiHarness, type ApiHarness } from "./support/api-harness.ts";
import { submit } from "../../../test/support/test-stack.ts";

const python = "a, b = map(int, input().split())\nprint(a + b)\n";

/** What a Redis restarted without its data leaves: every key of the deployment gone but the fleet's heartbeats. */
async function loseQueuesAndLiveState(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    cursor = next;
    const lost = keys.filter((k) => k !== `${prefix}:fleet`);
    if (lost.length > 0) await redis.unlink(...lost);
  } while (cursor !== "0");
}

/** Jobs of every state in the judge queue, by id. */
async function judgeJobs(queue: Queue<JudgeJob>): Promise<Map<string, JudgeJob>> {
  const jobs = await queue.getJobs(["waiting", "prioritized", "delayed", "active", "completed", "failed"]);
  return new Map(jobs.map((j) => [j.id!, j.data]));
}

function reconcilerOf(h: ApiHarness, queue: Queue<JudgeJob>, graceMs = 0): Reconciler {
  return new Reconciler({
    prisma: h.prisma,
    redis: h.redis,
    live: new LiveState(h.redis, h.prefix),
    judgeQueue: queue,
    judgeAttempts: 3,
    logger: createLogger("reconciler-test", "silent"),
    graceMs,
  });
}

/**
 * Queued submissions whose jobs Redis lost (no worker runs here, so they stay queued) are
 * enqueued again, once, under their own job id, with their live state back; younger rows,
 * finished rows and rows whose job exists are left alone.
 */
describe("reconciler: submissions whose judge job is gone", () => {
  let h: ApiHarness;
  let queue: Queue<JudgeJob>;
  let token: string;

  beforeAll(async () => {
    // Only the start-up pass of the API's own reconciler runs; the tests drive their own.
    h = await startApiHarness({ RECONCILE_INTERVAL_MS: "3600000" });
    await h.offerLanguages();
    ({ token } = await registerUser(h.base));
    queue = new Queue<JudgeJob>(queueNames.judge, { connection: h.redis.duplicate(), prefix: h.prefix });
  });
  afterAll(async () => {
    await queue?.close();
    await h?.close();
  });

  test("three lost jobs, two reconcilers at once: each re-enqueued exactly once, live state restored", async () => {
    const ids = [await submit(h.base, token, "python", python), await submit(h.base, token, "python", python), await submit(h.base, token, "python", python)];
    await loseQueuesAndLiveState(h.redis, h.prefix);
    assert.equal((await judgeJobs(queue)).size, 0);

    const [a, b] = await Promise.all([reconcilerOf(h, queue).reconcileOnce(), reconcilerOf(h, queue).reconcileOnce()]);
    assert.equal(a.reenqueued + b.reenqueued, 3, `a: ${JSON.stringify(a)}, b: ${JSON.stringify(b)}`);

    const jobs = await judgeJobs(queue);
    assert.deepEqual([...jobs.keys()].sort(), [...ids].sort(), "one job per submission, under the submission's id");
    for (const id of ids) {
      const job = jobs.get(id)!;
      assert.equal(job.kind, "submission");
      assert.equal(job.kind === "submission" && job.judging, 1);
      const snapshot = await new LiveState(h.redis, h.prefix).snapshot(id);
      assert.equal(snapshot?.view.status, "queued", "a subscriber gets a snapshot again");
    }

    const again = await reconcilerOf(h, queue).reconcileOnce();
    assert.equal(again.reenqueued, 0, "jobs that exist are left alone");
    assert.ok(again.checked >= 3);
  });

  test("a row younger than the grace period is left to its request; a done row is never touched", async () => {
    const young = await submit(h.base, token, "python", python);
    const done = await submit(h.base, token, "python", python);
    await h.prisma.submission.update({ where: { id: done }, data: { status: "done", verdict: "AC", judgedAt: new Date() } });
    await loseQueuesAndLiveState(h.redis, h.prefix);

    const outcome = await reconcilerOf(h, queue, 3600_000).reconcileOnce();
    assert.equal(outcome.reenqueued, 0);
    assert.equal((await judgeJobs(queue)).size, 0);

    await reconcilerOf(h, queue).reconcileOnce();
    const jobs = await judgeJobs(queue);
    assert.ok(jobs.has(young), "once past the grace period it is re-enqueued");
    assert.ok(!jobs.has(done), "a done submission is not judged again");
  });

  test("a rejudged row is re-enqueued on its current judging, under that judging's job id", async () => {
    const id = await submit(h.base, token, "python", python);
    await h.prisma.submission.update({ where: { id }, data: { judging: 2 } });
    await loseQueuesAndLiveState(h.redis, h.prefix);
    await reconcilerOf(h, queue).reconcileOnce();
    const job = (await judgeJobs(queue)).get(`${id}-j2`);
    assert.ok(job && job.kind === "submission" && job.judging === 2);
  });

  test("a multi-file submission's job comes back with its files", async () => {
    const files = [
      { name: "main.py", content: "import arith\nprint(arith.add(*map(int, input().split())))\n" },
      { name: "arith.py", content: "def add(a, b):\n    return a + b\n" },
    ];
    const res = await api<{ id: string }>(h.base, "/api/submissions", { token, body: { problem: "a-plus-b", language: "python", files } });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    await loseQueuesAndLiveState(h.redis, h.prefix);
    await reconcilerOf(h, queue).reconcileOnce();
    const job = (await judgeJobs(queue)).get(res.body.id);
    assert.ok(job && job.kind === "submission");
    assert.deepEqual(job.files, { "main.py": files[0]!.content, "arith.py": files[1]!.content });
    assert.equal(job.code, files[0]!.content, "the main file as code");
  });
});

describe("reconciler: wired into the API", () => {
  let h: ApiHarness;
  let queue: Queue<JudgeJob>;

  beforeAll(async () => {
    h = await startApiHarness({ RECONCILE_INTERVAL_MS: "100", RECONCILE_GRACE_MS: "1" });
    await h.offerLanguages();
    queue = new Queue<JudgeJob>(queueNames.judge, { connection: h.redis.duplicate(), prefix: h.prefix });
  });
  afterAll(async () => {
    await queue?.close();
    await h?.close();
  });

  test("the API's periodic pass brings back jobs Redis lost", async () => {
    const { token } = await registerUser(h.base);
    const ids = [await submit(h.base, token, "python", python), await submit(h.base, token, "python", python)];
    await loseQueuesAndLiveState(h.redis, h.prefix);
    await eventually("the API to re-enqueue both jobs", async () => {
      const jobs = await judgeJobs(queue);
      return ids.every((id) => jobs.has(id)) && jobs;
    });
    assert.equal((await judgeJobs(queue)).size, 2);
  });
});

