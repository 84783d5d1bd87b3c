/**
 * The notifier's memory per WebSocket connection, idle and with one subscription each.
 * The server runs in its own process (main.ts); this process holds the clients.
 *
 *   node --import tsx apps/notifier/bench/connection-memory.ts [connections=5000]
 *
 * One client process and one source address: enough for a few tens of thousands of
 * connections. Reports RSS and V8 heap growth per connection.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import WebSocket from "ws";
import { LiveState } from "@judge/live-state";
import { TokenSigner, generateTokenKeys } from "@judge/tokens";

const connections = Number(process.argv[2] ?? 5000);
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const port = 18000 + Math.floor(Math.random() * 1000);
const prefix = `bench-${randomUUID()}`;
const keys = await generateTokenKeys();
const token = await (await TokenSigner.fromPem(keys.privateKey, 3600)).sign({ sub: "bench", name: "bench", role: "user" });

const server = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("../src/main.ts", import.meta.url))], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    JWT_PUBLIC_KEY: keys.publicKey,
    LOG_LEVEL: "warn",
    NOTIFIER_MAX_CONNECTIONS_PER_USER: "0",
  },
  stdio: ["ignore", "inherit", "inherit"],
});
const redis = new Redis(redisUrl);
const live = new LiveState(redis, prefix);

function rssKiB(): number {
  const line = readFileSync(`/proc/${server.pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
  return Number(line?.split(/\s+/)[1] ?? NaN);
}

async function heapKiB(): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const match = /^nodejs_heap_size_used_bytes (\S+)$/m.exec(text);
  return Number(match?.[1] ?? NaN) / 1024;
}

async function settle(): Promise<{ rss: number; heap: number }> {
  // Let the server finish its work and V8 its lazy collections.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  return { rss: rssKiB(), heap: await heapKiB() };
}

try {
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const base = await settle();
  const sockets: WebSocket[] = [];
  for (let i = 0; i < connections; i += 500) {
    const batch = Array.from({ length: Math.min(500, connections - i) }, () => new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`));
    await Promise.all(batch.map((ws) => once(ws, "open")));
    sockets.push(...batch);
  }
  const idle = await settle();

  const ids = sockets.map((_, i) => `b${i}`);
  for (let i = 0; i < ids.length; i += 500) {
    await Promise.all(
      ids.slice(i, i + 500).map((id) =>
        live.create(
          {
            id,
            problem: "a-plus-b",
            language: "python",
            status: "queued",
            verdict: null,
            passed: 0,
            total: 0,
            timeMs: null,
            memoryKb: null,
            tests: [],
            createdAt: new Date().toISOString(),
            judgedAt: null,
          },
          "bench",
        ),
      ),
    );
  }
  await Promise.all(
    sockets.map((ws, i) => {
      const got = once(ws, "message");
      ws.send(JSON.stringify({ op: "subscribe", submissionId: ids[i] }));
      return got;
    }),
  );
  const subscribed = await settle();

  const per = (a: number, b: number) => ((b - a) / connections).toFixed(1);
  console.log(`connections: ${connections}`);
  console.log(`idle:       RSS +${per(base.rss, idle.rss)} KiB/conn, heap +${per(base.heap, idle.heap)} KiB/conn`);
  console.log(`subscribed: RSS +${per(base.rss, subscribed.rss)} KiB/conn, heap +${per(base.heap, subscribed.heap)} KiB/conn (one channel each)`);
  for (const ws of sockets) ws.terminate();
} finally {
  server.kill("SIGTERM");
  let cursor = "0";
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    if (found.length > 0) await redis.del(...found);
    cursor = next;
  } while (cursor !== "0");
  await redis.quit();
}
