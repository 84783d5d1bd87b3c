import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { Distribution, DistributionSample, ProblemPage, SubmissionPage, UserProfile, Verdict } from "@judge/protocol";
import { api, registerUser, startApiHarness, type ApiHarness } from "./support/api-harness.ts";

interface Made {
  userId: string;
  problemId: string;
  verdict: Verdict | null;
  language?: string;
  timeMs?: number;
  memoryKb?: number;
  origin?: "user" | "package";
  createdAt?: Date;
  code?: string;
}

/**
 * The numbers behind the web's statistics and lists, against hand-made submissions stored as
 * the result consumer stores them: distribution buckets and their sample code, the problem
 * list's status filter and sorts, a profile's counts and calendar, the submission filters.
 */
describe("statistics and lists", () => {
  let h: ApiHarness;
  let admin: string;
  const tag = `t${randomUUID().slice(0, 8)}`;
  const problems: Record<"easy" | "medium" | "hard", { slug: string; id: string }> = {} as never;
  let solver: { token: string; id: string; name: string };
  let stranger: { token: string; id: string };

  async function makeProblem(difficulty: "easy" | "medium" | "hard") {
    const slug = `${difficulty}-${randomUUID().slice(0, 8)}`;
    const res = await api(h.base, "/api/problems", {
      token: admin,
      body: {
        slug,
        title: `Stats ${difficulty}`,
        difficulty,
        tags: [tag],
        statement: "Print the input.",
        limits: { timeMs: 1000, memoryKb: 65536 },
        tests: [{ input: "1\n", output: "1\n" }],
        published: true,
      },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const row = await h.prisma.problem.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    return { slug, id: row.id };
  }

  async function make(s: Made): Promise<string> {
    const id = randomUUID();
    const done = s.verdict !== null;
    await h.prisma.submission.create({
      data: {
        id,
        userId: s.userId,
        problemId: s.problemId,
        language: s.language ?? "python",
        code: s.code ?? `# ${id}`,
        status: done ? "done" : "queued",
        verdict: s.verdict,
        timeMs: s.timeMs ?? null,
        memoryKb: s.memoryKb ?? null,
        origin: s.origin ?? "user",
        ...(s.createdAt ? { createdAt: s.createdAt } : {}),
        ...(done ? { judgedAt: new Date() } : {}),
      },
    });
    return id;
  }

  beforeAll(async () => {
    h = await startApiHarness();
    admin = await h.adminToken();
    problems.easy = await makeProblem("easy");
    problems.medium = await makeProblem("medium");
    problems.hard = await makeProblem("hard");
    const name = `s${randomUUID().slice(0, 8)}`;
    solver = { ...(await registerUser(h.base, name)), name };
    stranger = await registerUser(h.base);
    const easy = problems.easy.id;
    // The distribution of `easy` in Python: four people's accepted submissions count...
    for (const [timeMs, memoryKb, code] of [[10, 1000, "fast"], [12, 1000, "fast too"], [15, 1500, "middle"], [40, 3000, "slow"]] as const) {
      await make({ userId: solver.id, problemId: easy, verdict: "AC", timeMs, memoryKb, code: `# ${code}` });
    }
    // ...and never a wrong answer, another language, or a package's own submission.
    await make({ userId: solver.id, problemId: easy, verdict: "WA", timeMs: 5, memoryKb: 500 });
    await make({ userId: solver.id, problemId: easy, verdict: "AC", language: "c", timeMs: 1, memoryKb: 100 });
    await make({ userId: solver.id, problemId: easy, verdict: "AC", timeMs: 100, memoryKb: 9000, origin: "package", code: "# the package's own" });
    // medium: attempted by the solver (acceptance 1/3); hard: the stranger's AC (acceptance 1/1).
    await make({ userId: solver.id, problemId: problems.medium.id, verdict: "WA" });
    await make({ userId: stranger.id, problemId: problems.medium.id, verdict: "AC", timeMs: 3, memoryKb: 10 });
    await make({ userId: stranger.id, problemId: problems.medium.id, verdict: "TLE" });
    await make({ userId: stranger.id, problemId: problems.hard.id, verdict: "AC", timeMs: 3, memoryKb: 10 });
  });
  afterAll(() => h?.close());

  test("runtime and memory buckets count people's accepted submissions in the language, empty bars between", async () => {
    const res = await api<Distribution>(h.base, `/api/problems/${problems.easy.slug}/distribution?language=python`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.accepted, 4);
    // 10..40 ms: width ceil(31/20) = 2 ms, 16 bars from 10 ms.
    assert.equal(res.body.runtime.length, 16);
    assert.deepEqual(res.body.runtime[0], { from: 10, to: 12, count: 1 });
    assert.deepEqual(res.body.runtime[1], { from: 12, to: 14, count: 1 });
    assert.deepEqual(res.body.runtime[2], { from: 14, to: 16, count: 1 });
    assert.deepEqual(res.body.runtime[15], { from: 40, to: 42, count: 1 });
    assert.equal(res.body.runtime.slice(3, 15).reduce((n, b) => n + b.count, 0), 0);
    // 1000..3000 KiB: width ceil(2001/20) = 101 KiB, 20 bars.
    assert.equal(res.body.memory.length, 20);
    assert.deepEqual(res.body.memory[0], { from: 1000, to: 1101, count: 2 });
    assert.deepEqual(res.body.memory[4], { from: 1404, to: 1505, count: 1 });
    assert.deepEqual(res.body.memory[19], { from: 2919, to: 3020, count: 1 });

    const c = await api<Distribution>(h.base, `/api/problems/${problems.easy.slug}/distribution?language=c`);
    assert.deepEqual(c.body.runtime, [{ from: 1, to: 2, count: 1 }], "one value: one bar of width 1");
    const none = await api<Distribution>(h.base, `/api/problems/${problems.easy.slug}/distribution?language=java`);
    assert.deepEqual([none.body.accepted, none.body.runtime, none.body.memory], [0, [], []]);
    assert.equal((await api(h.base, `/api/problems/${problems.easy.slug}/distribution?language=nope`)).status, 400);
    assert.equal((await api(h.base, "/api/problems/no-such-problem/distribution?language=python")).status, 404);
  });

  test("a bar's sample code goes only to someone who solved the problem, never a package's own", async () => {
    const path = (query: string) => `/api/problems/${problems.easy.slug}/distribution/sample?language=python&${query}`;
    assert.equal((await api(h.base, path("metric=runtime&from=14&to=16"))).status, 401, "anonymous");
    const refused = await api<{ error: { code: string } }>(h.base, path("metric=runtime&from=14&to=16"), { token: stranger.token });
    assert.equal(refused.status, 403, "the stranger has not solved easy");
    assert.equal(refused.body.error.code, "FORBIDDEN");

    const sample = await api<DistributionSample>(h.base, path("metric=runtime&from=14&to=16"), { token: solver.token });
    assert.equal(sample.status, 200, JSON.stringify(sample.body));
    assert.equal(sample.body.code, "# middle");
    assert.equal(sample.body.timeMs, 15);
    const heavy = await api<DistributionSample>(h.base, path("metric=memory&from=2919&to=3020"), { token: solver.token });
    assert.equal(heavy.body.code, "# slow");
    // The package's own submission (100 ms) is in no bar and never sampled.
    const pkg = await api(h.base, path("metric=runtime&from=90&to=200"), { token: solver.token });
    assert.equal(pkg.status, 404);
    assert.ok(!JSON.stringify(pkg.body).includes("package's own"));
    // The stranger solved hard, and reads a sample there.
    const theirs = await api<DistributionSample>(h.base, `/api/problems/${problems.hard.slug}/distribution/sample?language=python&metric=runtime&from=3&to=4`, { token: stranger.token });
    assert.equal(theirs.status, 200);
  });

  test("the problem list filters by the user's status and sorts by acceptance and difficulty", async () => {
    const list = async (query: string, token?: string) => {
      const res = await api<ProblemPage>(h.base, `/api/problems?tag=${tag}&${query}`, token ? { token } : {});
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    };
    const slugs = (page: ProblemPage) => page.items.map((p) => p.slug);
    assert.deepEqual(slugs(await list("status=solved", solver.token)), [problems.easy.slug]);
    assert.deepEqual(slugs(await list("status=attempted", solver.token)), [problems.medium.slug]);
    assert.deepEqual(slugs(await list("status=todo", solver.token)), [problems.hard.slug]);
    assert.deepEqual(slugs(await list("status=solved", stranger.token)), [problems.medium.slug, problems.hard.slug]);
    assert.equal((await api(h.base, `/api/problems?tag=${tag}&status=solved`)).status, 401, "a status needs a user");

    // Acceptance: easy 5/6 of people's judged (the package's own left out), medium 1/3, hard 1/1.
    assert.deepEqual(slugs(await list("sort=-acceptance")), [problems.hard.slug, problems.easy.slug, problems.medium.slug]);
    assert.deepEqual(slugs(await list("sort=acceptance")), [problems.medium.slug, problems.easy.slug, problems.hard.slug]);
    assert.deepEqual(slugs(await list("sort=-difficulty")), [problems.hard.slug, problems.medium.slug, problems.easy.slug]);
    // Paged by offset; the pages join up without gaps or repeats.
    const first = await list("sort=difficulty&limit=2");
    assert.deepEqual(slugs(first), [problems.easy.slug, problems.medium.slug]);
    assert.equal(first.nextCursor, "2");
    const second = await list(`sort=difficulty&limit=2&cursor=${first.nextCursor}`);
    assert.deepEqual(slugs(second), [problems.hard.slug]);
    assert.equal(second.nextCursor, null);
    assert.equal(first.items[0]?.acceptanceRate, 5 / 6);
    // The other filters still apply to a sorted or status-filtered list.
    assert.deepEqual(slugs(await list("sort=acceptance&difficulty=hard")), [problems.hard.slug]);
    assert.deepEqual(slugs(await list("sort=acceptance&q=stats%20med")), [problems.medium.slug]);
    assert.deepEqual(slugs(await list("status=todo&q=100%25", solver.token)), [], "% is a character, not a wildcard");
  });

  test("a profile counts solved problems by difficulty and submissions per day over the last year", async () => {
    const name = `p${randomUUID().slice(0, 8)}`;
    const user = await registerUser(h.base, name);
    const day = (daysAgo: number) => {
      const d = new Date();
      d.setUTCHours(12, 0, 0, 0);
      d.setUTCDate(d.getUTCDate() - daysAgo);
      return d;
    };
    await make({ userId: user.id, problemId: problems.easy.id, verdict: "WA", createdAt: day(0) });
    await make({ userId: user.id, problemId: problems.easy.id, verdict: "AC", timeMs: 9, memoryKb: 9, createdAt: day(0) });
    await make({ userId: user.id, problemId: problems.easy.id, verdict: "AC", timeMs: 9, memoryKb: 9, createdAt: day(10) });
    await make({ userId: user.id, problemId: problems.hard.id, verdict: "AC", timeMs: 9, memoryKb: 9, createdAt: day(10) });
    await make({ userId: user.id, problemId: problems.medium.id, verdict: "WA", createdAt: day(400) });
    await make({ userId: user.id, problemId: problems.medium.id, verdict: "AC", origin: "package", createdAt: day(3) });

    const res = await api<UserProfile>(h.base, `/api/users/${name}/profile`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.username, name);
    assert.equal(res.body.solved.easy, 1);
    assert.equal(res.body.solved.medium, 0, "a package's own AC is not the user's solve");
    assert.equal(res.body.solved.hard, 1);
    assert.ok(res.body.problems.easy >= 1 && res.body.problems.hard >= 1);
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    assert.deepEqual(res.body.days, [
      { date: iso(day(10)), count: 2 },
      { date: iso(day(0)), count: 2 },
    ]);
    assert.equal(res.body.since, iso(day(364)));
    assert.equal((await api(h.base, "/api/users/nobody-here-xyz/profile")).status, 404);
    // A name no registration could make (a NUL byte PostgreSQL refuses in text) names no one: 404, not 500.
    assert.equal((await api(h.base, "/api/users/%00/profile")).status, 404);
  });

  test("all my submissions filter by verdict, language and problem, paged by cursor", async () => {
    const mine = async (query: string) => {
      const res = await api<SubmissionPage>(h.base, `/api/submissions?mine=1&${query}`, { token: solver.token });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    };
    const wa = await mine("verdict=WA");
    assert.deepEqual(wa.items.map((s) => s.problem).sort(), [problems.easy.slug, problems.medium.slug].sort());
    assert.ok(wa.items.every((s) => s.verdict === "WA"));
    const c = await mine("language=c");
    assert.equal(c.items.length, 1);
    assert.equal(c.items[0]?.language, "c");
    const easyAc = await mine(`problem=${problems.easy.slug}&verdict=AC&language=python`);
    assert.equal(easyAc.items.length, 4, "the package's own is not among mine");
    const pageOne = await mine(`problem=${problems.easy.slug}&verdict=AC&language=python&limit=3`);
    assert.equal(pageOne.items.length, 3);
    assert.ok(pageOne.nextCursor);
    const pageTwo = await mine(`problem=${problems.easy.slug}&verdict=AC&language=python&limit=3&cursor=${pageOne.nextCursor}`);
    assert.equal(pageTwo.items.length, 1);
    assert.equal(new Set([...pageOne.items, ...pageTwo.items].map((s) => s.id)).size, 4);
    assert.equal((await api(h.base, "/api/submissions?mine=1&verdict=XX", { token: solver.token })).status, 400);
  });
});
