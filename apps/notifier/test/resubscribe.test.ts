import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, it } from "vitest";
import { LiveState } from "@judge/live-state";
import { freePort } from "../../../scripts/stack/free-port.ts";
import { type OwnRedis, startRedisServer } from "../../../scripts/stack/redis-server.ts";
import { CloseCode } from "../src/index.ts";
import { FakeSubmission, Fixture, checkStream, eventually, judgeSteps } from "./support.ts";

/**
 * Redis comes back but refuses the notifier's SUBSCRIBE (here: an ACL; in production a
 * failover to a replica that is not ready, a full client buffer, …). The clients whose events
 * will no longer come are closed with 1013, so they reconnect and resume, never left waiting
 * in silence; once Redis takes subscriptions again, the resume loses nothing. On its own
 * redis-server: the test changes its ACL and kills its connections.
 */
describe("a failed re-subscribe after a Redis reconnect", () => {
  let f: Fixture;
  let own: OwnRedis;
  let dir: string;
  let admin: Redis;

  beforeEach(async () => {
    f = new Fixture();
    dir = await mkdtemp(join(tmpdir(), "judge-resub-"));
    own = await startRedisServer(await freePort(), dir);
    admin = new Redis(own.url);
  });
  afterEach(async () => {
    await f.close();
    admin.disconnect();
    await own.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("closes the clients of the lost channels with 1013; they resume and lose nothing", async () => {
    const notifier = await f.start({ REDIS_URL: own.url });
    const live = new LiveState(admin, f.prefix);
    const sub = await new FakeSubmission(live, "s-resub").create("alice");
    const client = await f.connect(notifier, "alice");
    client.subscribe(sub.id);
    await client.untilSeq(sub.id, 0);
    const steps = judgeSteps(2);
    await sub.step(steps[0]!);
    await client.untilSeq(sub.id, 1);

    // The subscriber's connection drops and, back, may not SUBSCRIBE: the default user loses it.
    await admin.call("ACL", "SETUSER", "default", "-subscribe");
    await admin.call("CLIENT", "KILL", "TYPE", "pubsub");
    assert.equal(await client.closed(), CloseCode.TRY_AGAIN_LATER, "the client is told, not left waiting");
    await eventually("the lost channel released", () => notifier.stats().channels === 0);

    // Redis takes subscriptions again; the client comes back with what it had and misses nothing.
    await admin.call("ACL", "SETUSER", "default", "+subscribe");
    const held = checkStream(client.of(sub.id), { lastSeq: 1 });
    await sub.step(steps[1]!);
    const again = await f.connect(notifier, "alice");
    again.subscribe(sub.id, 1);
    await again.untilSeq(sub.id, 2);
    for (const step of steps.slice(2)) await sub.step(step);
    await again.untilSeq(sub.id, sub.seq);
    assert.deepEqual(checkStream(again.of(sub.id), { from: { view: held.view, seq: 1 }, lastSeq: sub.seq }).view, sub.view);
  });
});
