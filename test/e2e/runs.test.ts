import assert from "node:assert/strict";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { ProblemDetail, SubmissionView } from "@judge/protocol";
import { api, registerUser, startTestStack, type TestStack } from "../support/test-stack.ts";
import { WsTestClient } from "../support/ws-client.ts";

const ADMIN = { username: "runs-admin", password: "runs-admin-password" };

/**
 * An interactive package of our own (2023-07 layout): the interactor reads the secret from its
 * input file, says "go", and accepts the submission that answers with the secret.
 */
function interactivePackage(): Uint8Array {
  const encoder = new TextEncoder();
  const files: Record<string, string> = {
    "problem.yaml": "problem_format_version: 2023-07-draft\nname: Say The Secret\ntype: interactive\n",
    "statement/problem.en.md": "# Say The Secret\n\nAfter `go`, print the secret the interactor asks for: `secret?` then the number it tells you.\n",
    "data/secret/1.in": "12\n",
    "data/secret/1.ans": "",
    "data/secret/2.in": "34\n",
    "data/secret/2.ans": "",
    "output_validator/interactor.py": [
      "import os, sys",
      "secret = open(sys.argv[1]).read().strip()",
      "print('secret?', secret, flush=True)",
      "ok = sys.stdin.readline().strip() == secret",
      "open(os.path.join(sys.argv[3], 'judgemessage.txt'), 'w').write('told ' + secret + '\\n')",
      "sys.exit(42 if ok else 43)",
      "",
    ].join("\n"),
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([p, c]) => [`say-secret/${p}`, encoder.encode(c)])));
}

describe("the Run button: one run on custom input, streamed with its output", () => {
  let stack: TestStack;
  let alice: { token: string };
  let bob: { token: string };
  let ws: WsTestClient;

  beforeAll(async () => {
    stack = await startTestStack({ extraEnv: { ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password } });
    alice = await registerUser(stack.apiUrl);
    bob = await registerUser(stack.apiUrl);
    ws = await WsTestClient.connect(stack.notifierUrl, alice.token);
  });
  afterAll(async () => {
    ws?.close();
    await stack?.teardown();
  });

  async function run(body: Record<string, unknown>) {
    const res = await api<{ id: string; status: string }>(stack.apiUrl, "/api/runs", { token: alice.token, body });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    ws.send({ op: "subscribe", submissionId: res.body.id });
    const verdict = await ws.verdict(res.body.id);
    assert.ok(verdict.type === "event" && verdict.kind === "verdict");
    return { id: res.body.id, verdict };
  }

  it("prints what the program wrote for the given input, under the problem's limits", async () => {
    const { id, verdict } = await run({
      problem: "a-plus-b",
      language: "python",
      code: "import sys\na, b = map(int, input().split())\nprint(a + b)\nprint('note', file=sys.stderr)\n",
      input: "40 2\n",
    });
    assert.equal(verdict.verdict, "AC");
    assert.equal(verdict.output?.stdout, "42\n");
    assert.equal(verdict.output?.stderr, "note\n");
    assert.equal(verdict.output?.exitCode, 0);
    const stored = await api<SubmissionView>(stack.apiUrl, `/api/runs/${id}`, { token: alice.token });
    assert.equal(stored.body.kind, "run");
    assert.equal(stored.body.status, "done");
    assert.equal(stored.body.output?.stdout, "42\n");
    const notMine = await api(stack.apiUrl, `/api/runs/${id}`, { token: bob.token });
    assert.equal(notMine.status, 404, "someone else's run is not found");
  });

  it("reports a runtime error with the program's stderr, and a compile error with the compiler's", async () => {
    const crashed = await run({ language: "python", code: "raise SystemExit('boom')\n", input: "" });
    assert.equal(crashed.verdict.verdict, "RE");
    assert.match(crashed.verdict.output?.stderr ?? "", /boom/);
    const broken = await run({ language: "cpp", code: "int main() { return nope; }\n", input: "" });
    assert.equal(broken.verdict.verdict, "CE");
    assert.match(broken.verdict.compileOutput ?? "", /nope/);
  });

  it("refuses bad runs with a 4xx", async () => {
    const noInput = await api<{ error: { code: string } }>(stack.apiUrl, "/api/runs", {
      token: alice.token,
      body: { language: "python", code: "print(1)" },
    });
    assert.equal(noInput.status, 400);
    assert.equal(noInput.body.error.code, "VALIDATION");
    const anonymous = await api(stack.apiUrl, "/api/runs", { body: { language: "python", code: "print(1)", input: "" } });
    assert.equal(anonymous.status, 401);
    const tooBig = await api(stack.apiUrl, "/api/runs", {
      token: alice.token,
      body: { language: "python", code: "print(1)", input: "x".repeat(64 * 1024 + 1) },
    });
    assert.equal(tooBig.status, 400);
  });

  it("on an interactive problem: the submission talks to the interactor test by test, and Run shows the interactor's message", async () => {
    const admin = await api<{ token: string }>(stack.apiUrl, "/api/auth/login", { body: ADMIN });
    assert.equal(admin.status, 200);
    const imported = await fetch(`${stack.apiUrl}/api/problems/import?publish=1`, {
      method: "POST",
      headers: { "content-type": "application/zip", authorization: `Bearer ${admin.body.token}` },
      body: interactivePackage(),
    });
    assert.equal(imported.status, 201, await imported.clone().text());
    const detail = await api<ProblemDetail>(stack.apiUrl, "/api/problems/say-secret");
    assert.equal(detail.body.interactive, true, "the web app is told not to compare a run's stdout with the samples");

    const code = "import sys\nwords = input().split()\nprint(words[1], flush=True)\nprint('asked', words[0], file=sys.stderr)\n";
    const submitted = await api<{ id: string }>(stack.apiUrl, "/api/submissions", { token: alice.token, body: { problem: "say-secret", language: "python", code } });
    assert.equal(submitted.status, 202, JSON.stringify(submitted.body));
    ws.send({ op: "subscribe", submissionId: submitted.body.id });
    const judged = await ws.verdict(submitted.body.id);
    assert.equal(judged.verdict, "AC", stack.logs.slice(-20).join("\n"));
    const tests = ws.of(submitted.body.id).filter((m) => m.type === "event" && m.kind === "test");
    assert.equal(tests.length, 2, "each test's result is pushed live");

    const { verdict } = await run({ problem: "say-secret", language: "python", code, input: "77\n" });
    assert.equal(verdict.verdict, "AC");
    assert.equal(verdict.output?.stdout, "told 77\n");
    assert.equal(verdict.output?.stderr, "asked secret?\n");
    const wrong = await run({ problem: "say-secret", language: "python", code: "input()\nprint(0)\n", input: "77\n" });
    assert.equal(wrong.verdict.verdict, "WA");
  });
});
