import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "vitest";
import { CloseCode } from "../src/index.ts";
import { Fixture, checkStream, judgeSteps, eventually } from "./support.ts";

/**
 * Instances share nothing but Redis: each subscribes to the channels its own clients want,
 * every instance subscribed to a channel gets every event, and a client can resume on any.
 */
describe("two notifier instances on one Redis", () => {
  let f: Fixture;
  beforeEach(() => {
    f = new Fixture();
  });
  afterEach(() => f.close());

  it("both deliver every event to their own clients", async () => {
    const [one, two] = [await f.start(), await f.start()];
    const idle = await f.start();
    const sub = await f.submission().create("alice");
    const a = await f.connect(one, "alice");
    const b = await f.connect(two, "alice");
    for (const client of [a, b]) {
      client.subscribe(sub.id);
      await client.untilSeq(sub.id, 0);
    }
    const channel = f.live.keys(sub.id).channel;
    assert.deepEqual(await f.redis.pubsub("NUMSUB", channel), [channel, 2]);
    assert.equal(idle.stats().channels, 0);
    await sub.steps(judgeSteps(3));
    for (const client of [a, b]) {
      await client.untilSeq(sub.id, sub.seq);
      assert.deepEqual(checkStream(client.of(sub.id), { lastSeq: sub.seq }).view, sub.view);
    }
  });

  it("a client whose instance shuts down mid-judging resumes on the other and misses nothing", async () => {
    const [one, two] = [await f.start(), await f.start()];
    const sub = await f.submission().create("alice");
    const steps = judgeSteps(10);
    const first = await f.connect(one, "alice");
    first.subscribe(sub.id);
    await first.untilSeq(sub.id, 0);
    await sub.steps(steps.slice(0, 5));
    await first.untilSeq(sub.id, 3);

    // The worker goes on while the instance goes away.
    const worker = sub.steps(steps.slice(5));
    await one.close();
    assert.equal(await first.closed(), CloseCode.GOING_AWAY);
    const held = first.of(sub.id);
    const lastHeld = held.reduce((seq, m) => (m.type === "error" ? seq : Math.max(seq, m.seq)), 0);
    const { view } = checkStream(held, { lastSeq: lastHeld });

    const second = await f.connect(two, "alice");
    second.subscribe(sub.id, lastHeld);
    await worker;
    await second.untilSeq(sub.id, sub.seq);
    assert.deepEqual(checkStream(second.of(sub.id), { from: { view, seq: lastHeld }, lastSeq: sub.seq }).view, sub.view);
    await eventually("the closed instance released its channel", () => one.stats().channels === 0);
  });
});
