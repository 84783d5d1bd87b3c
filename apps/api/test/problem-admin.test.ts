import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, test } from "vitest";
import { Queue } from "bullmq";
import { LiveState } from "@judge/live-state";
import { jobPriority, queueNames, type JudgeResult, type SubmissionView } from "@judge/protocol";
import { SHARED_REDIS } from "../../../test/support/test-stack.ts";
import { api, registerUser, startApiHarness, type ApiHarness } from "./support/api-harness.ts";
import { eventually } from "../../../test/support/eventually.ts";

const problemBody = (slug: string, tests = [{ input: "2\n", output: "2\n" }]) => ({
  slug,
  title: "Echo",
  difficulty: "easy",
  statement: "Print the input.",
  limits: { timeMs: 1000, memoryKb: 65536 },
  samples: [{ input: "1\n", output: "1\n" }],
  tests,
  published: true,
});

describe("problem management, rejudge, statistics", () => {
  let h: ApiHarness;
  let admin: string;
  let judgeQueue: Queue;
  let results: Queue<JudgeResult>;
  beforeAll(async () => {
    h = await startApiHarness();
    await h.offerLanguages();
    admin = await h.adminToken();
    judgeQueue = new Queue(queueNames.judge, { connection: { url: SHARED_REDIS }, prefix: h.prefix });
    results = new Queue(queueNames.results, { connection: { url: SHARED_REDIS }, prefix: h.prefix });
  });
  afterAll(async () => {
    await Promise.allSettled([judgeQueue?.close(), results?.close()]);
    await h?.close();
  });

  /** What a worker does at the end of a judging: hand the result to the results queue. */
  async function deliver(result: Omit<JudgeResult, "v" | "judgedAt" | "workerId">, jobId = randomUUID()): Promise<void> {
    await results.add("result", { v: 1, judgedAt: new Date().toISOString(), workerId: "test", ...result }, { jobId, removeOnComplete: true });
  }
  /** The result consumer stores asynchronously: look again until `ok` holds (bounded). */
  const until = <T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> =>
    eventually("the stored result", async () => {
      const value = await read();
      return ok(value) ? { value } : undefined;
    }).then((found) => found.value);
  const accepted = (submissionId: string, judging: number, timeMs: number, memoryKb: number) => ({
    submissionId,
    judging,
    verdict: "AC" as const,
    passed: 2,
    total: 2,
    timeMs,
    memoryKb,
    compileOutput: null,
    tests: [{ index: 1, verdict: "AC" as const, timeMs, memoryKb }, { index: 2, verdict: "AC" as const, timeMs, memoryKb }],
  });

  test("create, update (the tests hash changes with the tests), publish, delete", async () => {
    const slug = `echo-${randomUUID().slice(0, 8)}`;
    const created = await api<{ testsHash: string; tests: number }>(h.base, "/api/problems", { token: admin, body: problemBody(slug) });
    assert.equal(created.status, 201);
    assert.equal(created.body.tests, 2);
    assert.equal((await api(h.base, "/api/problems", { token: admin, body: problemBody(slug) })).status, 409);

    const sameTests = await api<{ testsHash: string }>(h.base, `/api/problems/${slug}`, { method: "PUT", token: admin, body: { ...problemBody(slug), title: "Echo 2" } });
    assert.equal(sameTests.body.testsHash, created.body.testsHash, "a new title keeps the hash");
    const newTests = await api<{ testsHash: string; tests: number }>(h.base, `/api/problems/${slug}`, {
      method: "PUT",
      token: admin,
      body: problemBody(slug, [{ input: "3\n", output: "3\n" }, { input: "4\n", output: "4\n" }]),
    });
    assert.equal(newTests.status, 200);
    assert.notEqual(newTests.body.testsHash, created.body.testsHash);
    assert.equal(newTests.body.tests, 3);
    const row = await h.prisma.problem.findUniqueOrThrow({ where: { slug }, include: { tests: true } });
    assert.equal(row.testsHash, newTests.body.testsHash);
    assert.equal(row.tests.length, 3);

    const detail = await api<{ title: string; samples: unknown[] }>(h.base, `/api/problems/${slug}`);
    assert.equal(detail.body.title, "Echo");
    assert.equal(detail.body.samples.length, 1);

    assert.equal((await api(h.base, `/api/problems/${slug}/unpublish`, { method: "POST", token: admin })).status, 200);
    assert.equal((await api(h.base, `/api/problems/${slug}`)).status, 404);
    assert.equal((await api(h.base, `/api/problems/${slug}/publish`, { method: "POST", token: admin })).status, 200);
    assert.equal((await api(h.base, `/api/problems/${slug}`)).status, 200);

    const user = await registerUser(h.base);
    await api(h.base, "/api/submissions", { token: user.token, body: { problem: slug, language: "python", code: "print(input())" } });
    assert.equal((await api(h.base, `/api/problems/${slug}`, { method: "DELETE", token: admin })).status, 409, "has submissions");
    assert.equal((await api(h.base, `/api/problems/${slug}?withSubmissions=1`, { method: "DELETE", token: admin })).status, 204);
    assert.equal(await h.prisma.problem.count({ where: { slug } }), 0);
  });

  test("a rejudge stores its own result exactly once, and never a late one of the earlier judging", async () => {
    const slug = `rj-${randomUUID().slice(0, 8)}`;
    await api(h.base, "/api/problems", { token: admin, body: problemBody(slug) });
    const user = await registerUser(h.base);
    const sub = await api<{ id: string }>(h.base, "/api/submissions", { token: user.token, body: { problem: slug, language: "python", code: "print(input())" } });
    const id = sub.body.id;
    const read = () => api<SubmissionView>(h.base, `/api/submissions/${id}`, { token: user.token }).then((r) => r.body);

    await deliver({ ...accepted(id, 1, 10, 1000), verdict: "WA", passed: 1, tests: [{ index: 1, verdict: "AC", timeMs: 10, memoryKb: 1000 }, { index: 2, verdict: "WA", timeMs: 10, memoryKb: 1000 }] });
    await until(read, (v) => v.status === "done");

    // New tests, then a rejudge of the whole problem at the lowest priority.
    await api(h.base, `/api/problems/${slug}`, { method: "PUT", token: admin, body: problemBody(slug, [{ input: "5\n", output: "5\n" }]) });
    const rejudge = await api<{ rejudged: number }>(h.base, `/api/problems/${slug}/rejudge`, { method: "POST", token: admin });
    assert.equal(rejudge.status, 202);
    assert.equal(rejudge.body.rejudged, 1);
    const afterReset = await read();
    assert.equal(afterReset.status, "queued");
    assert.equal(afterReset.verdict, null);
    assert.deepEqual(afterReset.tests, []);
    const job = await judgeQueue.getJob(`${id}-j2`);
    assert.ok(job, "a new job for judging 2");
    assert.equal(job.opts.priority, jobPriority.rejudge);
    assert.equal(job.data.judging, 2);
    assert.equal(job.data.testsHash, (await h.prisma.problem.findUniqueOrThrow({ where: { slug } })).testsHash);

    // The live state says queued again, one event later (subscribers resume without a gap).
    const live = await new LiveState(h.redis, h.prefix).snapshot(id);
    assert.equal(live?.view.status, "queued");

    // A late duplicate of judging 1 is dropped; judging 2's result is stored; its duplicate too is dropped.
    await deliver({ ...accepted(id, 1, 99, 9999), verdict: "TLE" });
    await deliver(accepted(id, 2, 20, 2000));
    const done = await until(read, (v) => v.status === "done");
    assert.equal(done.verdict, "AC");
    assert.equal(done.timeMs, 20);
    await deliver({ ...accepted(id, 2, 30, 3000), verdict: "RE" });
    await until(() => results.getJobCounts("waiting", "active"), (c) => (c.waiting ?? 0) + (c.active ?? 0) === 0);
    const final = await read();
    assert.equal(final.verdict, "AC");
    assert.equal(final.timeMs, 20);
    assert.equal(final.tests.length, 2);
  });

  test("an accepted submission shows where it stands among other people's accepted ones in its language", async () => {
    const slug = `st-${randomUUID().slice(0, 8)}`;
    await api(h.base, "/api/problems", { token: admin, body: problemBody(slug) });
    const [first, second, third] = [await registerUser(h.base), await registerUser(h.base), await registerUser(h.base)];
    const submit = async (token: string, time: number, memory: number) => {
      const sub = await api<{ id: string }>(h.base, "/api/submissions", { token, body: { problem: slug, language: "python", code: `# ${time}` } });
      await deliver(accepted(sub.body.id, 1, time, memory));
      return sub.body.id;
    };
    const fastestId = await submit(first.token, 10, 3000);
    const middleId = await submit(second.token, 20, 2000);
    await submit(third.token, 30, 1000);
    // The first user's own resubmissions, slower and faster: they are nobody else's to beat.
    const ownSlowerId = await submit(first.token, 40, 4000);
    await submit(first.token, 5, 500);
    const read = (id: string) => api<SubmissionView>(h.base, `/api/submissions/${id}`).then((r) => r.body);
    // The second user's is compared with the four others (the first user's three count, as someone else's).
    const middle = await until(() => read(middleId), (v) => v.status === "done" && v.stats?.acceptedInLanguage === 5);
    assert.deepEqual(middle.stats, { fasterThan: 0.5, lessMemoryThan: 0.5, acceptedInLanguage: 5 });
    const fastest = await read(fastestId);
    assert.deepEqual(fastest.stats, { fasterThan: 1, lessMemoryThan: 0, acceptedInLanguage: 3 }, "the first user's 5 ms and 40 ms runs are not counted");
    const ownSlower = await read(ownSlowerId);
    assert.deepEqual(ownSlower.stats, { fasterThan: 0, lessMemoryThan: 0, acceptedInLanguage: 3 });

    const list = await api<{ items: { slug: string; acceptanceRate: number | null }[] }>(h.base, "/api/problems?limit=100");
    assert.equal(list.body.items.find((p) => p.slug === slug)?.acceptanceRate, 1);
  });
});
