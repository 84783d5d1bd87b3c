/**
 * The notifier alone: many concurrent WebSocket clients on one notifier process, its RSS per
 * connection (idle, then one subscription each), and publish-to-receive latency of events
 * published at a steady rate through the real LiveState script, at a light load (a few
 * subscribers) and with every client subscribed. The server and the clients are separate
 * processes; clients spread over 127.0.0.2, 127.0.0.3, … (about 28,000 ephemeral ports per
 * source address). Sizes: NOTIFIER_BENCH_CONNECTIONS (default 5000; 50000 for the full run),
 * NOTIFIER_BENCH_RATE (events/s with all subscribed, default 1000), NOTIFIER_BENCH_SECONDS (10).
 */
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { Redis } from "ioredis";
import { z } from "zod";
import { LiveState } from "@judge/live-state";
import type { Step, SubmissionView } from "@judge/protocol";
import { TokenSigner, generateTokenKeys } from "@judge/tokens";
import { freePort } from "../scripts/stack/free-port.ts";
import { deleteKeys } from "../test/support/test-stack.ts";
import { summarize, ms, type Summary } from "./latency-stats.ts";
import { ClientProcess, hardFileLimit, nowEpochMs, spawnNode } from "./notifier-ipc.ts";
import type { BenchSection } from "./section.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const REQUESTED = Number(process.env.NOTIFIER_BENCH_CONNECTIONS ?? 5000);
const HEAVY_RATE = Number(process.env.NOTIFIER_BENCH_RATE ?? 1000);
const SECONDS = Number(process.env.NOTIFIER_BENCH_SECONDS ?? 10);
const LIGHT_SUBSCRIBERS = 100;
const LIGHT_RATE = 200;
const LIGHT_SECONDS = 5;
/** Connections per client process; several processes share the client side's CPU work. */
const PER_CLIENT_PROCESS = 12_500;
/** Below the 28,231 ephemeral ports of one source address (32768–60999); NOTIFIER_BENCH_PER_ADDRESS to spread smaller runs too. */
const PER_SOURCE_ADDRESS = Number(process.env.NOTIFIER_BENCH_PER_ADDRESS ?? 25_000);
/** File descriptors a process needs besides its sockets (Redis, stdio, tsx, V8). */
const FD_HEADROOM = 500;

const ServiceReady = z.object({ type: z.literal("ready") });

interface Phase {
  published: number;
  received: number;
  latency: Summary;
  /** The notifier's own view (its fan-out histogram): share of Redis messages handed to every local socket within 1 ms. */
  serverWithin1ms: number;
}

