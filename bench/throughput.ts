/**
 * Throughput and latency of the whole stack under simulated users, against the bare judge
 * measured in the same run, with 1 and with 2 worker processes (one judging slot each).
 *
 * For each language and worker count, in this order, close together in time so the
 * machine's other load weighs on all three alike:
 *  - bare: the judge core in this process, `slots` loops in parallel, unique sources;
 *  - paced: one simulated user per slot (each worker kept busy, no queue): the pipeline's
 *    overhead and the breakdown of where the time goes;
 *  - saturated: many users at once: judged per second and latency with a queue.
 * Every submission's source is unique, so each C++ one is compiled, as in a contest.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { createLogger } from "@judge/config";
import { createPrisma, testBundleOf } from "@judge/db";
import type { LanguageId, TestBundle } from "@judge/protocol";
import { Judge } from "../apps/worker/src/judge/index.ts";
import { freePort } from "../scripts/stack/free-port.ts";
import { startRedisServer } from "../scripts/stack/redis-server.ts";
import { startTestStack } from "../test/support/test-stack.ts";
import { breakdownOf, printBreakdown, type Breakdown } from "./breakdown.ts";
import { ms, summarize, type Summary } from "./latency-stats.ts";
import type { BenchSection } from "./section.ts";
import { databaseCounters, processCpu, type ProcessCpu } from "./throughput-cpu.ts";
import { costBetween, idleCpuUsPerSecond, readRedis, type RedisCost } from "./throughput-redis.ts";
import { closedLoop, SimulatedUser } from "./throughput-users.ts";

const USERS = Number(process.env.BENCH_USERS ?? 24);
const SLOTS = (process.env.BENCH_WORKERS ?? "1,2").split(",").map(Number);
const LANGUAGES = (process.env.BENCH_LANGUAGES ?? "python,cpp").split(",") as LanguageId[];
/** Submissions per phase; C++ compiles each one, so fewer. */
const COUNT: Partial<Record<LanguageId, number>> = {
  python: Number(process.env.BENCH_PY_COUNT ?? 80),
  cpp: Number(process.env.BENCH_CPP_COUNT ?? 24),
};

const run = randomUUID().slice(0, 8);
const sources: Partial<Record<LanguageId, (n: number) => string>> = {
  python: (n) => `# ${run}-${n}\na, b = map(int, input().split())\nprint(a + b)\n`,
  cpp: (n) => `// ${run}-${n}\n#include <cstdio>\nint main(){long long a,b;scanf("%lld %lld",&a,&b);printf("%lld\\n",a+b);}\n`,
};
let serial = 0;
const nextSource = (language: LanguageId) => ({ language, code: sources[language]!(serial++) });
const noop = async () => {};

interface Row {
  language: LanguageId;
  workers: number;
  bare: { perSecond: number; judge: Summary };
  paced: { perSecond: number; breakdown: Breakdown };
  saturated: { perSecond: number; users: number; latency: Summary };
  /** saturated judged/s over bare judge runs/s */
  ratio: number;
  /** Redis's work per submission during the saturated phase */
  redis: RedisCost;
  /** CPU ms per submission of each process during the saturated phase */
  cpuMs: { api: number; notifier: number; workerGlue: number; sandboxes: number };
}

/** The services' CPU now: api, notifier, and the workers summed. */
async function stackCpu(stack: { api: { child: { pid?: number } }; notifier: { child: { pid?: number } }; workers: { child: { pid?: number } }[] }) {
  const of = (p: { child: { pid?: number } }) => processCpu(p.child.pid!);
  const [api, notifier, ...workers] = await Promise.all([of(stack.api), of(stack.notifier), ...stack.workers.map(of)]);
  const sum = (list: ProcessCpu[]) => list.reduce((a, b) => ({ selfMs: a.selfMs + b.selfMs, childrenMs: a.childrenMs + b.childrenMs }), { selfMs: 0, childrenMs: 0 });
  return { api: api!, notifier: notifier!, workers: sum(workers) };
}

async function bareLoop(judge: Judge, bundle: TestBundle, language: LanguageId, slots: number, total: number) {
  let issued = 0;
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: slots }, async () => {
      while (issued++ < total) {
        const t = performance.now();
        const outcome = await judge.judge({ ...nextSource(language), bundle }, { compiling: noop, running: noop, tested: noop });
        if (outcome.verdict !== "AC") throw new Error(`bare judge gave ${outcome.verdict}: ${outcome.compileOutput ?? ""}`);
        times.push(performance.now() - t);
      }
    }),
  );
  return { perSecond: (times.length * 1000) / (performance.now() - started), judge: summarize(times) };
}

