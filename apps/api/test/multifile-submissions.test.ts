import assert from "node:assert/strict";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createLogger } from "@judge/config";
import { FleetRegistry, LiveState } from "@judge/live-state";
import { MAX_CODE_BYTES, queueNames, type ErrorBody, type JudgeJob, type SubmissionJob, type SubmissionView, type TokenClaims } from "@judge/protocol";
import { OfferedLanguages } from "../src/intake/offered-languages.ts";
import { PendingSubmissions } from "../src/intake/pending-submissions.ts";
import { Admission, PENDING_WINDOW_MS } from "../src/intake/admission.ts";
import { RunsInFlight } from "../src/intake/runs-in-flight.ts";
import { SubmissionService } from "../src/submissions/submission-service.ts";
import { api, registerUser, startApiHarness, type ApiHarness } from "./support/api-harness.ts";

/** A Python program of two modules: solve.py is the main file (it has the __main__ guard). */
const files = [
  { name: "arith.py", content: "def add(a, b):\n    return a + b\n" },
  { name: "solve.py", content: "import arith\n\nif __name__ == '__main__':\n    print(arith.add(*map(int, input().split())))\n" },
];

/** The queued job `jobId`, which must be a submission's (a run's job has no files). */
async function submissionJob(queue: Queue<JudgeJob>, jobId: string): Promise<SubmissionJob> {
  const job = await queue.getJob(jobId);
  assert.ok(job, `job ${jobId} exists`);
  assert.ok(job.data.kind !== "run", `job ${jobId} is a submission's`);
  return job.data;
}

/**
 * POST /api/submissions with `files` (docs/problem-packages.md): stored as sent, the main file
 * as `code`, the job carrying every file (a rejudge's too); shown to the owner alone; bad sets
 * are 400s that say what is wrong. No worker runs here: jobs stay queued.
 */
