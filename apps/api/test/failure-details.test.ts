import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { CaseReport, FailureDetails, SubmissionPage, SubmissionView } from "@judge/protocol";
import { recordResult } from "../src/results/record-result.ts";
import { api, registerUser, startApiHarness, type ApiHarness } from "./support/api-harness.ts";

/** A stdin problem: test 1 is its sample, tests 2 and 3 are hidden. */
function sumProblem(slug: string, failureDetails?: FailureDetails) {
  return {
    slug,
    title: "Sum",
    difficulty: "easy",
    statement: "Print `a + b`.",
    limits: { timeMs: 1000, memoryKb: 64 * 1024 },
    samples: [{ input: "1 2\n", output: "3\n" }],
    tests: [
      { input: "5 5\n", output: "10\n" },
      { input: "7 1\n", output: "8\n" },
    ],
    published: true,
    ...(failureDetails === undefined ? {} : { failureDetails }),
  };
}

/** What a worker reports for a WA on test `index` (the sample is test 1). */
function failureOn(index: number): CaseReport {
  return { index, input: "5 5\n", expected: "10\n", output: "25\n", stdout: "", stderr: "debug\n", verdict: "WA" };
}

describe("a failing test's details, as the problem's failureDetails allows", () => {
  let h: ApiHarness;
  let admin: string;
  let owner: { token: string; id: string };
  let other: { token: string; id: string };

  beforeAll(async () => {
    h = await startApiHarness();
    await h.offerLanguages();
    admin = await h.adminToken();
    owner = await registerUser(h.base);
    other = await registerUser(h.base);
  });
  afterAll(() => h?.close());

  /** A new problem under `policy` and the owner's judged submission to it that failed on test `index`. */
  async function failedSubmission(policy: FailureDetails | undefined, index: number): Promise<{ id: string; slug: string; failure: CaseReport }> {
    const slug = `sum-${randomUUID().slice(0, 8)}`;
    const made = await api(h.base, "/api/problems", { token: admin, body: sumProblem(slug, policy) });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const problem = await h.prisma.problem.findUniqueOrThrow({ where: { slug } });
    const id = randomUUID();
    await h.prisma.submission.create({ data: { id, userId: owner.id, problemId: problem.id, language: "python", code: "print(1)", status: "running" } });
    const failure = failureOn(index);
    const stored = await recordResult(h.prisma, {
      v: 1,
      submissionId: id,
      verdict: "WA",
      passed: index - 1,
      total: 3,
      timeMs: 10,
      memoryKb: 9000,
      compileOutput: null,
      tests: [],
      failure,
      judgedAt: new Date().toISOString(),
      workerId: "w",
      judging: 1,
    });
    assert.ok(stored);
    return { id, slug, failure };
  }

  const read = async (id: string, token?: string) => (await api<SubmissionView>(h.base, `/api/submissions/${id}`, { token })).body;

  test('"public" (the default): a sample\'s details for its owner, never for anyone else nor in lists', async () => {
    const { id, slug, failure } = await failedSubmission(undefined, 1);
    assert.equal((await h.prisma.problem.findUniqueOrThrow({ where: { slug } })).failureDetails, "public");
    assert.deepEqual((await read(id, owner.token)).failure, failure);
    assert.equal((await read(id, other.token)).failure, undefined);
    assert.equal((await read(id)).failure, undefined);
    assert.equal((await read(id, other.token)).verdict, "WA");
    const page = await api<SubmissionPage>(h.base, `/api/submissions?problem=${slug}`, { token: owner.token });
    const item = page.body.items.find((s) => s.id === id);
    assert.ok(item);
    assert.equal(item.failure, undefined);
  });

  test('"public": a hidden test shows only its number to its owner; an admin sees it', async () => {
    const { id, failure } = await failedSubmission("public", 2);
    const view = await read(id, owner.token);
    // null: judged and stored, nothing more will come.
    assert.equal(view.failure, null);
    assert.equal(view.verdict, "WA");
    assert.deepEqual((await read(id, admin)).failure, failure);
  });

  test('"last-input": a hidden test\'s input, expected and output for its owner alone', async () => {
    const { id, failure } = await failedSubmission("last-input", 3);
    assert.deepEqual((await read(id, owner.token)).failure, failure);
    assert.equal((await read(id, other.token)).failure, undefined);
  });

  test('"hidden": nothing beyond the test number, even on a sample', async () => {
    const { id } = await failedSubmission("hidden", 1);
    assert.equal((await read(id, owner.token)).failure, null);
  });

  test("a policy the API does not know is a 400", async () => {
    const res = await api<{ error: { code: string } }>(h.base, "/api/problems", { token: admin, body: { ...sumProblem("sum-bad"), failureDetails: "sometimes" } });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, "VALIDATION");
  });
});
