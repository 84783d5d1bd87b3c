/**
 * `BENCH_ONLY=accept`: where POST /api/submissions spends its time before the 202 (issue #15).
 * The API runs in this process (apps/api/test/support/api-harness.ts: own database and Redis
 * prefix, no worker, so jobs stay queued); each step of the accept path is then timed alone,
 * sequentially, with the same parts the API builds, and the whole POST over HTTP on 127.0.0.1.
 * Steps that run concurrently in the service (problem, languages, admission; insert and live
 * state) are timed apart here: the critical path is the slowest of each group, not their sum.
 */
import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { RateLimiterRedis } from "rate-limiter-flexible";
import { FleetRegistry, LiveState } from "@judge/live-state";
import { queueNames, queuedView, type JudgeJob } from "@judge/protocol";
import { Admission, PENDING_WINDOW_MS } from "../apps/api/src/intake/admission.ts";
import { OfferedLanguages } from "../apps/api/src/intake/offered-languages.ts";
import { PendingSubmissions } from "../apps/api/src/intake/pending-submissions.ts";
import { RunsInFlight } from "../apps/api/src/intake/runs-in-flight.ts";
import { enqueueJudgings } from "../apps/api/src/submissions/judge-enqueue.ts";
import { api, registerUser, startApiHarness } from "../apps/api/test/support/api-harness.ts";
import { SHARED_REDIS } from "../test/support/test-stack.ts";
import { summarize, type Summary } from "./latency-stats.ts";
import type { BenchSection } from "./section.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const CODE = "a, b = map(int, input().split())\nprint(a + b)\n";

async function timed(rounds: number, step: (round: number) => Promise<unknown>): Promise<Summary> {
  await step(-1); // warm: connections, prepared statements
  const values: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    await step(round);
    values.push(performance.now() - started);
  }
  return summarize(values);
}

async function main(): Promise<Record<string, unknown>> {
  const h = await startApiHarness();
  const queueConnection = new Redis(SHARED_REDIS, { maxRetriesPerRequest: null });
  const queue = new Queue<JudgeJob>(queueNames.judge, { connection: queueConnection, prefix: h.prefix });
  const steps: Record<string, Summary> = {};
  try {
    await h.offerLanguages();
    const user = await registerUser(h.base);
    const problem = await h.prisma.problem.findUniqueOrThrow({ where: { slug: "a-plus-b" } });
    const live = new LiveState(h.redis, h.prefix);
    const fleet = new FleetRegistry(h.redis, h.prefix);
    const runs = new RunsInFlight(h.redis, h.prefix, live, PENDING_WINDOW_MS);
    const pending = new PendingSubmissions(h.redis, h.prisma, h.prefix, PENDING_WINDOW_MS);
    const admission = new Admission(pending, queue, runs, { maxQueueDepth: 1_000_000, maxPendingPerUser: 1_000_000 });
    const cached = new OfferedLanguages(fleet, 2_000);
    const limiter = new RateLimiterRedis({ storeClient: h.redis, keyPrefix: `${h.prefix}:ratelimit:bench`, points: 1_000_000, duration: 60 });
    const ids = Array.from({ length: ROUNDS + 1 }, () => randomUUID());
    const idOf = (round: number) => ids[round + 1]!;

    steps["rate limit (redis)"] = await timed(ROUNDS, () => limiter.consume(`u:${user.id}`));
    steps["problem (pg)"] = await timed(ROUNDS, () => h.prisma.problem.findUnique({ where: { slug: "a-plus-b" }, select: { id: true, testsHash: true } }));
    steps["languages: fleet (redis)"] = await timed(ROUNDS, () => fleet.languages());
    steps["languages: cached"] = await timed(ROUNDS, () => cached.check("python"));
    steps["admission: queue depth (redis)"] = await timed(ROUNDS, () => admission.queueDepth());
    steps["admission: pending rows (pg)"] = await timed(ROUNDS, () =>
      h.prisma.submission.count({ where: { userId: user.id, origin: "user", status: { not: "done" }, createdAt: { gte: new Date(Date.now() - PENDING_WINDOW_MS) } } }),
    );
    steps["admission: pending set (redis)"] = await timed(ROUNDS, () => pending.count(user.id));
    steps["admission: runs (redis)"] = await timed(ROUNDS, () => runs.count(user.id));
    steps["admission: whole"] = await timed(ROUNDS, () => admission.admit(user.id));
    steps["insert row (pg)"] = await timed(ROUNDS, (round) =>
      h.prisma.submission.create({ data: { id: idOf(round), userId: user.id, problemId: problem.id, language: "python", code: CODE, status: "queued" }, select: { judging: true } }),
    );
    steps["live state create (redis)"] = await timed(ROUNDS, (round) =>
      live.create(queuedView({ id: idOf(round), problem: "a-plus-b", language: "python", createdAt: new Date().toISOString() }), user.id),
    );
    steps["enqueue (bullmq)"] = await timed(ROUNDS, (round) =>
      enqueueJudgings(queue, [{ submissionId: idOf(round), judging: 1, language: "python", code: CODE, problemId: problem.id, testsHash: problem.testsHash, priority: 10 }], 1),
    );
    steps["POST /api/submissions"] = await timed(ROUNDS, async () => {
      const res = await api(h.base, "/api/submissions", { token: user.token, body: { problem: "a-plus-b", language: "python", code: CODE } });
      if (res.status !== 202) throw new Error(`submit answered ${res.status}: ${JSON.stringify(res.body)}`);
    });
  } finally {
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close();
    queueConnection.disconnect();
    await h.close();
  }
  process.stdout.write(`accept path, ${ROUNDS} sequential calls per step (ms)\n`);
  process.stdout.write(`${"step".padEnd(34)}${"p50".padStart(8)}${"p99".padStart(8)}${"mean".padStart(8)}\n`);
  for (const [name, s] of Object.entries(steps)) {
    process.stdout.write(`${name.padEnd(34)}${s.p50.toFixed(2).padStart(8)}${s.p99.toFixed(2).padStart(8)}${s.mean.toFixed(2).padStart(8)}\n`);
  }
  return steps;
}

export const acceptPath: BenchSection = { name: "accept", run: main };