async function run(): Promise<Record<string, unknown>> {
  const fdLimit = await hardFileLimit();
  const connections = Math.min(REQUESTED, fdLimit - FD_HEADROOM);
  if (connections < REQUESTED) {
    process.stdout.write(`hard limit of open files is ${fdLimit}: ${connections} connections instead of ${REQUESTED} (raise it with ulimit -Hn / LimitNOFILE / docker ulimits)\n`);
  }
  const prefix = `bench-${randomUUID()}`;
  const keys = await generateTokenKeys();
  const token = await (await TokenSigner.fromPem(keys.privateKey, 3600)).sign({ sub: "bench", name: "bench", role: "user" });
  const port = await freePort();
  const redis = new Redis(REDIS_URL);
  const live = new LiveState(redis, prefix);
  const server = spawnNode("apps/notifier/src/main.ts", {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    REDIS_URL,
    REDIS_PREFIX: prefix,
    JWT_PUBLIC_KEY: keys.publicKey,
    LOG_LEVEL: "warn",
    NOTIFIER_MAX_CONNECTIONS_PER_USER: "0",
  });
  const clients: ClientProcess[] = [];
  try {
    const [ready] = (await once(server, "message")) as [unknown];
    ServiceReady.parse(ready);
    const rss = () => rssKiB(server.pid!);

    const ids = Array.from({ length: connections }, (_, i) => `c${i}`);
    for (let i = 0; i < ids.length; i += 1000) {
      await Promise.all(ids.slice(i, i + 1000).map((id) => live.create(view(id), "bench")));
    }
    const base = await settled(rss);

    // Client process p holds connections [starts[p], starts[p] + sizes[p]).
    const sizes: number[] = [];
    for (let left = connections; left > 0; left -= PER_CLIENT_PROCESS) sizes.push(Math.min(PER_CLIENT_PROCESS, left));
    const starts = sizes.map((_, p) => p * PER_CLIENT_PROCESS);
    for (const _ of sizes) {
      const client = new ClientProcess(spawnNode("bench/notifier-clients.ts", process.env));
      clients.push(client);
      await client.expect("ready");
    }
    const connectStarted = performance.now();
    for (const [p, client] of clients.entries()) {
      client.send({ type: "connect", url: `ws://127.0.0.1:${port}/ws`, token, addresses: addressesFor(starts[p]!, sizes[p]!) });
    }
    const connected = await Promise.all(clients.map((c) => c.expect("connected")));
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    const open = connected.reduce((n, r) => n + r.open, 0);
    const failed = connected.reduce((n, r) => n + r.failed, 0);
    const idle = await settled(rss);

    // Light load: a few subscribers while every connection is open.
    const lightPer = Math.ceil(LIGHT_SUBSCRIBERS / clients.length);
    await subscribeAll(clients, starts, sizes.map((s) => Math.min(lightPer, s)), 0);
    const lightIds = clients.flatMap((_, p) => ids.slice(starts[p]!, starts[p]! + Math.min(lightPer, sizes[p]!)));
    const metricsUrl = `http://127.0.0.1:${port}/metrics`;
    const light = await publishPhase(live, clients, lightIds, LIGHT_RATE, LIGHT_SECONDS, metricsUrl);

    // Everyone subscribed, each to its own submission.
    await subscribeAll(clients, starts, sizes, lightPer);
    const subscribed = await settled(rss);
    const heavy = await publishPhase(live, clients, ids, HEAVY_RATE, SECONDS, metricsUrl);

    const perConn = (kib: number) => (kib / open).toFixed(1);
    process.stdout.write(`\none notifier process, ${open} WebSocket connections (${failed} failed) from ${clients.length} client processes on ${Math.ceil(connections / PER_SOURCE_ADDRESS)} source addresses, opened in ${connectSeconds.toFixed(1)} s\n`);
    process.stdout.write(`RSS: base ${(base / 1024).toFixed(0)} MiB, idle ${(idle / 1024).toFixed(0)} MiB (+${perConn(idle - base)} KiB/conn), one subscription each ${(subscribed / 1024).toFixed(0)} MiB (+${perConn(subscribed - base)} KiB/conn)\n`);
    process.stdout.write("fan-out (publish → client)     events    received  p50        p95        p99        max        server ≤1 ms\n");
    for (const [name, phase] of [[`light: ${lightIds.length} subscribed, ${LIGHT_RATE}/s`, light], [`all ${open} subscribed, ${HEAVY_RATE}/s`, heavy]] as const) {
      process.stdout.write(`${name.padEnd(31)} ${String(phase.published).padEnd(9)} ${String(phase.received).padEnd(9)} ${ms(phase.latency.p50).padEnd(10)} ${ms(phase.latency.p95).padEnd(10)} ${ms(phase.latency.p99).padEnd(10)} ${ms(phase.latency.max).padEnd(10)} ${(phase.serverWithin1ms * 100).toFixed(1)}%\n`);
    }
    return {
      connections: open,
      failed,
      connectSeconds,
      rssKiB: { base, idle, subscribed },
      rssPerConnectionKiB: { idle: (idle - base) / open, subscribed: (subscribed - base) / open },
      light: { subscribers: lightIds.length, ratePerSecond: LIGHT_RATE, ...light },
      allSubscribed: { subscribers: open, ratePerSecond: HEAVY_RATE, ...heavy },
    };
  } finally {
    for (const client of clients) {
      if (client.child.connected) client.send({ type: "close" });
    }
    await Promise.all(clients.map((c) => (c.child.exitCode === null ? once(c.child, "exit") : null)));
    server.kill("SIGTERM");
    if (server.exitCode === null) await once(server, "exit");
    await deleteKeys(REDIS_URL, prefix);
    await redis.quit();
  }
}

