import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "vitest";
import { compileErrorStep } from "../../../test/support/steps.ts";
import { Fixture, checkStream, judgeSteps, eventually } from "./support.ts";

describe("authorization per subscription", () => {
  let f: Fixture;
  beforeEach(() => {
    f = new Fixture();
  });
  afterEach(() => f.close());

  it("refuses another user's submission with FORBIDDEN and keeps the socket usable", async () => {
    const notifier = await f.start();
    const alices = await f.submission().create("alice");
    const bobs = await f.submission().create("bob");
    const bob = await f.connect(notifier, "bob");
    bob.subscribe(alices.id);
    const refused = await bob.until("FORBIDDEN", (m) => m.type === "error");
    assert.deepEqual({ ...refused, message: "" }, { type: "error", code: "FORBIDDEN", submissionId: alices.id, message: "" });
    bob.subscribe(bobs.id);
    await bob.untilSeq(bobs.id, 0);
    await alices.steps(judgeSteps(1));
    const last = await bobs.step({ kind: "status", status: "compiling" });
    await bob.untilSeq(bobs.id, last);
    assert.deepEqual(bob.of(alices.id), [refused]);
    assert.equal(notifier.stats().channels, 1);
  });

  it("never sends another user's compiler output: not in a snapshot, a replay or an event", async () => {
    const notifier = await f.start();
    const secret = `int secret_${f.prefix.slice(-8)} = undefined_name;`;
    const alices = await f.submission().create("alice");
    await alices.step({ kind: "status", status: "compiling" });
    const bob = await f.connect(notifier, "bob");
    // A plain subscribe (snapshot) and one asking for a replay of the log (events).
    bob.subscribe(alices.id);
    await bob.until("FORBIDDEN", (m) => m.type === "error" && m.submissionId === alices.id);
    bob.subscribe(alices.id, 0);
    await eventually("two refusals", () => bob.of(alices.id).filter((m) => m.type === "error").length === 2);
    const ce = await alices.step(compileErrorStep(`main.cpp:1:1: error\n    1 | ${secret}\n`));
    // alice's own stream carries it; bob's, read after hers arrived, has nothing of it.
    const alice = await f.connect(notifier, "alice");
    alice.subscribe(alices.id);
    await alice.untilSeq(alices.id, ce);
    assert.ok(JSON.stringify(alice.messages).includes(secret));
    assert.ok(!JSON.stringify(bob.messages).includes(secret));
    assert.ok(bob.of(alices.id).every((m) => m.type === "error" && m.code === "FORBIDDEN"));
  });

  it("lets an admin subscribe to anyone's submission", async () => {
    const notifier = await f.start();
    const sub = await f.submission().create("alice");
    const admin = await f.connect(notifier, "root", "admin");
    admin.subscribe(sub.id);
    await admin.untilSeq(sub.id, 0);
    await sub.steps(judgeSteps(1));
    await admin.untilSeq(sub.id, sub.seq);
    assert.deepEqual(checkStream(admin.of(sub.id), { lastSeq: sub.seq }).view, sub.view);
  });

  it("answers NOT_FOUND for a submission without live state", async () => {
    const notifier = await f.start();
    const client = await f.connect(notifier, "alice");
    client.subscribe("nope");
    const error = await client.until("NOT_FOUND", (m) => m.type === "error");
    assert.ok(error.type === "error" && error.code === "NOT_FOUND" && error.submissionId === "nope");
    await waitForNoChannels(notifier);
  });

  it("caps subscriptions per connection with LIMIT", async () => {
    const notifier = await f.start({ NOTIFIER_MAX_SUBSCRIPTIONS_PER_CONNECTION: "2" });
    const subs = await Promise.all([1, 2, 3].map(async () => f.submission().create("alice")));
    const client = await f.connect(notifier, "alice");
    for (const sub of subs) client.subscribe(sub.id);
    const error = await client.until("LIMIT", (m) => m.type === "error");
    assert.ok(error.type === "error" && error.code === "LIMIT" && error.submissionId === subs[2]?.id);
    // Room again after an unsubscribe.
    client.send({ op: "unsubscribe", submissionId: subs[0]?.id });
    client.subscribe(subs[2]?.id ?? "");
    await client.until("snapshot of the third", (m) => m.type === "snapshot" && m.submissionId === subs[2]?.id);
  });
});

async function waitForNoChannels(notifier: { stats(): { channels: number } }): Promise<void> {
  await eventually("no channels", () => notifier.stats().channels === 0);
}
