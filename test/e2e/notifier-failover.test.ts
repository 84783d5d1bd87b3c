/**
 * A notifier process killed (SIGKILL, no 1001, no goodbye) while a submission is being
 * judged: the client reconnects to the fleet's second instance with `lastSeq` and still
 * sees every step and the verdict, exactly once, in seq order.
 */
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { SubmissionView } from "@judge/protocol";
import { checkStream } from "../support/event-stream.ts";
import { api, registerUser, startTestStack, type TestStack } from "../support/test-stack.ts";
import { WsTestClient } from "../support/ws-client.ts";

/** Slow enough to be mid-judging when the notifier dies: about 0.2 s of wall time per test (CPU stays idle). */
const SLOW_SUM = "import time\ntime.sleep(0.2)\na, b = map(int, input().split())\nprint(a + b)\n";

describe("notifier failover", { timeout: 180_000 }, () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ workers: 1, workerConcurrency: 1 });
  });
  afterAll(async () => {
    await stack?.teardown();
  });

  it("a client of a killed notifier resumes on another instance and loses nothing", async () => {
    const second = await stack.addNotifier();
    const user = await registerUser(stack.apiUrl);
    const first = await WsTestClient.connect(stack.notifierUrl, user.token);
    const submitted = await api<{ id: string }>(stack.apiUrl, "/api/submissions", {
      token: user.token,
      body: { problem: "a-plus-b", language: "python", code: SLOW_SUM },
    });
    assert.equal(submitted.status, 202, JSON.stringify(submitted.body));
    const id = submitted.body.id;
    first.send({ op: "subscribe", submissionId: id });

    // Mid-judging: the second test's result is out, the verdict is not.
    await first.until("the second test's result", (m) => m.type === "event" && m.submissionId === id && m.kind === "test" && m.result.index >= 2);
    stack.notifier.kill("SIGKILL");
    assert.equal(await stack.notifier.exited, "SIGKILL");
    assert.equal(await first.closed(), 1006, "a killed process sends no close frame");

    const before = first.of(id);
    assert.ok(!first.hasVerdict(id), "the notifier died before the verdict, so the resume has something to deliver");
    const lastSeq = before.reduce((seq, m) => (m.type === "error" ? seq : Math.max(seq, m.seq)), 0);

    const resumed = await WsTestClient.connect(second.url, user.token);
    try {
      resumed.send({ op: "subscribe", submissionId: id, lastSeq });
      await resumed.verdict(id);
      const after = resumed.of(id);
      assert.ok(after.every((m) => m.type === "event"), `a resume with lastSeq sends events only: ${JSON.stringify(after.map((m) => m.type))}`);
      assert.equal(after[0]?.type === "event" ? after[0].seq : null, lastSeq + 1, "the resume starts right after lastSeq");

      const { view } = checkStream([...before, ...after], { final: true });
      assert.equal(view.status, "done");
      assert.equal(view.verdict, "AC");
      assert.equal(view.passed, view.total);
      assert.equal(view.tests.length, view.total, "every test's result was seen");

      const stored = await api<SubmissionView>(stack.apiUrl, `/api/submissions/${id}`, { token: user.token });
      assert.equal(stored.status, 200);
      assert.equal(stored.body.total, view.total);
    } finally {
      resumed.close();
    }
  });
});

