import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, it } from "vitest";
import { Queue } from "bullmq";
import { queueNames, type SubmissionPage, type SubmissionView } from "@judge/protocol";
import { scoredPackage, zipOf } from "../../packages/problem-package/test/sample-package.ts";
import { checkStream } from "../support/event-stream.ts";
import { eventually } from "../support/eventually.ts";
import { SHARED_REDIS, api, registerUser, startTestStack, submit, type TestStack } from "../support/test-stack.ts";
import { WsTestClient } from "../support/ws-client.ts";

const solutions = {
  python: { ok: "a, b = map(int, input().split())\nprint(a + b)\n", wrong: "a, b = map(int, input().split())\nprint(a - b)\n" },
  cpp: {
    ok: "#include <bits/stdc++.h>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a+b<<\"\\n\";}\n",
    wrong: "#include <bits/stdc++.h>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a*b<<\"\\n\";}\n",
  },
  javascript: {
    ok: 'const [a, b] = require("fs").readFileSync(0, "utf8").trim().split(/\\s+/).map(Number);\nconsole.log(a + b);\n',
    wrong: 'const [a, b] = require("fs").readFileSync(0, "utf8").trim().split(/\\s+/).map(Number);\nconsole.log(a * b + 1);\n',
  },
} as const;

/** An administrator from the environment, to import a problem package. */
const ADMIN = { username: "pipeline-admin", password: "pipeline-admin-password" };

/** The stored submission once the results queue has written it (it follows the socket's verdict). */
async function storedView(stack: TestStack, token: string, id: string): Promise<SubmissionView> {
  return eventually(`${id} stored as done`, async () => {
    const res = await api<SubmissionView>(stack.apiUrl, `/api/submissions/${id}`, { token });
    assert.equal(res.status, 200);
    if (res.body.status !== "done" || !res.body.judgedAt) return undefined;
    const again = await api<SubmissionView>(stack.apiUrl, `/api/submissions/${id}`, { token });
    return again.body.tests.length === res.body.tests.length ? res.body : undefined;
  });
}

