import assert from "node:assert/strict";
import { describe, it } from "vitest";
import { queuedView, type SubmissionView } from "@judge/protocol";
import { backoffDelay } from "../src/live/backoff.ts";
import { LiveConnection, type LiveConnectionOptions } from "../src/live/LiveConnection.ts";
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
  /** Runs every timer due by now + ms in time order, each at its own time, also those the run schedules. */
  advance(ms: number) {
    const end = this.now + ms;
    for (;;) {
      const next = this.timers.filter((t) => t.live && t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (next === undefined) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.now = Math.max(this.now, next.at);
      next.fn();
    }
    this.now = end;
  }
}

function setup(options: Partial<LiveConnectionOptions> = {}) {
  const sockets: FakeSocket[] = [];
  const time = new FakeTime();
  const connection = new LiveConnection({
    ...options,
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

/** Lets settled promises run their callbacks (the HTTP reads are promises); no time passes. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

const pings = (socket: FakeSocket) => socket.sent.filter((m) => JSON.stringify(m) === '{"op":"ping"}').length;

describe("LiveConnection heartbeat", () => {
  it("pings a socket silent for 10 s, gives it up 5 s later, and reconnects with lastSeq", () => {
    const { connection, sockets, time, last } = setup();
    connection.watch("s1", () => undefined);
    connection.start();
    last().handlers.open();
    last().receive({ type: "snapshot", submissionId: "s1", seq: 2, submission: view({ status: "running", total: 3 }) });
    time.advance(9_999);
    assert.equal(pings(last()), 0, "no ping while the silence is short");
    time.advance(1);
    assert.equal(pings(last()), 1);
    time.advance(4_999);
    assert.equal(connection.status.state, "open", "still trusted while the ping may be answered");
    time.advance(1);
    assert.equal(connection.status.state, "closed", "no answer: the socket is dead");
    assert.equal(sockets[0]?.closed, true, "and closed");
    assert.equal(connection.status.retryAt, time.now + 375);
    time.advance(375);
    assert.equal(sockets.length, 2);
    last().handlers.open();
    assert.deepEqual(last().sent, [{ op: "subscribe", submissionId: "s1", lastSeq: 2 }]);
  });

  it("any message, a pong or an event, keeps the socket trusted", () => {
    const { connection, time, last } = setup();
    connection.watch("s1", () => undefined);
    connection.start();
    last().handlers.open();
    last().receive({ type: "snapshot", submissionId: "s1", seq: 0, submission: view() });
    time.advance(9_000);
    last().receive({ type: "event", submissionId: "s1", seq: 1, kind: "status", status: "compiling" });
    time.advance(9_000);
    assert.equal(pings(last()), 0, "quiet for 9 s only, counted from the event");
    time.advance(1_000);
    assert.equal(pings(last()), 1);
    time.advance(4_000);
    last().receive({ type: "pong" });
    time.advance(9_999);
    assert.equal(connection.status.state, "open");
    assert.equal(pings(last()), 1);
    // An answer this client cannot parse (an older notifier's BAD_MESSAGE to the ping would parse; this is junk) still counts.
    time.advance(1);
    assert.equal(pings(last()), 2);
    last().handlers.message("{}");
    time.advance(9_000);
    assert.equal(connection.status.state, "open");
  });

  it("gives up a socket that never opens after the connect timeout, then retries with backoff", () => {
    const { connection, sockets, time } = setup();
    connection.start();
    time.advance(11_999);
    assert.equal(connection.status.state, "connecting");
    time.advance(1);
    assert.equal(connection.status.state, "closed");
    assert.equal(sockets[0]?.closed, true);
    assert.notEqual(connection.status.retryAt, null);
  });
});

describe("LiveConnection HTTP fallback", () => {
  function withReads() {
    const reads: string[] = [];
    let answer = view();
    const harness = setup({
      fetchSubmission: (id) => {
        reads.push(id);
        return Promise.resolve(answer);
      },
    });
    return { ...harness, reads, answer: (next: SubmissionView) => (answer = next) };
  }

  it("reads the submission over HTTP while the socket never opens, backing off, until the verdict", async () => {
    const { connection, time, reads, answer } = withReads();
    connection.watch("s1", () => undefined);
    connection.start();
    time.advance(999);
    assert.equal(reads.length, 0, "a normal page load's socket opens before the first read");
    time.advance(1);
    await settle();
    assert.deepEqual(reads, ["s1"]);
    assert.equal(connection.peek("s1")?.view?.status, "queued");
    time.advance(1_999);
    await settle();
    assert.equal(reads.length, 1, "the second read waits 2 s");
    answer(view({ status: "done", verdict: "AC", passed: 3, total: 3 }));
    time.advance(1);
    await settle();
    assert.equal(reads.length, 2);
    assert.equal(connection.peek("s1")?.view?.verdict, "AC");
    for (let i = 0; i < 20; i++) {
      time.advance(10_000);
      await settle();
    }
    assert.equal(reads.length, 2, "no read once the verdict is known");
  });

  it("does not poll while the socket is live; polls once the heartbeat finds it dead; stops when it is back", async () => {
    const { connection, time, last, reads, answer } = withReads();
    connection.watch("s1", () => undefined);
    connection.start();
    last().handlers.open();
    last().receive({ type: "snapshot", submissionId: "s1", seq: 1, submission: view({ status: "compiling" }) });
    time.advance(9_000);
    await settle();
    assert.equal(reads.length, 0, "the socket is live: no HTTP");
    time.advance(6_000); // ping at 10 s, no answer by 15 s
    assert.equal(connection.status.state, "closed");
    answer(view({ status: "running", total: 3 }));
    time.advance(999);
    await settle();
    assert.equal(reads.length, 0);
    time.advance(1);
    await settle();
    assert.equal(reads.length, 1);
    assert.equal(connection.peek("s1")?.view?.status, "running", "the HTTP read is shown");
    answer(view({ status: "queued" }));
    time.advance(2_000);
    await settle();
    assert.equal(reads.length, 2);
    assert.equal(connection.peek("s1")?.view?.status, "running", "an older read does not turn the view back");
    last().handlers.open();
    // HTTP has no seq: ask for a full snapshot rather than a replay from the old lastSeq.
    assert.deepEqual(last().sent, [{ op: "subscribe", submissionId: "s1" }]);
    last().receive({ type: "snapshot", submissionId: "s1", seq: 5, submission: view({ status: "running", total: 3 }) });
    for (let i = 0; i < 4; i++) {
      time.advance(2_000);
      last().receive({ type: "pong" });
      await settle();
    }
    assert.equal(reads.length, 2, "back on the socket: no more reads");
  });
});
