import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, it } from "vitest";
import { Queue, QueueEvents } from "bullmq";
import { createPrisma, type PrismaClient } from "@judge/db";
import { queueNames, type JudgeResult } from "@judge/protocol";
import { spawnService, type ServiceProcess } from "../../scripts/stack/service-process.ts";
import { registerUser, SHARED_REDIS, startTestStack, submit, type TestStack } from "../support/test-stack.ts";
import { checkStream } from "../support/event-stream.ts";
import { WsTestClient } from "../support/ws-client.ts";
import { LogWatch, code, follow, storedRow } from "./fault-support.ts";

const ATTEMPTS = 4;
const execFileAsync = promisify(execFile);
const workerToken = randomBytes(24).toString("hex");

describe("faults: workers", () => {
  let stack: TestStack;
  let prisma: PrismaClient;
  let token: string;
  let client: WsTestClient;
  const logs = new LogWatch();
  const scratch = join(tmpdir(), `judge-faults-${randomUUID()}`);
  const extra: ServiceProcess[] = [];

  beforeAll(async () => {
    stack = await startTestStack({
      workers: 1,
      workerConcurrency: 2,
      workerToken,
      onLine: logs.onLine,
      // A dead worker's job is back in seconds, not BullMQ's default 30 s.
      extraEnv: { JOB_LOCK_MS: "2000", STALLED_CHECK_MS: "1000", JUDGE_ATTEMPTS: String(ATTEMPTS) },
    });
    prisma = createPrisma(stack.databaseUrl);
    ({ token } = await registerUser(stack.apiUrl));
    client = await WsTestClient.connect(stack.notifierUrl, token);
  });

  afterAll(async () => {
    client?.close();
    await Promise.all(extra.map((p) => p.stop()));
    await prisma?.$disconnect();
    await stack?.teardown();
    await rm(scratch, { recursive: true, force: true });
  });

  /** A worker of this stack with its own scratch directory, which the test may break. */
  async function startWorker(name: string, workDir: string): Promise<ServiceProcess> {
    const worker = await spawnService({
      name,
      entry: "apps/worker/src/main.ts",
      env: {
        ...process.env,
        REDIS_URL: SHARED_REDIS,
        REDIS_PREFIX: stack.prefix,
        LOG_LEVEL: "info",
        API_URL: stack.apiUrl,
        WORKER_TOKEN: workerToken,
        WORKER_CONCURRENCY: "1",
        WORKER_ID: `${stack.prefix}-${name}`,
        WORK_DIR: workDir,
        JOB_LOCK_MS: "2000",
        STALLED_CHECK_MS: "1000",
      },
      onLine: logs.onLine,
    });
    extra.push(worker);
    return worker;
  }

  it("a worker killed with SIGKILL mid-job: another worker judges it, one verdict stored and pushed", async () => {
    const victim = stack.workers[0]!;
    const id = await submit(stack.apiUrl, token, "python", code.pythonSlowFirst);
    await follow(client, id);
    await client.running(id);
    victim.kill("SIGKILL");
    assert.equal(await victim.exited, "SIGKILL");
    await stack.addWorker();

    await client.verdict(id, 60_000);
    const { view, events } = checkStream(client.of(id), { final: true });
    assert.equal(view.verdict, "AC");
    // The recovered attempt starts over where a subscriber can see it: compiling again, later seq.
    const firstRunning = events.findIndex((e) => e.kind === "status" && e.status === "running");
    const recompiling = events.findIndex((e, i) => i > firstRunning && e.kind === "status" && e.status === "compiling");
    assert.ok(firstRunning >= 0 && recompiling > firstRunning, `the retry is visible: ${JSON.stringify(events)}`);
    const row = await storedRow(prisma, id);
    assert.equal(row.verdict, "AC");
    assert.equal(row.tests, row.total);
  });

  it("a job and a result delivered twice are stored once and pushed once", async () => {
    const id = await submit(stack.apiUrl, token, "python", code.python);
    await follow(client, id);
    await client.verdict(id);
    const before = await storedRow(prisma, id);
    assert.equal(before.verdict, "AC");

    const connection = { url: SHARED_REDIS };
    const judgeQueue = new Queue(queueNames.judge, { connection, prefix: stack.prefix });
    const resultsQueue = new Queue(queueNames.results, { connection, prefix: stack.prefix });
    const judgeEvents = new QueueEvents(queueNames.judge, { connection, prefix: stack.prefix });
    const resultEvents = new QueueEvents(queueNames.results, { connection, prefix: stack.prefix });
    try {
      await Promise.all([judgeEvents.waitUntilReady(), resultEvents.waitUntilReady()]);
      const original = await judgeQueue.getJob(id);
      assert.ok(original, "the judged job is kept for a while after completion");
      // The same job again under another id (a broker that delivers twice), and its result twice, with another verdict.
      const again = await judgeQueue.add("judge", original.data, { jobId: `${id}-again` });
      await again.waitUntilFinished(judgeEvents, 60_000);
      const forged: JudgeResult = { v: 1, submissionId: id, verdict: "WA", passed: 0, total: before.total, timeMs: 1, memoryKb: 1, compileOutput: null, tests: [{ index: 1, verdict: "WA", timeMs: 1, memoryKb: 1 }], judgedAt: new Date().toISOString(), workerId: "twice" };
      for (const jobId of [`${id}-r1`, `${id}-r2`]) {
        const job = await resultsQueue.add("result", forged, { jobId });
        await job.waitUntilFinished(resultEvents, 60_000);
      }
    } finally {
      await Promise.allSettled([judgeQueue.close(), resultsQueue.close(), judgeEvents.close(), resultEvents.close()]);
    }
    const row = await storedRow(prisma, id);
    assert.equal(row.verdict, "AC");
    assert.equal(row.judgedAt?.getTime(), before.judgedAt?.getTime());
    assert.equal(row.tests, before.tests);
    // A late subscriber's snapshot and the first one's stream both hold one verdict.
    checkStream(client.of(id), { final: true });
    const late = await WsTestClient.connect(stack.notifierUrl, token);
    try {
      await follow(late, id);
      const snapshot = late.of(id)[0];
      assert.ok(snapshot?.type === "snapshot");
      const lastSeen = client.of(id).at(-1);
      assert.equal(snapshot.seq, lastSeen && "seq" in lastSeen ? lastSeen.seq : -1, "nothing was appended after the verdict");
    } finally {
      late.close();
    }
  });

  it("a sandbox that cannot make its scratch dir (fake: WORK_DIR replaced by a file): retried, never IE while attempts remain", async () => {
    // Only the worker under test takes jobs from here on.
    await Promise.all(stack.workers.map((w) => w.stop()));
    const workDir = join(scratch, "work");
    await mkdir(workDir, { recursive: true, mode: 0o711 });
    await startWorker("broken-worker", workDir);
    const breakIt = async () => {
      // Compile scratch is a tmpfs mounted under WORK_DIR: unmount it first, as an operator would.
      const mounts = (await readFile("/proc/self/mounts", "utf8")).split("\n").map((l) => l.split(" ")[1] ?? "");
      for (const mount of mounts.filter((m) => m.startsWith(`${workDir}/`))) await execFileAsync("/usr/bin/umount", ["-l", mount]);
      await rm(workDir, { recursive: true, force: true });
      await writeFile(workDir, "not a directory");
    };
    const repair = async () => {
      await rm(workDir, { force: true });
      await mkdir(workDir, { mode: 0o711 });
    };

    // 1. Broken for the first attempt, repaired before the last: judged, with no IE on the way.
    await breakIt();
    const retried = await submit(stack.apiUrl, token, "c", code.freshC(randomUUID()));
    await follow(client, retried);
    await logs.next([retried, "BullMQ will retry"]);
    await repair();
    await client.verdict(retried);
    const first = checkStream(client.of(retried), { final: true });
    assert.equal(first.view.verdict, "AC", logs.tail());
    assert.equal((await storedRow(prisma, retried)).verdict, "AC");

    // 2. Broken for every attempt: IE only after the last, with the reason.
    await breakIt();
    const doomed = await submit(stack.apiUrl, token, "c", code.freshC(randomUUID()));
    await follow(client, doomed);
    await client.verdict(doomed, 60_000);
    const second = checkStream(client.of(doomed), { final: true });
    assert.equal(second.view.verdict, "IE");
    assert.match(second.view.compileOutput ?? "", /internal error: .*(ENOTDIR|not a directory|ENOENT)/i);
    assert.equal(logs.count([doomed, "BullMQ will retry"]), ATTEMPTS - 1, "every attempt but the last was retried");
    const row = await storedRow(prisma, doomed);
    assert.equal(row.verdict, "IE");
    assert.match(row.compileOutput ?? "", /internal error/);
    await repair();
  });
});
