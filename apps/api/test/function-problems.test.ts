import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, test } from "vitest";
import { recordResult } from "../src/results/record-result.ts";
import { functionLanguages } from "@judge/function-problems";
import {
  type CaseReport,
  type LanguageInfo,
  type ProblemDetail,
  type RunJob,
  type Signature,
  type SubmissionPage,
  type SubmissionView,
  type TestBundle,
  queueNames,
} from "@judge/protocol";
import { SHARED_REDIS } from "../../../test/support/test-stack.ts";
import { api, registerUser, startApiHarness, type ApiHarness } from "./support/api-harness.ts";

type ErrorReply = { error: { code: string; message: string } };

const OFFERED: LanguageInfo[] = [
  { id: "python", name: "Python", version: "3.11" },
  { id: "cpp", name: "C++", version: "17" },
  { id: "java", name: "Java", version: "17" },
  { id: "haskell", name: "Haskell", version: "9" },
  { id: "lua", name: "Lua", version: "5.4" },
  { id: "scala", name: "Scala", version: "2.11.12" },
  { id: "prolog", name: "Prolog", version: "SWI-Prolog 9.0.4" },
];
/** A language every fleet may offer that has no LeetCode convention, now or after any merge. */
const NO_CONVENTION = "haskell";
/** A language with a driver. */
const SUPPORTED = "python";

const addTwo: Signature = {
  kind: "function",
  name: "addTwo",
  params: [
    { name: "a", type: "integer" },
    { name: "b", type: "integer" },
  ],
  returns: "integer",
};

function addTwoProblem(slug: string, overrides: Record<string, unknown> = {}) {
  return {
    slug,
    title: "Add Two",
    difficulty: "easy",
    statement: "Return `a + b`.",
    limits: { timeMs: 1000, memoryKb: 64 * 1024 },
    kind: "function",
    signature: addTwo,
    references: [{ language: "python", code: "class Solution:\n    def addTwo(self, a: int, b: int) -> int:\n        return a + b\n" }],
    samples: [{ input: "1\n2", output: "3" }],
    tests: [
      { input: "5\n-5", output: "0" },
      { input: "2147483647\n0", output: "2147483647" },
    ],
    published: true,
    ...overrides,
  };
}

function addTwoFile(slug: string, overrides: Record<string, unknown> = {}) {
  return {
    format: "judge/function-problem@1",
    slug,
    title: "Add Two",
    difficulty: "easy",
    tags: ["math"],
    statement: "Return `a + b`.",
    limits: { timeMs: 1000, memoryKb: 64 * 1024 },
    signature: addTwo,
    examples: [{ args: [1, 2], expected: 3 }],
    tests: [
      { args: [5, -5], expected: 0 },
      { args: [7, 8], expected: 15 },
    ],
    references: [{ language: "cpp", code: "class Solution {\npublic:\n    int addTwo(int a, int b) { return a + b; }\n};\n" }],
    ...overrides,
  };
}

