import assert from "node:assert/strict";
import { describe, it } from "vitest";
import { queuedView, type SubmissionView } from "@judge/protocol";
import { backoffDelay } from "../src/live/backoff.ts";
import { LiveConnection } from "../src/live/LiveConnection.ts";
import type { SocketHandlers } from "../src/live/socket.ts";

/** A socket the test drives by hand: it records what the client sends. */
class FakeSocket {
  readonly sent: unknown[] = [];
  closed = false;
  constructor(readonly handlers: SocketHandlers) {}
  send(text: string) {
    this.sent.push(JSON.parse(text));
  }
  close() {
    this.closed = true;
  }
  receive(message: object) {
    this.handlers.message(JSON.stringify(message));
  }
}

/** A clock and timer queue the test advances explicitly: no sleeping. */
class FakeTime {
  now = 1_000_000;
  private timers: { at: number; fn: () => void; live: boolean }[] = [];
  schedule = (fn: () => void, ms: number) => {
    const timer = { at: this.now + ms, fn, live: true };
    this.timers.push(timer);
    return () => {
      timer.live = false;
    };
  };
  advance(ms: number) {
    this.now += ms;
    const due = this.timers.filter((t) => t.live && t.at <= this.now);
    this.timers = this.timers.filter((t) => !due.includes(t));
    for (const t of due) t.fn();
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const time = new FakeTime();
  const connection = new LiveConnection({
    url: "ws://test/ws",
    createSocket: (_url, handlers) => {
      const socket = new FakeSocket(handlers);
      sockets.push(socket);
      return socket;
    },
    random: () => 0.5,
    now: () => time.now,
    schedule: time.schedule,
  });
  const last = () => {
    const socket = sockets.at(-1);
    assert.ok(socket, "no socket was opened");
    return socket;
  };
  return { connection, sockets, time, last };
}

const view = (over: Partial<SubmissionView> = {}): SubmissionView =>
  queuedView({ id: "s1", problem: "a-plus-b", language: "python", createdAt: "2025-01-01T00:00:00.000Z", ...over });

const testEvent = (seq: number, index: number) => ({
  type: "event",
  submissionId: "s1",
  seq,
  kind: "test",
  total: 3,
  result: { index, verdict: "AC", timeMs: 5, memoryKb: 1000 },
});

describe("backoffDelay", () => {
  it("grows exponentially up to the cap, with half of it jittered", () => {
    const options = { baseMs: 500, maxMs: 8000 };
    assert.equal(backoffDelay(0, options, () => 0), 250);
    assert.equal(backoffDelay(0, options, () => 1), 500);
    assert.equal(backoffDelay(3, options, () => 0), 2000);
    assert.equal(backoffDelay(10, options, () => 1), 8000);
    assert.equal(backoffDelay(1000, options, () => 0), 4000);
  });
});

describe("LiveConnection", () => {
  it("subscribes on open, applies snapshot then events in seq order and ignores repeats", () => {
    const { connection, last } = setup();
    let changes = 0;
    connection.watch("s1", () => changes++);
    connection.start();
    assert.equal(connection.status.state, "connecting");
    last().handlers.open();
    assert.equal(connection.status.state, "open");
    assert.deepEqual(last().sent, [{ op: "subscribe", submissionId: "s1" }]);

    last().receive({ type: "snapshot", submissionId: "s1", seq: 0, submission: view() });
    last().receive({ type: "event", submissionId: "s1", seq: 1, kind: "status", status: "compiling" });
    last().receive({ type: "event", submissionId: "s1", seq: 2, kind: "status", status: "running", test: 1, total: 3 });
    last().receive(testEvent(3, 1));
    last().receive(testEvent(3, 1)); // a repeat: ignored
    const state = connection.peek("s1");
    assert.equal(state?.lastSeq, 3);
    assert.equal(state?.view?.status, "running");
    assert.equal(state?.view?.tests.length, 1);
    assert.equal(changes, 4);
  });

  it("reconnects with backoff and resubscribes with lastSeq", () => {
    const { connection, sockets, time, last } = setup();
    connection.watch("s1", () => undefined);
    connection.start();
    last().handlers.open();
    last().receive({ type: "snapshot", submissionId: "s1", seq: 4, submission: view({ status: "running", total: 3 }) });
    last().handlers.close(1006, "");
    assert.equal(connection.status.state, "closed");
    assert.equal(connection.status.retryAt, time.now + 375); // 500 ms ceiling, jitter 0.5
    time.advance(374);
    assert.equal(sockets.length, 1);
    time.advance(1);
    assert.equal(sockets.length, 2);
    last().handlers.open();
    assert.deepEqual(last().sent, [{ op: "subscribe", submissionId: "s1", lastSeq: 4 }]);
    // A failure soon after opening keeps growing the delay.
    last().handlers.close(1006, "");
    assert.equal(connection.status.retryAt, time.now + 750);
  });

  it("on a gap in seq, drops the event and asks again from lastSeq", () => {
    const { connection, last } = setup();
    connection.watch("s1", () => undefined);
    connection.start();
    last().handlers.open();
    last().receive({ type: "snapshot", submissionId: "s1", seq: 1, submission: view({ status: "running", total: 3 }) });
    last().receive(testEvent(3, 2));
    assert.equal(connection.peek("s1")?.lastSeq, 1);
    assert.deepEqual(last().sent.slice(1), [
      { op: "unsubscribe", submissionId: "s1" },
      { op: "subscribe", submissionId: "s1", lastSeq: 1 },
    ]);
    last().receive({ type: "snapshot", submissionId: "s1", seq: 3, submission: view({ status: "running", total: 3 }) });
    last().receive(testEvent(4, 3));
    assert.equal(connection.peek("s1")?.lastSeq, 4);
  });

  it("unsubscribes once the verdict is in and does not resubscribe after a reconnect", () => {
    const { connection, time, last } = setup();
    connection.watch("s1", () => undefined);
    connection.start();
    last().handlers.open();
    last().receive({ type: "snapshot", submissionId: "s1", seq: 0, submission: view() });
    last().receive({
      type: "event",
      submissionId: "s1",
      seq: 1,
      kind: "verdict",
      verdict: "CE",
      passed: 0,
      total: 3,
      timeMs: null,
      memoryKb: null,
      compileOutput: "main.cpp:1: error",
      judgedAt: "2025-01-01T00:00:01.000Z",
    });
    assert.equal(connection.peek("s1")?.view?.verdict, "CE");
    assert.deepEqual(last().sent.at(-1), { op: "unsubscribe", submissionId: "s1" });
    last().handlers.close(1006, "");
    time.advance(1000);
    last().handlers.open();
    assert.deepEqual(last().sent, []);
  });

  it("reports a refused subscription on its watch and ignores malformed frames", () => {
    const { connection, last } = setup();
    connection.watch("s1", () => undefined);
    connection.start();
    last().handlers.open();
    last().handlers.message("not json");
    last().receive({ type: "snapshot", submissionId: "s1", seq: "x" });
    last().receive({ type: "error", code: "FORBIDDEN", message: "not yours", submissionId: "s1" });
    assert.deepEqual(connection.peek("s1")?.error, { code: "FORBIDDEN", message: "not yours" });
  });

  it("stop() closes for good, and unwatching the last listener unsubscribes", () => {
    const { connection, sockets, time, last } = setup();
    const unwatch = connection.watch("s1", () => undefined);
    connection.start();
    last().handlers.open();
    unwatch();
    assert.deepEqual(last().sent.at(-1), { op: "unsubscribe", submissionId: "s1" });
    assert.equal(connection.peek("s1"), undefined);
    connection.stop();
    connection.stop();
    assert.equal(last().closed, true);
    assert.equal(connection.status.state, "closed");
    time.advance(60_000);
    assert.equal(sockets.length, 1);
  });
});
