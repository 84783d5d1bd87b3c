import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "vitest";
import type { Step } from "@judge/protocol";
import { Fixture, checkStream, judgeSteps } from "./support.ts";

/** Appended after everything else: once a client has it, nothing earlier can still be on its way. */
/** The last step (nothing is published after a verdict): tests end their streams with it. */
const SENTINEL: Step = judgeSteps(0).at(-1)!;
/** A judging in progress: every step but the verdict. */
const progress = (tests: number): Step[] => judgeSteps(tests).slice(0, -1);

describe("subscribe: a snapshot, then every later event once, in order", () => {
  let f: Fixture;
  beforeEach(() => {
    f = new Fixture();
  });
  afterEach(() => f.close());

  it("subscribing before the worker starts", async () => {
    const notifier = await f.start();
    const sub = await f.submission().create("alice");
    const client = await f.connect(notifier, "alice");
    client.subscribe(sub.id);
    await client.untilSeq(sub.id, 0);
    await sub.steps(progress(3));
    const last = await sub.step(SENTINEL);
    await client.untilSeq(sub.id, last);
    const { view, snapshotSeq } = checkStream(client.of(sub.id), { lastSeq: last });
    assert.equal(snapshotSeq, 0);
    assert.deepEqual(view, sub.view);
  });

  it("subscribing in the middle, while the worker keeps publishing", async () => {
    const notifier = await f.start();
    const sub = await f.submission().create("alice");
    const steps = progress(20);
    await sub.steps(steps.slice(0, 5));
    const clients = await Promise.all(Array.from({ length: 8 }, () => f.connect(notifier, "alice")));
    // The worker races the subscriptions: some snapshots land before, some in, some after the rest.
    const worker = (async () => {
      for (const step of steps.slice(5)) await sub.step(step);
      return sub.step(SENTINEL);
    })();
    for (const client of clients) {
      client.subscribe(sub.id);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const last = await worker;
    for (const client of clients) {
      await client.untilSeq(sub.id, last);
      const { view, snapshotSeq } = checkStream(client.of(sub.id), { lastSeq: last });
      assert.ok(snapshotSeq !== null && snapshotSeq >= 5);
      assert.deepEqual(view, sub.view);
    }
  });

  it("subscribing after the verdict gets the final snapshot", async () => {
    const notifier = await f.start();
    const sub = await f.submission().create("alice");
    await sub.steps(judgeSteps(2));
    const client = await f.connect(notifier, "alice");
    client.subscribe(sub.id);
    const snapshot = await client.untilSeq(sub.id, sub.seq);
    assert.equal(snapshot.type, "snapshot");
    assert.ok(snapshot.type === "snapshot" && snapshot.submission.verdict === "AC" && snapshot.submission.status === "done");
    assert.deepEqual(checkStream(client.of(sub.id), { lastSeq: sub.seq }).view, sub.view);
  });

  it("subscribing twice on one socket is idempotent", async () => {
    const notifier = await f.start();
    const sub = await f.submission().create("alice");
    const client = await f.connect(notifier, "alice");
    client.subscribe(sub.id);
    client.subscribe(sub.id);
    await client.untilSeq(sub.id, 0);
    client.subscribe(sub.id);
    await sub.steps(progress(1));
    const last = await sub.step(SENTINEL);
    await client.untilSeq(sub.id, last);
    checkStream(client.of(sub.id), { lastSeq: last });
    assert.equal(notifier.stats().subscriptions, 1);
  });

  it("two submissions on one socket stay apart", async () => {
    const notifier = await f.start();
    const a = await f.submission().create("alice");
    const b = await f.submission().create("alice");
    const client = await f.connect(notifier, "alice");
    client.subscribe(a.id);
    client.subscribe(b.id);
    await Promise.all([client.untilSeq(a.id, 0), client.untilSeq(b.id, 0)]);
    await Promise.all([a.steps(progress(2)), b.steps(progress(3))]);
    const [lastA, lastB] = [await a.step(SENTINEL), await b.step(SENTINEL)];
    await Promise.all([client.untilSeq(a.id, lastA), client.untilSeq(b.id, lastB)]);
    assert.deepEqual(checkStream(client.of(a.id), { lastSeq: lastA }).view, a.view);
    assert.deepEqual(checkStream(client.of(b.id), { lastSeq: lastB }).view, b.view);
  });
});

describe("resume with lastSeq", () => {
  let f: Fixture;
  beforeEach(() => {
    f = new Fixture();
  });
  afterEach(() => f.close());

  it("a reconnecting client gets exactly the events it missed, no snapshot", async () => {
    const notifier = await f.start();
    const sub = await f.submission().create("alice");
    const steps = progress(4);
    const first = await f.connect(notifier, "alice");
    first.subscribe(sub.id);
    await first.untilSeq(sub.id, 0);
    await sub.steps(steps.slice(0, 4));
    await first.untilSeq(sub.id, 4);
    first.close();
    // What the client held when its connection died.
    const held = checkStream(first.of(sub.id), { lastSeq: 4 }).view;
    await sub.steps(steps.slice(4));
    const second = await f.connect(notifier, "alice");
    second.subscribe(sub.id, 4);
    const last = await sub.step(SENTINEL);
    await second.untilSeq(sub.id, last);
    const stream = second.of(sub.id);
    assert.equal(stream[0]?.type, "event");
    assert.deepEqual(checkStream(stream, { from: { view: held, seq: 4 }, lastSeq: last }).view, sub.view);
  });

  it("lastSeq equal to the state's seq sends nothing until the next event", async () => {
    const notifier = await f.start();
    const sub = await f.submission().create("alice");
    await sub.steps(progress(1));
    const client = await f.connect(notifier, "alice");
    client.subscribe(sub.id, sub.seq);
    const held = sub.view;
    const from = sub.seq;
    const last = await sub.step(SENTINEL);
    await client.untilSeq(sub.id, last);
    assert.equal(client.of(sub.id).length, 1);
    assert.deepEqual(checkStream(client.of(sub.id), { from: { view: held, seq: from }, lastSeq: last }).view, sub.view);
  });

  it("a log that no longer reaches back gets a snapshot instead", async () => {
    const notifier = await f.start();
    const sub = await f.submission().create("alice");
    await sub.steps(judgeSteps(2));
    await f.redis.del(f.live.keys(sub.id).log);
    const client = await f.connect(notifier, "alice");
    client.subscribe(sub.id, 1);
    const start = await client.untilSeq(sub.id, sub.seq);
    assert.equal(start.type, "snapshot");
  });

  it("lastSeq ahead of the server gets a snapshot", async () => {
    const notifier = await f.start();
    const sub = await f.submission().create("alice");
    await sub.steps(judgeSteps(1));
    const client = await f.connect(notifier, "alice");
    client.subscribe(sub.id, 1000);
    const start = await client.untilSeq(sub.id, sub.seq);
    assert.equal(start.type, "snapshot");
  });
});