describe("the pipeline end to end: api, worker and notifier as real processes", () => {
  let stack: TestStack;
  let alice: { token: string; id: string };
  let bob: { token: string; id: string };
  let aliceWs: WsTestClient;

  beforeAll(async () => {
    stack = await startTestStack({ extraEnv: { ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password } });
    alice = await registerUser(stack.apiUrl);
    bob = await registerUser(stack.apiUrl);
    aliceWs = await WsTestClient.connect(stack.notifierUrl, alice.token);
  });

  afterAll(async () => {
    aliceWs?.close();
    await stack?.teardown();
  });

  for (const language of ["python", "cpp", "javascript"] as const) {
    it(`${language}: an accepted and a wrong a-plus-b stream to the socket and are stored`, async () => {
      const okId = await submit(stack.apiUrl, alice.token, language, solutions[language].ok);
      const wrongId = await submit(stack.apiUrl, alice.token, language, solutions[language].wrong);
      aliceWs.send({ op: "subscribe", submissionId: okId });
      aliceWs.send({ op: "subscribe", submissionId: wrongId });
      await aliceWs.verdict(okId);
      await aliceWs.verdict(wrongId);

      const ok = checkStream(aliceWs.of(okId), { final: true }).view;
      assert.equal(ok.verdict, "AC");
      assert.equal(ok.status, "done");
      assert.ok(ok.total >= 3, "a-plus-b has samples and hidden tests");
      assert.equal(ok.passed, ok.total);
      assert.equal(ok.tests.length, ok.total);
      assert.ok(ok.tests.every((t) => t.verdict === "AC"));

      const wrong = checkStream(aliceWs.of(wrongId), { final: true }).view;
      assert.equal(wrong.verdict, "WA");
      assert.equal(wrong.tests.at(-1)?.verdict, "WA", "judging stops at the first failing test");
      assert.equal(wrong.passed, wrong.tests.length - 1);

      const storedOk = await storedView(stack, alice.token, okId);
      assert.equal(storedOk.verdict, "AC");
      assert.deepEqual(storedOk.tests, ok.tests);
      assert.equal(storedOk.passed, ok.passed);
      assert.equal(storedOk.timeMs, ok.timeMs);
      const storedWrong = await storedView(stack, alice.token, wrongId);
      assert.equal(storedWrong.verdict, "WA");
      assert.deepEqual(storedWrong.tests, wrong.tests);
    });
  }

  it("a scoring package: a solution for small n gets AC with 30 of 100, the score rising on the socket, stored and listed", async () => {
    const login = await api<{ token: string }>(stack.apiUrl, "/api/auth/login", { body: ADMIN });
    assert.equal(login.status, 200, JSON.stringify(login.body));
    const imported = await fetch(`${stack.apiUrl}/api/problems/import?publish=1`, {
      method: "POST",
      headers: { "content-type": "application/zip", authorization: `Bearer ${login.body.token}` },
      body: zipOf(scoredPackage("2023-07"), "doubling"),
    });
    assert.equal(imported.status, 201, await imported.text());
    const carol = await registerUser(stack.apiUrl);
    const ws = await WsTestClient.connect(stack.notifierUrl, carol.token);
    try {
      const id = await submit(stack.apiUrl, carol.token, "python", "n = int(input())\nprint(2 * n if n < 10**6 else 0)\n", "doubling");
      ws.send({ op: "subscribe", submissionId: id });
      await ws.verdict(id);
      const stream = checkStream(ws.of(id), { final: true });
      // the score so far after each test: samples are worth 0, large stops at its first failure
      const live = stream.events.flatMap((e) => (e.kind === "test" ? [[e.result.index, e.result.group, e.score, e.maxScore]] : []));
      assert.deepEqual(live, [
        [1, "sample", 0, 100],
        [2, "secret/large", 0, 100],
        [4, "secret/small", 30, 100],
        [5, "secret/small", 30, 100],
      ]);
      assert.deepEqual([stream.view.verdict, stream.view.score, stream.view.maxScore], ["AC", 30, 100]);
      const stored = await storedView(stack, carol.token, id);
      assert.deepEqual([stored.verdict, stored.score, stored.maxScore], ["AC", 30, 100]);
      assert.deepEqual(stored.tests, stream.view.tests);
      const list = await api<SubmissionPage>(stack.apiUrl, "/api/submissions?problem=doubling&mine=1", { token: carol.token });
      assert.deepEqual(list.body.items.map((s) => [s.id, s.score, s.maxScore]), [[id, 30, 100]]);
    } finally {
      ws.close();
    }
  });

  it("a late subscriber gets the final state as a snapshot", async () => {
    const id = await submit(stack.apiUrl, alice.token, "python", solutions.python.ok);
    aliceWs.send({ op: "subscribe", submissionId: id });
    await aliceWs.verdict(id);
    const late = await WsTestClient.connect(stack.notifierUrl, alice.token);
    try {
      late.send({ op: "subscribe", submissionId: id });
      const snapshot = await late.snapshot(id);
      assert.ok(snapshot.type === "snapshot");
      assert.equal(snapshot.submission.status, "done");
      assert.equal(snapshot.submission.verdict, "AC");
    } finally {
      late.close();
    }
  });

  it("refuses a subscription to someone else's submission with an error", async () => {
    const id = await submit(stack.apiUrl, alice.token, "python", solutions.python.ok);
    const bobWs = await WsTestClient.connect(stack.notifierUrl, bob.token);
    try {
      bobWs.send({ op: "subscribe", submissionId: id });
      const refusal = await bobWs.until("a refusal", (m) => m.type === "error");
      assert.ok(refusal.type === "error");
      assert.equal(refusal.code, "FORBIDDEN");
      assert.ok(!bobWs.messages.some((m) => m.type === "snapshot" || m.type === "event"), "nothing of alice's leaks");
    } finally {
      bobWs.close();
    }
  });

  it("shows a submission's code to its owner only; its verdict to anyone", async () => {
    const id = await submit(stack.apiUrl, alice.token, "python", solutions.python.ok);
    const own = await api<SubmissionView>(stack.apiUrl, `/api/submissions/${id}`, { token: alice.token });
    assert.equal(own.body.code, solutions.python.ok);
    const other = await api<SubmissionView>(stack.apiUrl, `/api/submissions/${id}`, { token: bob.token });
    assert.equal(other.status, 200);
    assert.equal(other.body.id, id);
    assert.equal(other.body.code, undefined);
    const anonymous = await api<SubmissionView>(stack.apiUrl, `/api/submissions/${id}`);
    assert.equal(anonymous.body.code, undefined);
    const list = await api<{ items: SubmissionView[] }>(stack.apiUrl, "/api/submissions?mine=1", { token: alice.token });
    assert.ok(list.body.items.some((s) => s.id === id));
    assert.ok(list.body.items.every((s) => s.code === undefined), "lists never carry code");
  });

  it("a multi-file C++ submission is judged AC, and its owner alone reads its files", async () => {
    const files = [
      { name: "sum.h", content: "long long sum(long long a, long long b);\n" },
      { name: "sum.cpp", content: '#include "sum.h"\nlong long sum(long long a, long long b) { return a + b; }\n' },
      { name: "main.cpp", content: '#include <iostream>\n#include "sum.h"\nint main() { long long a, b; std::cin >> a >> b; std::cout << sum(a, b) << "\\n"; }\n' },
    ];
    const res = await api<{ id: string }>(stack.apiUrl, "/api/submissions", {
      token: alice.token,
      body: { problem: "a-plus-b", language: "cpp", files },
    });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const stored = await storedView(stack, alice.token, res.body.id);
    assert.equal(stored.verdict, "AC", stored.compileOutput ?? "");
    assert.equal(stored.passed, stored.total);
    assert.deepEqual(stored.files, files);
    assert.equal(stored.code, files[2]!.content, "the main file as code");
    const other = await api<SubmissionView>(stack.apiUrl, `/api/submissions/${res.body.id}`, { token: bob.token });
    assert.equal(other.body.files, undefined);
  });

  it("npm run submit sends several files and waits for the verdict on the socket", async () => {
    const dir = await mkdtemp(join(tmpdir(), "submit-cli-"));
    try {
      await writeFile(join(dir, "arith.py"), "def add(a, b):\n    return a + b\n");
      await writeFile(join(dir, "main.py"), "import arith\nprint(arith.add(*map(int, input().split())))\n");
      const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          ["--import", "tsx", "scripts/submit.ts", "--problem", "a-plus-b", "--language", "python", "--url", stack.apiUrl,
            "--ws-url", stack.notifierUrl, join(dir, "main.py"), join(dir, "arith.py")],
          { cwd: fileURLToPath(new URL("../..", import.meta.url)), env: { ...process.env, JUDGE_TOKEN: alice.token } },
          (error, stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr }),
        );
      });
      assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
      assert.match(run.stdout, /^AC \(\d+\/\d+ tests/m);
      const id = /submitted (\S+)/.exec(run.stdout)?.[1];
      assert.ok(id, run.stdout);
      const stored = await api<SubmissionView>(stack.apiUrl, `/api/submissions/${id}`, { token: alice.token });
      assert.deepEqual(stored.body.files?.map((f) => f.name), ["main.py", "arith.py"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("an infinite loop gets TLE and the worker goes on judging", async () => {
    const loopId = await submit(stack.apiUrl, alice.token, "python", "while True:\n    pass\n");
    const nextId = await submit(stack.apiUrl, alice.token, "python", solutions.python.ok);
    aliceWs.send({ op: "subscribe", submissionId: loopId });
    aliceWs.send({ op: "subscribe", submissionId: nextId });
    await aliceWs.verdict(loopId, 90_000);
    await aliceWs.verdict(nextId, 90_000);
    assert.equal(checkStream(aliceWs.of(loopId), { final: true }).view.verdict, "TLE");
    assert.equal(checkStream(aliceWs.of(nextId), { final: true }).view.verdict, "AC");
  });

  it("bad requests get a 4xx with the error shape and enqueue nothing", async () => {
    const queue = new Queue(queueNames.judge, { connection: { url: SHARED_REDIS }, prefix: stack.prefix });
    const count = async () => Object.values(await queue.getJobCounts()).reduce((a, b) => a + b, 0);
    try {
      const before = await count();
      const cases: { name: string; status: number; code: string; init: Parameters<typeof api>[2] }[] = [
        { name: "no token", status: 401, code: "UNAUTHORIZED", init: { body: { problem: "a-plus-b", language: "python", code: "print(1)" } } },
        { name: "missing fields", status: 400, code: "VALIDATION", init: { token: alice.token, body: { problem: "a-plus-b" } } },
        { name: "unknown language", status: 400, code: "VALIDATION", init: { token: alice.token, body: { problem: "a-plus-b", language: "cobol", code: "x" } } },
        { name: "unknown problem", status: 404, code: "NOT_FOUND", init: { token: alice.token, body: { problem: "no-such-problem", language: "python", code: "x" } } },
        { name: "code over 64 KiB", status: 400, code: "VALIDATION", init: { token: alice.token, body: { problem: "a-plus-b", language: "python", code: "#".repeat(64 * 1024 + 1) } } },
        { name: "body over the limit", status: 413, code: "PAYLOAD_TOO_LARGE", init: { token: alice.token, body: { problem: "a-plus-b", language: "python", code: "#".repeat(400 * 1024) } } },
        { name: "malformed JSON", status: 400, code: "VALIDATION", init: { token: alice.token, rawBody: '{"problem": "a-plus-b",' } },
        { name: "a JSON array", status: 400, code: "VALIDATION", init: { token: alice.token, rawBody: "[1,2,3]" } },
      ];
      for (const c of cases) {
        const res = await api<{ error: { code: string; message: string } }>(stack.apiUrl, "/api/submissions", { method: "POST", ...c.init });
        assert.equal(res.status, c.status, `${c.name}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.error.code, c.code, c.name);
        assert.ok(res.body.error.message.length > 0, `${c.name} has a message`);
      }
      assert.equal(await count(), before, "no job was enqueued");
      const mine = await api<{ items: SubmissionView[] }>(stack.apiUrl, "/api/submissions?mine=1&limit=100", { token: alice.token });
      assert.ok(mine.body.items.every((s) => s.problem === "a-plus-b"), "no submission was stored for a bad request");
    } finally {
      await queue.close();
    }
  });

  it("serves languages, problems and a problem with its samples", async () => {
    const languages = await api<{ id: string }[]>(stack.apiUrl, "/api/languages");
    assert.equal(languages.status, 200);
    for (const id of ["python", "cpp", "javascript"]) assert.ok(languages.body.some((l) => l.id === id), id);
    const list = await api<{ items: { slug: string }[] }>(stack.apiUrl, "/api/problems");
    assert.ok(list.body.items.length >= 5);
    const detail = await api<{ samples: unknown[]; languages: { starter: string }[] }>(stack.apiUrl, "/api/problems/a-plus-b");
    assert.equal(detail.status, 200);
    assert.ok(detail.body.samples.length >= 1);
    assert.ok(detail.body.languages.every((l) => l.starter.length > 0));
  });
});
