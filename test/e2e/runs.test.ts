import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { SubmissionView } from "@judge/protocol";
import { api, registerUser, startTestStack, type TestStack } from "../support/test-stack.ts";
import { WsTestClient } from "../support/ws-client.ts";

describe("the Run button: one run on custom input, streamed with its output", () => {
  let stack: TestStack;
  let alice: { token: string };
  let bob: { token: string };
  let ws: WsTestClient;

  beforeAll(async () => {
    stack = await startTestStack();
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
});