describe("multi-file submissions through the API", () => {
  let h: ApiHarness;
  let queue: Queue<JudgeJob>;
  let owner: { token: string; id: string };
  let other: { token: string; id: string };
  let id: string;

  beforeAll(async () => {
    h = await startApiHarness();
    await h.offerLanguages();
    owner = await registerUser(h.base);
    other = await registerUser(h.base);
    queue = new Queue<JudgeJob>(queueNames.judge, { connection: h.redis.duplicate(), prefix: h.prefix });
    const res = await api<{ id: string; status: string }>(h.base, "/api/submissions", {
      token: owner.token,
      body: { problem: "a-plus-b", language: "python", files },
    });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    id = res.body.id;
  });
  afterAll(async () => {
    await queue?.close();
    await h?.close();
  });

  test("stored as sent with the main file as code, and the job carries every file", async () => {
    const row = await h.prisma.submission.findUniqueOrThrow({ where: { id } });
    assert.deepEqual(row.files, files);
    assert.equal(row.code, files[1]!.content);
    const job = await submissionJob(queue, id);
    assert.deepEqual(job.files, { "arith.py": files[0]!.content, "solve.py": files[1]!.content });
    assert.equal(job.code, files[1]!.content);
  });

  test("the owner reads the files; another user and the list do not", async () => {
    const mine = await api<SubmissionView>(h.base, `/api/submissions/${id}`, { token: owner.token });
    assert.equal(mine.status, 200);
    assert.deepEqual(mine.body.files, files);
    const theirs = await api<SubmissionView>(h.base, `/api/submissions/${id}`, { token: other.token });
    assert.equal(theirs.status, 200);
    assert.equal(theirs.body.files, undefined);
    assert.equal(theirs.body.code, undefined);
    const list = await api<{ items: SubmissionView[] }>(h.base, "/api/submissions?mine=1", { token: owner.token });
    const listed = list.body.items.find((s) => s.id === id);
    assert.ok(listed, "listed");
    assert.equal(listed.files, undefined);
  });

  test("a rejudge's job carries the files too", async () => {
    const res = await api<{ rejudged: number }>(h.base, `/api/submissions/${id}/rejudge`, { method: "POST", token: await h.adminToken() });
    assert.equal(res.status, 202);
    const job = await submissionJob(queue, `${id}-j2`);
    assert.deepEqual(job.files, { "arith.py": files[0]!.content, "solve.py": files[1]!.content });
  });

  const refused: Array<[string, Record<string, unknown>, RegExp]> = [
    ["code and files together", { code: "print(1)\n", files }, /either code or files/],
    ["neither code nor files", {}, /code or files is required/],
    ["a path for a name", { files: [{ name: "../evil.py", content: "x" }] }, /plain file name/],
    ["a hidden file", { files: [{ name: ".hidden.py", content: "x" }] }, /plain file name/],
    ["a directory in a name", { files: [{ name: "pkg/mod.py", content: "x" }] }, /plain file name/],
    ["the same name twice", { files: [files[0], files[0]] }, /arith\.py is given twice/],
    ["no files", { files: [] }, /files is empty/],
    [
      "more than 64 KiB together",
      { files: [{ name: "a.py", content: "#".repeat(MAX_CODE_BYTES / 2 + 1) }, { name: "b.py", content: "#".repeat(MAX_CODE_BYTES / 2) }] },
      /over 65536 bytes together/,
    ],
    ["more than 64 files", { files: Array.from({ length: 65 }, (_, i) => ({ name: `m${i}.py`, content: "x" })) }, /at most 64 files/],
  ];
  for (const [what, body, message] of refused) {
    test(`400 for ${what}`, async () => {
      const res = await api<ErrorBody>(h.base, "/api/submissions", {
        token: owner.token,
        body: { problem: "a-plus-b", language: "python", ...body },
      });
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.error.code, "VALIDATION");
      assert.match(JSON.stringify(res.body.error), message);
    });
  }

  test("the service takes files for an unpublished problem only when asked (an admin's package check)", async () => {
    const slug = `unpublished-${id.slice(0, 8)}`;
    const created = await api(h.base, "/api/problems", {
      token: await h.adminToken(),
      body: {
        slug,
        title: "Not yet",
        difficulty: "easy",
        statement: "Add two numbers.",
        limits: { timeMs: 1000, memoryKb: 65536 },
        tests: [{ input: "1 2\n", output: "3\n" }],
        published: false,
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const viaHttp = await api(h.base, "/api/submissions", { token: owner.token, body: { problem: slug, language: "python", files } });
    assert.equal(viaHttp.status, 404, "POST /api/submissions never judges an unpublished problem");

    const live = new LiveState(h.redis, h.prefix);
    const pending = new PendingSubmissions(h.redis, h.prisma, h.prefix, PENDING_WINDOW_MS);
    const service = new SubmissionService({
      prisma: h.prisma,
      live,
      offeredLanguages: new OfferedLanguages(new FleetRegistry(h.redis, h.prefix), 0),
      judgeQueue: queue,
      admission: new Admission(pending, queue, new RunsInFlight(h.redis, h.prefix, live, PENDING_WINDOW_MS), {
        maxQueueDepth: 10_000,
        maxPendingPerUser: 100,
      }),
      pendingSubmissions: pending,
      judgeAttempts: 1,
      logger: createLogger("multifile-test", "silent"),
    });
    const admin: TokenClaims = { sub: (await h.prisma.user.findFirstOrThrow({ where: { role: "admin" } })).id, name: "root-admin", role: "admin" };
    const input = { problem: slug, language: "python" as const, files };
    await assert.rejects(service.create(admin, input), (err: { code?: string }) => err.code === "NOT_FOUND");
    const view = await service.create(admin, input, { allowUnpublished: true });
    assert.equal(view.status, "queued");
    const job = await submissionJob(queue, view.id);
    assert.deepEqual(job.files, { "arith.py": files[0]!.content, "solve.py": files[1]!.content });
  });
});