/** 127.0.0.2 for the first PER_SOURCE_ADDRESS connections, 127.0.0.3 for the next, … */
function addressesFor(start: number, count: number): { address: string; count: number }[] {
  const out: { address: string; count: number }[] = [];
  for (let g = start; g < start + count; ) {
    const slot = Math.floor(g / PER_SOURCE_ADDRESS);
    const n = Math.min(start + count, (slot + 1) * PER_SOURCE_ADDRESS) - g;
    out.push({ address: `127.0.0.${2 + slot}`, count: n });
    g += n;
  }
  return out;
}

async function subscribeAll(clients: ClientProcess[], starts: number[], upto: number[], from: number): Promise<void> {
  for (const [p, client] of clients.entries()) {
    client.send({ type: "subscribe", from: Math.min(from, upto[p]!), to: upto[p]!, idPrefix: "c", firstId: starts[p]! });
  }
  const replies = await Promise.all(clients.map((c) => c.expect("subscribed")));
  const refused = replies.reduce((n, r) => n + r.refused, 0);
  if (refused > 0) throw new Error(`${refused} subscriptions were refused`);
}

/** Publishes `rate` events per second for `seconds`, each to a random one of `ids`, then gathers the clients' latencies. */
async function publishPhase(live: LiveState, clients: ClientProcess[], ids: string[], rate: number, seconds: number, metricsUrl: string): Promise<Phase> {
  const before = await fanoutHistogram(metricsUrl);
  const started = performance.now();
  const pending: Promise<number>[] = [];
  let published = 0;
  while (performance.now() - started < seconds * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    for (; published < due; published++) {
      const step = { kind: "status", status: "running", test: 1, total: 1, sentAt: nowEpochMs() } satisfies Step & { sentAt: number };
      pending.push(live.append(ids[Math.floor(Math.random() * ids.length)]!, step, view("x")));
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await Promise.all(pending);
  // Give the last events time to arrive: the phase's own p99 is far below this.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  for (const client of clients) client.send({ type: "collect" });
  const reports = await Promise.all(clients.map((c) => c.expect("latencies")));
  const values = reports.flatMap((r) => r.values);
  const after = await fanoutHistogram(metricsUrl);
  const serverWithin1ms = (after.within1ms - before.within1ms) / Math.max(1, after.count - before.count);
  return { published, received: values.length, latency: summarize(values), serverWithin1ms };
}

/** The notifier's fan-out histogram from /metrics: observations, and those within 1 ms. */
async function fanoutHistogram(url: string): Promise<{ count: number; within1ms: number }> {
  const text = await (await fetch(url)).text();
  const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? Number.NaN);
  return {
    count: value(/^notifier_fanout_seconds_count (\S+)$/m),
    within1ms: value(/^notifier_fanout_seconds_bucket\{le="0\.001"\} (\S+)$/m),
  };
}

function view(id: string): SubmissionView {
  return { id, problem: "a-plus-b", language: "python", status: "queued", verdict: null, passed: 0, total: 0, timeMs: null, memoryKb: null, tests: [], createdAt: new Date(0).toISOString(), judgedAt: null };
}

function rssKiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
  return Number(line?.split(/\s+/)[1] ?? Number.NaN);
}

/** RSS once the server has finished its work and V8 its lazy collections. KiB */
async function settled(rss: () => number): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 3000));
  return rss();
}

export const notifierConnections: BenchSection = { name: "notifier-connections", run };
