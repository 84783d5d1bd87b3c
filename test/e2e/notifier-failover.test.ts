/**
 * A notifier process killed (SIGKILL, no 1001, no goodbye) while a submission is being
 * judged: the client reconnects to the fleet's second instance with `lastSeq` and still
 * sees every step and the verdict, exactly once, in seq order.
 */
import assert from "node:assert/strict";
import { once } from "node:events";
import { afterAll, beforeAll, describe, it } from "vitest";
import { applyStep, type ServerMessage, type SubmissionView } from "@judge/protocol";
import { api, registerUser, startTestStack, type TestStack } from "../support/test-stack.ts";
import { WsTestClient } from "../support/ws-client.ts";

/** Slow enough to be mid-judging when the notifier dies: about 0.2 s of wall time per test (CPU stays idle). */
const SLOW_SUM = "import time\ntime.sleep(0.2)\na, b = map(int, input().split())\nprint(a + b)\n";

const isVerdict = (id: string) => (m: ServerMessage) => m.type === "event" && m.submissionId === id && m.kind === "verdict";

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
    await first.waitFor((m) => m.type === "event" && m.submissionId === id && m.kind === "test" && m.result.index >= 2);
    const closed = once(first.socket, "close");
    stack.notifier.kill("SIGKILL");
    assert.equal(await stack.notifier.exited, "SIGKILL");
    const [closeCode] = (await closed) as [number];
    assert.equal(closeCode, 1006, "a killed process sends no close frame");

    const before = first.forSubmission(id);
    assert.ok(!before.some(isVerdict(id)), "the notifier died before the verdict, so the resume has something to deliver");
    const lastSeq = before.reduce((seq, m) => (m.type === "error" ? seq : Math.max(seq, m.seq)), 0);

    const resumed = await WsTestClient.connect(second.url, user.token);
    try {
      resumed.send({ op: "subscribe", submissionId: id, lastSeq });
      await resumed.waitFor(isVerdict(id));
      const after = resumed.forSubmission(id);
      assert.ok(after.every((m) => m.type === "event"), `a resume with lastSeq sends events only: ${JSON.stringify(after.map((m) => m.type))}`);
      assert.equal(after[0]?.type === "event" ? after[0].seq : null, lastSeq + 1, "the resume starts right after lastSeq");

      const view = replay([...before, ...after]);
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

/** Snapshot, then contiguous events; exactly one verdict and it is the last; returns the view they add up to. */
function replay(messages: ServerMessage[]): SubmissionView {
  const [first, ...rest] = messages;
  assert.ok(first?.type === "snapshot", `the stream starts with a snapshot, got ${JSON.stringify(first)}`);
  let view = first.submission;
  let seq = first.seq;
  for (const message of rest) {
    assert.ok(message.type === "event", `only events follow the snapshot: ${JSON.stringify(message)}`);
    assert.equal(message.seq, seq + 1, `seq ${seq + 1} next, in order, once (got ${rest.map((m) => (m.type === "event" ? m.seq : "?")).join(",")})`);
    seq = message.seq;
    view = applyStep(view, message);
  }
  const verdicts = rest.filter((m) => m.type === "event" && m.kind === "verdict");
  assert.equal(verdicts.length, 1, "exactly one verdict");
  assert.equal(rest.at(-1), verdicts[0], "the verdict is the last event");
  return view;
}