async function main(): Promise<Record<string, unknown>> {
  const rows: Row[] = [];
  // A private redis-server: the figures per submission then count this run's work only.
  const redisDir = await mkdtemp(join(tmpdir(), "bench-redis-"));
  const redisServer = await startRedisServer(await freePort(), redisDir);
  const redis = new Redis(redisServer.url);
  const stack = await startTestStack({ workers: 1, workerConcurrency: 1, logLevel: "warn", redisUrl: redisServer.url });
  const judge = await Judge.create({
    workDir: join(tmpdir(), "judge-bench-work"),
    cacheDir: join(tmpdir(), "judge-bench-cache"),
    logger: createLogger("bench", "warn"),
  });
  const users: SimulatedUser[] = [];
  const prisma = createPrisma(stack.databaseUrl);
  let database: Record<string, number> = {};
  try {
    const problem = await prisma.problem.findUniqueOrThrow({ where: { slug: "a-plus-b" }, include: { tests: { orderBy: { index: "asc" } } } });
    const bundle = testBundleOf(problem);
    for (let i = 0; i < USERS; i++) users.push(await SimulatedUser.create(stack.apiUrl, stack.notifierUrl));

    const dbBefore = await databaseCounters(prisma);
    let stackSubmissions = 0;
    for (const slots of SLOTS) {
      while (stack.workers.length < slots) await stack.addWorker();
      // The fleet's idle cost to Redis, taken off each phase's figure (a fixed window: this
      // measures a rate, it waits on nothing).
      const idleStart = await stackCpu(stack);
      const idleStarted = performance.now();
      const idleUsPerSecond = await idleCpuUsPerSecond(redis, 3000);
      const idleEnd = await stackCpu(stack);
      const idleSeconds = (performance.now() - idleStarted) / 1000;
      /** Each service's own CPU while idle (timers, heartbeats, GC), ms per second. */
      const idleMsPerSecond = {
        api: (idleEnd.api.selfMs - idleStart.api.selfMs) / idleSeconds,
        notifier: (idleEnd.notifier.selfMs - idleStart.notifier.selfMs) / idleSeconds,
        workers: (idleEnd.workers.selfMs - idleStart.workers.selfMs) / idleSeconds,
      };
      for (const language of LANGUAGES) {
        const total = COUNT[language] ?? 40;
        // Warm: the compile cache's header, each worker's test data, the API's code paths.
        await bareLoop(judge, bundle, language, slots, slots);
        await closedLoop(users.slice(0, slots * 2), slots * 4, () => nextSource(language));

        const bare = await bareLoop(judge, bundle, language, slots, total);
        const paced = await closedLoop(users.slice(0, slots), total, () => nextSource(language));
        const before = await readRedis(redis);
        const cpuBefore = await stackCpu(stack);
        const saturated = await closedLoop(users, total, () => nextSource(language));
        const cpuAfter = await stackCpu(stack);
        stackSubmissions += slots * 4 + paced.samples.length + saturated.samples.length;
        // Net of what the services burn idle over the same time, as for Redis.
        const idleOver = (msPerSecond: number) => (msPerSecond * saturated.elapsedMs) / 1000;
        const perSubmission = (v: number) => v / saturated.samples.length;
        const redisCost = costBetween(before, await readRedis(redis), saturated.samples.length, {
          usPerSecond: idleUsPerSecond,
          elapsedMs: saturated.elapsedMs,
        });
        for (const s of [...paced.samples, ...saturated.samples]) {
          if (s.verdict !== "AC") throw new Error(`the stack gave ${s.verdict} for ${language}`);
        }
        const saturatedPerSecond = (saturated.samples.length * 1000) / saturated.elapsedMs;
        const row: Row = {
          language,
          workers: slots,
          bare,
          paced: { perSecond: (paced.samples.length * 1000) / paced.elapsedMs, breakdown: breakdownOf(paced.samples) },
          saturated: { perSecond: saturatedPerSecond, users: users.length, latency: summarize(saturated.samples.map((s) => s.latencyMs)) },
          ratio: saturatedPerSecond / bare.perSecond,
          redis: redisCost,
          cpuMs: {
            api: perSubmission(cpuAfter.api.selfMs - cpuBefore.api.selfMs - idleOver(idleMsPerSecond.api)),
            notifier: perSubmission(cpuAfter.notifier.selfMs - cpuBefore.notifier.selfMs - idleOver(idleMsPerSecond.notifier)),
            workerGlue: perSubmission(cpuAfter.workers.selfMs - cpuBefore.workers.selfMs - idleOver(idleMsPerSecond.workers)),
            sandboxes: perSubmission(cpuAfter.workers.childrenMs - cpuBefore.workers.childrenMs),
          },
        };
        rows.push(row);
        printRow(row, rows.length === 1);
      }
    }
    // PostgreSQL flushes its counters lazily (idle backends within 10 s): wait that out once.
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    const dbAfter = await databaseCounters(prisma);
    database = {
      submissions: stackSubmissions,
      commitsPerSubmission: (dbAfter.commits - dbBefore.commits) / stackSubmissions,
      rowsWrittenPerSubmission: (dbAfter.rowsWritten - dbBefore.rowsWritten) / stackSubmissions,
      rowsReadPerSubmission: (dbAfter.rowsRead - dbBefore.rowsRead) / stackSubmissions,
    };
  } finally {
    for (const user of users) user.close();
    await judge.close();
    await prisma.$disconnect();
    await stack.teardown();
    redis.disconnect();
    await redisServer.close();
    await rm(redisDir, { recursive: true, force: true });
  }

  process.stdout.write("\npipeline overhead: submit → verdict on the socket minus the sandbox's compile+run of the same submission (paced: one user per worker)\n");
  process.stdout.write("language  workers  latency p50    overhead p50   p95        p99        bare judge p50\n");
  for (const r of rows) {
    const o = r.paced.breakdown.overhead;
    process.stdout.write(
      `${r.language.padEnd(9)} ${String(r.workers).padEnd(8)} ${ms(r.paced.breakdown.latency.p50).padEnd(14)} ${ms(o.p50).padEnd(14)} ${ms(o.p95).padEnd(10)} ${ms(o.p99).padEnd(10)} ${ms(r.bare.judge.p50)}\n`,
    );
  }
  printBreakdown(
    "where the time goes (paced; api = POST sent → job queued, fetch = job setup incl. test data, push = Redis → socket)",
    rows.map((r) => ({ label: `${r.language} ×${r.workers}`, breakdown: r.paced.breakdown })),
  );
  process.stdout.write("\nRedis per submission (saturated phase, the benchmark's own redis-server)\n");
  process.stdout.write("language  workers  CPU µs   commands  scripts  publishes\n");
  for (const r of rows) {
    process.stdout.write(
      `${r.language.padEnd(9)} ${String(r.workers).padEnd(8)} ${r.redis.cpuUsPerSubmission.toFixed(0).padEnd(8)} ${r.redis.callsPerSubmission.toFixed(1).padEnd(9)} ${r.redis.scriptsPerSubmission.toFixed(1).padEnd(8)} ${r.redis.publishesPerSubmission.toFixed(1)}\n`,
    );
    const top = r.redis.top.map(([name, calls, us]) => `${name} ${calls.toFixed(1)}× ${us.toFixed(0)} µs`).join(", ");
    process.stdout.write(`    most time: ${top}\n`);
  }
  process.stdout.write("\nCPU per submission, ms (saturated phase; /proc of each service process)\n");
  process.stdout.write("language  workers  api      notifier  worker glue  sandboxes\n");
  for (const r of rows) {
    const c = r.cpuMs;
    process.stdout.write(
      `${r.language.padEnd(9)} ${String(r.workers).padEnd(8)} ${c.api.toFixed(2).padEnd(8)} ${c.notifier.toFixed(2).padEnd(9)} ${c.workerGlue.toFixed(2).padEnd(12)} ${c.sandboxes.toFixed(1)}\n`,
    );
  }
  process.stdout.write(
    `\nPostgreSQL per submission (whole run, ${database.submissions} submissions): ${database.commitsPerSubmission?.toFixed(1)} commits, ${database.rowsWrittenPerSubmission?.toFixed(1)} rows written, ${database.rowsReadPerSubmission?.toFixed(1)} rows read\n`,
  );
  return { users: USERS, counts: COUNT, rows, database };
}

function printRow(r: Row, header: boolean): void {
  if (header) {
    process.stdout.write(`\nsaturated: ${USERS} simulated users over HTTP + WebSocket, unique a-plus-b sources, one judging slot per worker\n`);
    process.stdout.write("language  workers  bare runs/s  judged/s  ratio   paced/s   saturated latency p50   p95        p99\n");
  }
  const l = r.saturated.latency;
  process.stdout.write(
    `${r.language.padEnd(9)} ${String(r.workers).padEnd(8)} ${r.bare.perSecond.toFixed(1).padEnd(12)} ${r.saturated.perSecond.toFixed(1).padEnd(9)} ${(r.ratio * 100).toFixed(0).padStart(3)}%    ${r.paced.perSecond.toFixed(1).padEnd(9)} ${ms(l.p50).padEnd(23)} ${ms(l.p95).padEnd(10)} ${ms(l.p99)}\n`,
  );
}

export const throughput: BenchSection = { name: "throughput", run: main };
