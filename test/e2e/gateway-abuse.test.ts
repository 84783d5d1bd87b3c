import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { api, registerUser } from "../support/test-stack.ts";
import { eventually } from "../support/eventually.ts";
import { npmStartFixture, type NpmStartRun } from "../support/npm-start.ts";
import { webDist } from "./browser-harness.ts";

/** Times each phase is abused: races between a reset and the gateway's next step need a few tries. */
const ROUNDS = 20;

type Fixture = Awaited<ReturnType<typeof npmStartFixture>>;

/**
 * Raw-socket abuse of the `npm start` origin: clients that reset their TCP connection in every
 * phase of a request and of a WebSocket upgrade, refused upgrades reset at the refusal, a
 * slowloris, many upgrades at once. None of it may take the gateway down: afterwards the very
 * same `npm start` process still answers /api/health.
 */
describe("the npm start gateway survives clients that reset, trickle and flood", () => {
  let fixture: Fixture;
  let run: NpmStartRun;
  let token: string;

  beforeAll(async () => {
    fixture = await npmStartFixture();
    run = await fixture.start();
    token = (await registerUser(run.url)).token;
  });
  afterAll(() => fixture?.cleanup());

  /** A raw connection to the gateway; every error is expected (the test resets on purpose). */
  function open(): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect(fixture.port, "127.0.0.1");
      socket.on("error", () => undefined);
      socket.once("connect", () => resolve(socket));
      socket.once("close", () => reject(new Error("the gateway refused a TCP connection")));
    });
  }

  /** Sends `bytes`, then resets: at once, or when the first byte of an answer arrives. */
  async function resetAfter(bytes: string, when: "sent" | "answered"): Promise<string> {
    const socket = await open();
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    let answer = "";
    if (when === "answered") {
      socket.once("data", (chunk: Buffer) => {
        answer = chunk.toString("latin1");
        socket.resetAndDestroy();
      });
      if (bytes) socket.write(bytes);
    } else {
      if (bytes) socket.write(bytes);
      socket.resetAndDestroy();
    }
    await closed;
    return answer;
  }

  const upgrade = (path: string) =>
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${fixture.port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
    "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";

  async function healthy(): Promise<void> {
    const res = await api<{ status?: string }>(run.url, "/api/health");
    assert.equal(res.status, 200);
    assert.equal(run.child.exitCode, null, `npm start exited:\n${run.output.tail()}`);
    assert.equal(run.child.signalCode, null);
    // Nothing behind the gateway went down either: the supervisor restarted nothing.
    assert.equal(run.output.count([" exited ("]), 0, run.output.tail());
  }

  it("survives resets in every phase of an HTTP request, to the API and to the web app", async () => {
    const asset = readdirSync(join(webDist, "assets")).filter((f) => f.endsWith(".js")).sort()[0];
    assert.ok(asset, "the web app is built");
    for (let i = 0; i < ROUNDS; i++) {
      await resetAfter("", "sent");
      await resetAfter("GET /api/health HTTP/1.1\r\nHost: x\r\nX-Half: ", "sent");
      // A body promised and never sent: the API is waiting for it when the client goes.
      await resetAfter("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"user", "sent");
      await resetAfter("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n", "sent");
      await resetAfter("GET /api/problems HTTP/1.1\r\nHost: x\r\n\r\n", "sent");
      const answered = await resetAfter("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n", "answered");
      assert.match(answered, /^HTTP\/1\.1 200/);
      // Mid-response of a large file from the web app.
      await resetAfter(`GET /assets/${asset} HTTP/1.1\r\nHost: x\r\n\r\n`, "answered");
    }
    await healthy();
  });

  it("survives resets in every phase of an upgrade, refused (reset at the 401) and accepted", async () => {
    for (let i = 0; i < ROUNDS; i++) {
      await resetAfter(upgrade("/ws?token=bad").slice(0, 40), "sent");
      await resetAfter(upgrade("/ws?token=bad"), "sent");
      const refused = await resetAfter(upgrade("/ws?token=bad"), "answered");
      assert.match(refused, /^HTTP\/1\.1 401/);
      await resetAfter(upgrade("/nowhere"), "answered");
      await resetAfter(upgrade(`/ws?token=${token}`), "sent");
      const accepted = await resetAfter(upgrade(`/ws?token=${token}`), "answered");
      assert.match(accepted, /^HTTP\/1\.1 101/);
      // Open, then a frame cut in half: the notifier is mid-read when the client goes.
      const socket = await open();
      socket.write(upgrade(`/ws?token=${token}`));
      await new Promise((resolve) => socket.once("data", resolve));
      const closed = new Promise((resolve) => socket.once("close", resolve));
      socket.write(Buffer.from([0x81, 0xfe, 0x01]));
      socket.resetAndDestroy();
      await closed;
    }
    await healthy();
  });

  it("survives ten thousand upgrades of one user at once, then all reset; refusals are answered, not hung", async () => {
    const sockets = await Promise.all(
      Array.from({ length: 10_000 }, async (_, i) => {
        const socket = await open();
        const answered = new Promise<string>((resolve) => {
          socket.once("data", (chunk: Buffer) => resolve(chunk.toString("latin1")));
          socket.once("close", () => resolve("closed"));
        });
        // One in ten with a bad token, reset the moment its 401 arrives.
        if (i % 10 === 0) socket.once("data", () => socket.resetAndDestroy());
        socket.write(upgrade(i % 10 === 0 ? "/ws?token=bad" : `/ws?token=${token}`));
        return { socket, answer: await answered };
      }),
    );
    const statusOf = (answer: string) => /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? answer;
    const counts = new Map<string, number>();
    for (const { answer } of sockets) counts.set(statusOf(answer), (counts.get(statusOf(answer)) ?? 0) + 1);
    const summary = JSON.stringify([...counts]);
    // The notifier's per-user cap lets a few open; the gateway's per-address bound and the
    // notifier refuse the rest with a status (504: a handshake the notifier left unanswered,
    // which the gateway bounds). Every socket got an answer; none was left hanging.
    assert.ok((counts.get("101") ?? 0) > 0, summary);
    assert.ok((counts.get("101") ?? 0) <= 64, summary);
    assert.ok((counts.get("401") ?? 0) > 0, summary);
    assert.deepEqual([...counts.keys()].filter((status) => !["101", "401", "429", "504"].includes(status)), [], summary);
    const closed = sockets.map(({ socket }) => new Promise((resolve) => (socket.closed ? resolve(null) : socket.once("close", resolve))));
    for (const { socket } of sockets) socket.resetAndDestroy();
    await Promise.all(closed);
    await healthy();
  });

  it("cuts off a slowloris and answers others meanwhile", async () => {
    const trickling = await Promise.all(Array.from({ length: 50 }, () => open()));
    let cutOff = 0;
    for (const socket of trickling) socket.once("close", () => cutOff++);
    for (const socket of trickling) socket.write("GET /api/health HTTP/1.1\r\nHost: x\r\n");
    // One more header line now and then, never the blank line that ends them.
    const drip = setInterval(() => {
      for (const socket of trickling) if (!socket.destroyed) socket.write(`X-Drip-${Date.now()}: 1\r\n`);
    }, 500);
    try {
      await healthy();
      // The gateway's header timeout closes them; the bound only fails a hung test.
      await eventually("every trickling socket cut off", () => cutOff === trickling.length, { timeoutMs: 90_000, intervalMs: 200 });
    } finally {
      clearInterval(drip);
      for (const socket of trickling) socket.destroy();
    }
    await healthy();
  });
});
