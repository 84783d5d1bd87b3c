import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { zipSync } from "fflate";
import { afterAll, beforeAll, test } from "vitest";
import { type ProblemDetail, type RunJob, type TestBundle, queueNames } from "@judge/protocol";
import { SHARED_REDIS } from "../../../test/support/test-stack.ts";
import { api, registerUser, startApiHarness, type ApiHarness } from "./support/api-harness.ts";

const encoder = new TextEncoder();
const interactor = "import sys\nsecret = int(open(sys.argv[1]).read())\nprint('go', flush=True)\nsys.exit(42 if int(input()) == secret else 43)\n";

/** A 2023-07 interactive package of our own: the validator directory is its interactor. */
function interactiveZip(top: string): Uint8Array {
  const files: Record<string, string> = {
    "problem.yaml": "problem_format_version: 2023-07-draft\nname: Echo The Secret\ntype: interactive\n",
    "statement/problem.en.md": "# Echo The Secret\n\nRead `go`, then print the secret.\n",
    "data/sample/1.in": "7\n",
    "data/sample/1.ans": "",
    "data/secret/1.in": "12\n",
    "data/secret/1.ans": "",
    "output_validator/interactor.py": interactor,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([p, c]) => [`${top}/${p}`, encoder.encode(c)])));
}

let h: ApiHarness;
let admin: string;
const workerToken = randomUUID();
beforeAll(async () => {
  h = await startApiHarness({ WORKER_TOKEN: workerToken });
  await h.offerLanguages();
  admin = await h.adminToken();
});
afterAll(async () => {
  await h?.close();
});

test("an imported interactive package: its detail says so, the bundle carries the interactor, and a Run queues its input for the interactor", async () => {
  const imported = await fetch(`${h.base}/api/problems/import?publish=1`, {
    method: "POST",
    headers: { "content-type": "application/zip", authorization: `Bearer ${admin}` },
    body: interactiveZip("echo-secret"),
  });
  assert.equal(imported.status, 201, await imported.clone().text());
  const row = await h.prisma.problem.findUniqueOrThrow({ where: { slug: "echo-secret" } });
  assert.deepEqual(row.checker, { kind: "interactor", language: "python", source: interactor });

  const detail = await api<ProblemDetail>(h.base, "/api/problems/echo-secret");
  assert.equal(detail.body.interactive, true);
  assert.equal((await api<ProblemDetail>(h.base, "/api/problems/a-plus-b")).body.interactive, undefined);

  const bundle = await api<TestBundle>(h.base, `/internal/problems/${row.id}/bundle`, { token: workerToken });
  assert.equal(bundle.status, 200);
  assert.equal(bundle.body.checker.kind, "interactor");
  assert.deepEqual(bundle.body.tests.map((t) => t.input), ["7\n", "12\n"]);

  const user = await registerUser(h.base);
  const queue = new Queue<RunJob>(queueNames.judge, { connection: { url: SHARED_REDIS }, prefix: h.prefix });
  try {
    const res = await api<{ id: string }>(h.base, "/api/runs", { token: user.token, body: { problem: "echo-secret", language: "python", code: "input()\nprint(3)\n", input: "3\n" } });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const job = await queue.getJob(res.body.id);
    assert.deepEqual(job?.data.interactive, { problemId: row.id, testsHash: row.testsHash });
    assert.equal(job?.data.function, undefined);
    assert.equal(job?.data.input, "3\n");

    const plain = await api<{ id: string }>(h.base, "/api/runs", { token: user.token, body: { problem: "a-plus-b", language: "python", code: "print(3)\n", input: "1 2\n" } });
    assert.equal(plain.status, 202, JSON.stringify(plain.body));
    assert.equal((await queue.getJob(plain.body.id))?.data.interactive, undefined);
  } finally {
    await queue.close();
  }
});