describe("function problems through the API", () => {
  let h: ApiHarness;
  let admin: string;
  let user: { token: string; id: string };
  const workerToken = randomUUID();

  beforeAll(async () => {
    h = await startApiHarness({ WORKER_TOKEN: workerToken });
    await h.offerLanguages(OFFERED);
    admin = await h.adminToken();
    user = await registerUser(h.base);
  });
  afterAll(() => h?.close());

  test("GET /api/problems/two-sum: kind, LeetCode's signature, starters from the registry, the rest listed as unsupported", async () => {
    const res = await api<ProblemDetail>(h.base, "/api/problems/two-sum");
    assert.equal(res.status, 200);
    const detail = res.body;
    assert.equal(detail.kind, "function");
    assert.deepEqual(detail.signature, {
      kind: "function",
      name: "twoSum",
      params: [
        { name: "nums", type: "integer[]" },
        { name: "target", type: "integer" },
      ],
      returns: "integer[]",
    });
    assert.deepEqual(detail.samples[0], { input: "[2,7,11,15]\n9", output: "[0,1]" });
    for (const lang of detail.languages) {
      const module = functionLanguages[lang.id];
      assert.ok(module, `${lang.id} is offered for a function problem without a driver`);
      assert.equal(lang.starter, module.starter(detail.signature!));
    }
    const unsupported = detail.unsupportedLanguages ?? [];
    for (const id of ["haskell", "lua", "prolog", "scala"] as const) {
      const entry = unsupported.find((u) => u.id === id);
      assert.ok(entry, `${id} is not listed as unsupported`);
      assert.match(entry.reason, /LeetCode/);
    }
    // LeetCode has a Scala convention: what is missing is this judge's driver.
    assert.match(unsupported.find((u) => u.id === "scala")!.reason, /no driver/);
    // Every offered language lands in exactly one of the two lists.
    assert.deepEqual([...detail.languages.map((l) => l.id), ...unsupported.map((u) => u.id)].sort(), OFFERED.map((l) => l.id).sort());
  });

  test("a stdin problem's detail is as before: no kind, no signature, every language with its stdin starter", async () => {
    const res = await api<ProblemDetail>(h.base, "/api/problems/a-plus-b");
    assert.equal(res.status, 200);
    assert.equal(res.body.kind, undefined);
    assert.equal(res.body.signature, undefined);
    assert.equal(res.body.unsupportedLanguages, undefined);
    assert.equal(res.body.languages.length, OFFERED.length);
  });

  test("POST /api/problems creates a function problem; a bad signature or a test that does not fit is a 400 naming the problem", async () => {
    const slug = `add-two-${randomUUID().slice(0, 8)}`;
    const created = await api(h.base, "/api/problems", { token: admin, body: addTwoProblem(slug) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const detail = await api<ProblemDetail>(h.base, `/api/problems/${slug}`);
    assert.equal(detail.body.kind, "function");
    assert.deepEqual(detail.body.signature, addTwo);

    const voidWithoutOutput = await api<ErrorReply>(h.base, "/api/problems", {
      token: admin,
      body: addTwoProblem(`${slug}-v`, { signature: { ...addTwo, returns: "void" } }),
    });
    assert.equal(voidWithoutOutput.status, 400);
    assert.match(voidWithoutOutput.body.error.message, new RegExp(`problem "${slug}-v".*signature.output`));

    const badType = await api<ErrorReply>(h.base, "/api/problems", {
      token: admin,
      body: addTwoProblem(`${slug}-t`, { signature: { ...addTwo, returns: "int" } }),
    });
    assert.equal(badType.status, 400);
    assert.match(badType.body.error.message, new RegExp(`problem "${slug}-t".*signature`));

    const badArg = await api<ErrorReply>(h.base, "/api/problems", {
      token: admin,
      body: addTwoProblem(`${slug}-a`, { tests: [{ input: "5\n-5", output: "0" }, { input: "1\n\"two\"", output: "3" }] }),
    });
    assert.equal(badArg.status, 400);
    assert.equal(badArg.body.error.code, "VALIDATION");
    assert.match(badArg.body.error.message, new RegExp(`problem "${slug}-a".*test 2 \\(tests\\[1\\]\\).*b: expected a 32-bit integer`));

    const tooBig = await api<ErrorReply>(h.base, "/api/problems", {
      token: admin,
      body: addTwoProblem(`${slug}-o`, { samples: [{ input: "1\n2147483648", output: "3" }] }),
    });
    assert.equal(tooBig.status, 400);
    assert.match(tooBig.body.error.message, /example 1 .*b: expected a 32-bit integer/);

    const badExpected = await api<ErrorReply>(h.base, "/api/problems", {
      token: admin,
      body: addTwoProblem(`${slug}-e`, { tests: [{ input: "1\n2", output: "[3]" }] }),
    });
    assert.equal(badExpected.status, 400);
    assert.match(badExpected.body.error.message, /test 1 .*expected: expected a 32-bit integer/);

    const noReference = await api<ErrorReply>(h.base, "/api/problems", { token: admin, body: addTwoProblem(`${slug}-r`, { references: [] }) });
    assert.equal(noReference.status, 400);
    assert.match(noReference.body.error.message, /references/);
    assert.equal(await h.prisma.problem.count({ where: { slug: { startsWith: `${slug}-` } } }), 0);
  });

  test("POST /api/problems/import-function stores the one-file format; a test that does not fit is a 400 naming the problem and the test", async () => {
    const slug = `add-file-${randomUUID().slice(0, 8)}`;
    const created = await api<{ slug: string; tests: number }>(h.base, "/api/problems/import-function?publish=1", { token: admin, body: addTwoFile(slug) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.tests, 3);
    const detail = await api<ProblemDetail>(h.base, `/api/problems/${slug}`);
    assert.equal(detail.status, 200);
    assert.deepEqual(detail.body.samples, [{ input: "1\n2", output: "3" }]);
    assert.deepEqual(detail.body.tags, ["math"]);

    const replaced = await api(h.base, "/api/problems/import-function", { token: admin, body: addTwoFile(slug, { title: "Add Two Again" }) });
    assert.equal(replaced.status, 200);

    const badArgs = await api<ErrorReply>(h.base, "/api/problems/import-function", {
      token: admin,
      body: addTwoFile(`${slug}-x`, { tests: [{ args: [1, 2], expected: 3 }, { args: [1], expected: 1 }] }),
    });
    assert.equal(badArgs.status, 400);
    assert.match(badArgs.body.error.message, new RegExp(`problem "${slug}-x".*test 2 .*expected 2 line`));

    const wrongFormat = await api<ErrorReply>(h.base, "/api/problems/import-function", { token: admin, body: addTwoFile(`${slug}-f`, { format: "judge/function-problem@9" }) });
    assert.equal(wrongFormat.status, 400);
    assert.match(wrongFormat.body.error.message, new RegExp(`problem "${slug}-f".*format`));

    const forbidden = await api(h.base, "/api/problems/import-function", { token: user.token, body: addTwoFile(`${slug}-u`) });
    assert.equal(forbidden.status, 403);
  });

  test("POST /api/submissions in a language without a LeetCode convention: 400 that says why", async () => {
    const res = await api<ErrorReply>(h.base, "/api/submissions", {
      token: user.token,
      body: { problem: "two-sum", language: NO_CONVENTION, code: "main = pure ()" },
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, "VALIDATION");
    assert.match(res.body.error.message, /"two-sum" is a function problem and haskell cannot take it/);
    assert.equal(await h.prisma.submission.count({ where: { language: NO_CONVENTION } }), 0);
  });

  test("POST /api/submissions with files on a function problem: 400, the class goes as code", async () => {
    const res = await api<ErrorReply>(h.base, "/api/submissions", {
      token: user.token,
      body: { problem: "two-sum", language: "python", files: [{ name: "solution.py", content: "class Solution: pass\n" }] },
    });
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.match(res.body.error.message, /two-sum is a function problem: send your class as code, not files/);
  });

  test("POST /api/runs on a function problem checks the Testcase input against the signature first", async () => {
    const language = SUPPORTED;
    const run = (input: string) => api<ErrorReply>(h.base, "/api/runs", { token: user.token, body: { problem: "two-sum", language, code: "x", input } });
    const odd = await run("[2,7,11,15]\n9\n[1,2]");
    assert.equal(odd.status, 400);
    assert.match(odd.body.error.message, /input: each case has 2 lines/);
    const notJson = await run("[2,7,11,15]\nnine");
    assert.equal(notJson.status, 400);
    assert.match(notJson.body.error.message, /case 1, line 2: not JSON/);
    const wrongType = await run("[2,7,11,15]\n9\n[1,2.5]\n3");
    assert.equal(wrongType.status, 400);
    assert.match(wrongType.body.error.message, /nums\[1\]: expected a 32-bit integer/);
    const tooMany = await run(Array.from({ length: 33 }, () => "[1,2]\n3").join("\n"));
    assert.equal(tooMany.status, 400);
    assert.match(tooMany.body.error.message, /at most 32 test cases/);
    const empty = await run("\n");
    assert.equal(empty.status, 400);
  });

  test("POST /api/runs in a language without a convention is refused once the input is fine", async () => {
    const res = await api<ErrorReply>(h.base, "/api/runs", {
      token: user.token,
      body: { problem: "two-sum", language: NO_CONVENTION, code: "main = pure ()", input: "[2,7,11,15]\n9" },
    });
    assert.equal(res.status, 400);
    assert.match(res.body.error.message, /cannot take it/);
  });

  test("POST /api/runs queues a RunJob that names the problem and its bundle", async () => {
    const queue = new Queue<RunJob>(queueNames.judge, { connection: { url: SHARED_REDIS }, prefix: h.prefix });
    try {
      const input = "[2,7,11,15]\n9\n\n[3,3]\n6";
      const res = await api<{ id: string }>(h.base, "/api/runs", { token: user.token, body: { problem: "two-sum", language: SUPPORTED, code: "x", input } });
      assert.equal(res.status, 202, JSON.stringify(res.body));
      const job = await queue.getJob(res.body.id);
      const problem = await h.prisma.problem.findUniqueOrThrow({ where: { slug: "two-sum" } });
      assert.deepEqual(job?.data.function, { problemId: problem.id, testsHash: problem.testsHash });
      assert.equal(job?.data.input, input);
      const view = await api<SubmissionView>(h.base, `/api/runs/${res.body.id}`, { token: user.token });
      assert.equal(view.body.total, 2);
    } finally {
      await queue.close();
    }
  });

  test("a stored failure is the owner's and the admins' alone, and never in lists", async () => {
    const problem = await h.prisma.problem.findUniqueOrThrow({ where: { slug: "two-sum" } });
    const id = randomUUID();
    await h.prisma.submission.create({ data: { id, userId: user.id, problemId: problem.id, language: "python", code: "class Solution: pass", status: "running" } });
    const failure: CaseReport = { index: 4, input: "[1,2]\n3", output: "[1,0]", expected: "[0,1]", stdout: "secret print\n", verdict: "WA" };
    const stored = await recordResult(h.prisma, {
      v: 1,
      submissionId: id,
      verdict: "WA",
      passed: 3,
      total: 34,
      timeMs: 12,
      memoryKb: 9000,
      compileOutput: null,
      tests: [],
      failure,
      judgedAt: new Date().toISOString(),
      workerId: "w",
      judging: 1,
    });
    assert.ok(stored);
    const other = await registerUser(h.base);
    const read = (token?: string) => api<SubmissionView>(h.base, `/api/submissions/${id}`, { token });
    assert.deepEqual((await read(user.token)).body.failure, failure);
    assert.deepEqual((await read(admin)).body.failure, failure);
    assert.equal((await read(other.token)).body.failure, undefined);
    assert.equal((await read()).body.failure, undefined);
    assert.equal((await read(other.token)).body.verdict, "WA");
    for (const token of [user.token, admin]) {
      const page = await api<SubmissionPage>(h.base, "/api/submissions?problem=two-sum", { token });
      const item = page.body.items.find((s) => s.id === id);
      assert.ok(item);
      assert.equal(item.failure, undefined);
    }
    // A rejudge starts the judging afresh: the old failure goes with the old verdict.
    const rejudged = await api(h.base, `/api/submissions/${id}/rejudge`, { token: admin, body: {} });
    assert.equal(rejudged.status, 202);
    assert.equal((await h.prisma.submission.findUniqueOrThrow({ where: { id } })).failure, null);
  });

  test("the bundle carries the function spec, and changing a reference solution changes its hash", async () => {
    const slug = `add-bundle-${randomUUID().slice(0, 8)}`;
    assert.equal((await api(h.base, "/api/problems", { token: admin, body: addTwoProblem(slug) })).status, 201);
    const bundleOf = async () => {
      const row = await h.prisma.problem.findUniqueOrThrow({ where: { slug } });
      const res = await api<TestBundle>(h.base, `/internal/problems/${row.id}/bundle`, { token: workerToken });
      assert.equal(res.status, 200);
      assert.equal(res.body.hash, row.testsHash);
      return res.body;
    };
    const first = await bundleOf();
    assert.deepEqual(first.function?.signature, addTwo);
    assert.equal(first.function?.comparison.anyOrder, 0);
    assert.equal(first.function?.references[0]?.language, "python");
    assert.deepEqual(first.tests[0], { input: "1\n2", output: "3" });
    const code = "class Solution:\n    def addTwo(self, a: int, b: int) -> int:\n        return b + a\n";
    const put = await api(h.base, `/api/problems/${slug}`, { method: "PUT", token: admin, body: addTwoProblem(slug, { references: [{ language: "python", code }] }) });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const second = await bundleOf();
    assert.notEqual(second.hash, first.hash);
    assert.equal(second.function?.references[0]?.code, code);
    const anyOrder = await api(h.base, `/api/problems/${slug}`, { method: "PUT", token: admin, body: addTwoProblem(slug, { references: [{ language: "python", code }], comparison: { anyOrder: 1 } }) });
    assert.equal(anyOrder.status, 200);
    assert.notEqual((await bundleOf()).hash, second.hash);
    // A stdin problem's bundle has no function part.
    const stdin = await h.prisma.problem.findUniqueOrThrow({ where: { slug: "a-plus-b" } });
    const plain = await api<TestBundle>(h.base, `/internal/problems/${stdin.id}/bundle`, { token: workerToken });
    assert.equal(plain.body.function, undefined);
  });
});
