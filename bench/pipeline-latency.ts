/**
 * Submit-to-verdict latency through the real stack (api, worker, notifier as processes,
 * shared Redis/PostgreSQL under a private prefix and database), against the bare judge's
 * own compile+run time for the same submission, measured in the same run.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "@judge/config";
import { createPrisma, testBundleOf } from "@judge/db";
import type { LanguageId } from "@judge/protocol";
import { Judge } from "../apps/worker/src/judge/index.ts";
import { api, registerUser, startTestStack } from "../test/support/test-stack.ts";
import { WsTestClient } from "../test/support/ws-client.ts";
import { ms, summarize, type Summary } from "./latency-stats.ts";
import type { BenchSection } from "./section.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const cases: { language: LanguageId; code: string }[] = [
  { language: "python", code: "a, b = map(int, input().split())\nprint(a + b)\n" },
  { language: "cpp", code: "#include <cstdio>\nint main(){long long a,b;scanf(\"%lld %lld\",&a,&b);printf(\"%lld\\n\",a+b);}\n" },
];
const noop = async () => {};

async function main(): Promise<Record<string, unknown>> {
  const stack = await startTestStack({ workers: 1, workerConcurrency: 1, logLevel: "warn" });
  const results: Record<string, { pipeline: Summary; bareJudge: Summary; overheadP50: number; overheadP99: number }> = {};
  try {
    const prisma = createPrisma(stack.databaseUrl);
    const problem = await prisma.problem.findUniqueOrThrow({ where: { slug: "a-plus-b" }, include: { tests: { orderBy: { index: "asc" } } } });
    const bundle = testBundleOf(problem);
    await prisma.$disconnect();
    const judge = await Judge.create({
      workDir: join(tmpdir(), "judge-bench-work"),
      cacheDir: join(tmpdir(), "judge-bench-cache"),
      logger: createLogger("bench", "warn"),
    });
    const user = await registerUser(stack.apiUrl);
    const ws = await WsTestClient.connect(stack.notifierUrl, user.token);

    for (const { language, code } of cases) {
      // Warm both paths once (the compile cache, the worker's test data cache).
      await judge.judge({ language, code, bundle }, { compiling: noop, running: noop, tested: noop });
      const bare: number[] = [];
      const pipeline: number[] = [];
      for (let round = 0; round <= ROUNDS; round++) {
        const started = performance.now();
        const outcome = await judge.judge({ language, code, bundle }, { compiling: noop, running: noop, tested: noop });
        if (outcome.verdict !== "AC") throw new Error(`bare judge gave ${outcome.verdict}`);
        bare.push(performance.now() - started);

        const submitted = performance.now();
        const res = await api<{ id: string }>(stack.apiUrl, "/api/submissions", { token: user.token, body: { problem: "a-plus-b", language, code } });
        if (res.status !== 202) throw new Error(`submit answered ${res.status}`);
        ws.send({ op: "subscribe", submissionId: res.body.id });
        const verdict = await ws.verdict(res.body.id);
        if (verdict.type === "event" && verdict.kind === "verdict" && verdict.verdict !== "AC") throw new Error(`pipeline gave ${verdict.verdict}`);
        ws.send({ op: "unsubscribe", submissionId: res.body.id });
        // Round 0 warms the worker's caches and is not counted.
        if (round > 0) pipeline.push(performance.now() - submitted);
      }
      bare.shift();
      const p = summarize(pipeline);
      const b = summarize(bare);
      results[language] = { pipeline: p, bareJudge: b, overheadP50: p.p50 - b.p50, overheadP99: p.p99 - b.p99 };
    }
    ws.close();
    await judge.close();
  } finally {
    await stack.teardown();
  }

  process.stdout.write(`\nsubmit → verdict on the WebSocket, a-plus-b, 1 worker, sequential, ${ROUNDS} rounds\n`);
  process.stdout.write("language    pipeline p50   p99        bare judge p50   p99        overhead p50   p99\n");
  for (const [language, r] of Object.entries(results)) {
    process.stdout.write(
      `${language.padEnd(11)} ${ms(r.pipeline.p50).padEnd(14)} ${ms(r.pipeline.p99).padEnd(10)} ${ms(r.bareJudge.p50).padEnd(16)} ${ms(r.bareJudge.p99).padEnd(10)} ${ms(r.overheadP50).padEnd(14)} ${ms(r.overheadP99)}\n`,
    );
  }
  return { rounds: ROUNDS, results };
}

export const pipelineLatency: BenchSection = { name: "pipeline-latency", run: main };
