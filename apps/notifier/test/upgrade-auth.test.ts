import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "vitest";
import { decodeJwt } from "jose";
import { TOKEN_COOKIE, VerifiedClaims } from "@judge/protocol";
import { TokenDenylist, TokenSigner, generateTokenKeys } from "@judge/tokens";
import { cookieValue } from "../src/upgrade-auth.ts";
import { withSpareBitsFlipped } from "../../../test/support/token-tamper.ts";
import { Fixture, HttpRefusal, WsTestClient, eventually } from "./support.ts";

/** What the API's POST /api/auth/logout does with the token it was called with: revokes its id. */
async function revokeAsSignOutDoes(f: Fixture, token: string): Promise<void> {
  const claims = VerifiedClaims.parse(decodeJwt(token));
  await new TokenDenylist(f.redis, f.prefix).revoke(claims);
}

async function refusal(opening: Promise<WsTestClient>): Promise<number> {
  const err = await opening.then(
    () => null,
    (e: unknown) => e,
  );
  assert.ok(err instanceof HttpRefusal, `expected an HTTP refusal, got ${String(err)}`);
  return err.status;
}

describe("the upgrade", () => {
  let f: Fixture;
  beforeEach(() => {
    f = new Fixture();
  });
  afterEach(() => f.close());

  it("refuses a missing, malformed or foreign-signed token with 401 before the socket opens", async () => {
    const notifier = await f.start();
    const base = `ws://127.0.0.1:${notifier.port}/ws`;
    assert.equal(await refusal(WsTestClient.open(base)), 401);
    assert.equal(await refusal(WsTestClient.open(`${base}?token=not-a-jwt`)), 401);
    const otherKeys = await generateTokenKeys();
    const forged = await (await TokenSigner.fromPem(otherKeys.privateKey, 60)).sign({ sub: "alice", name: "alice", role: "admin" });
    assert.equal(await refusal(WsTestClient.open(`${base}?token=${forged}`)), 401);
    assert.equal(await refusal(WsTestClient.open(base, { headers: { cookie: `${TOKEN_COOKIE}=garbage` } })), 401);
    assert.equal(notifier.stats().connections, 0);
  });

  it("refuses a token the API revoked at sign-out, and still takes the user's other tokens", async () => {
    const notifier = await f.start();
    const base = `ws://127.0.0.1:${notifier.port}/ws`;
    const [revoked, other] = [await f.token("alice"), await f.token("alice")];
    await revokeAsSignOutDoes(f, revoked);
    assert.equal(await refusal(WsTestClient.open(`${base}?token=${revoked}`)), 401);
    assert.equal(await refusal(WsTestClient.open(base, { headers: { cookie: `${TOKEN_COOKIE}=${revoked}` } })), 401);
    const client = await WsTestClient.open(`${base}?token=${other}`);
    client.close();
  });

  it("refuses a signed-out token whose last character's spare bits were flipped", async () => {
    const notifier = await f.start();
    const base = `ws://127.0.0.1:${notifier.port}/ws`;
    const token = await f.token("alice");
    const twin = withSpareBitsFlipped(token);
    // The same signature in another text: accepted while the token is live.
    (await WsTestClient.open(`${base}?token=${twin}`)).close();
    await revokeAsSignOutDoes(f, token);
    assert.equal(await refusal(WsTestClient.open(`${base}?token=${twin}`)), 401);
    assert.equal(await refusal(WsTestClient.open(base, { headers: { cookie: `${TOKEN_COOKIE}=${twin}` } })), 401);
  });

  it("answers 404 to an upgrade on another path", async () => {
    const notifier = await f.start();
    const token = await f.token("alice");
    assert.equal(await refusal(WsTestClient.open(`ws://127.0.0.1:${notifier.port}/other?token=${token}`)), 404);
  });

  it("accepts the token from the cookie", async () => {
    const notifier = await f.start();
    const sub = await f.submission().create("alice");
    const cookie = `theme=dark; ${TOKEN_COOKIE}=${await f.token("alice")}`;
    const client = await WsTestClient.open(`ws://127.0.0.1:${notifier.port}/ws`, { headers: { cookie } });
    try {
      client.subscribe(sub.id);
      assert.equal((await client.untilSeq(sub.id, 0)).type, "snapshot");
    } finally {
      client.close();
    }
  });

  it("caps connections per user with 429", async () => {
    const notifier = await f.start({ NOTIFIER_MAX_CONNECTIONS_PER_USER: "2" });
    await f.connect(notifier, "alice");
    const second = await f.connect(notifier, "alice");
    const token = await f.token("alice");
    assert.equal(await refusal(WsTestClient.open(`ws://127.0.0.1:${notifier.port}/ws?token=${token}`)), 429);
    await f.connect(notifier, "bob");
    second.close();
    await waitForConnections(notifier, 2);
    await f.connect(notifier, "alice");
  });

  it("serves /health and /metrics: connections, subscriptions, events out, drops, fan-out latency", async () => {
    // Short enough to drop the dead peer quickly, long enough that a live client on a loaded
    // machine (this process also runs the notifier) always answers in time: at 100 ms it
    // once missed a pong under a load of 12 on two cores.
    const notifier = await f.start({ NOTIFIER_PING_INTERVAL_MS: "1000" });
    const client = await f.connect(notifier, "alice");
    const sub = await f.submission().create("alice");
    client.subscribe(sub.id);
    await client.untilSeq(sub.id, 0);
    const seq = await sub.step({ kind: "status", status: "compiling" });
    await client.untilSeq(sub.id, seq);
    // A peer that never answers pings: the heartbeat drops it.
    const dead = await WsTestClient.open(`ws://127.0.0.1:${notifier.port}/ws?token=${await f.token("bob")}`, { autoPong: false });
    await dead.closed();
    const base = `http://127.0.0.1:${notifier.port}`;
    const health = await fetchUntilOk(`${base}/health`);
    assert.deepEqual(await health.json(), { status: "ok" });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    assert.match(metrics, /^notifier_connections 1$/m);
    assert.match(metrics, /^notifier_subscriptions 1$/m);
    assert.match(metrics, /^notifier_redis_channels 1$/m);
    assert.match(metrics, /^notifier_events_sent_total 1$/m);
    assert.match(metrics, /^notifier_dropped_connections_total\{reason="heartbeat"\} 1$/m);
    assert.match(metrics, /^notifier_fanout_seconds_count 1$/m);
    assert.match(metrics, /^notifier_slow_client_coalescing_total 0$/m);
    assert.equal((await fetch(`${base}/nope`)).status, 404);
  });
});

describe("cookieValue", () => {
  it("finds the cookie among others and decodes it", () => {
    assert.equal(cookieValue("a=1; judge_token=x%2Ey; b=2", "judge_token"), "x.y");
    assert.equal(cookieValue("judge_tokenx=1", "judge_token"), null);
    assert.equal(cookieValue(undefined, "judge_token"), null);
  });
});

async function waitForConnections(notifier: { stats(): { connections: number } }, n: number): Promise<void> {
  await eventually(`${n} connections`, () => notifier.stats().connections === n);
}

/** /health is 503 until both Redis connections are ready, which a fresh instance may not be yet. */
async function fetchUntilOk(url: string): Promise<Response> {
  return eventually(`200 from ${url}`, async () => {
    const res = await fetch(url);
    return res.status === 200 ? res : undefined;
  });
}
