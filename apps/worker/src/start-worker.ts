import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import type { Logger } from "@judge/config";
import { FleetRegistry, LiveState } from "@judge/live-state";
import { HEARTBEAT_INTERVAL_MS, queueNames, type JudgeResult } from "@judge/protocol";
import type { WorkerConfig } from "./config.ts";
import { Judge } from "./judge/index.ts";
import { dispatchJobs } from "./jobs/job-dispatch.ts";
import { RunJudging } from "./jobs/run-judging.ts";
import { SubmissionJudging } from "./jobs/submission-judging.ts";
import { TestBundleCache } from "./test-bundle-cache.ts";

export interface RunningWorker {
  languages: string[];
  close(): Promise<void>;
}

export async function startWorker(config: WorkerConfig, logger: Logger): Promise<RunningWorker> {
  const judge = await Judge.create({
    workDir: config.WORK_DIR,
    cacheDir: config.CACHE_DIR,
    logger: logger.child({ module: "judge" }),
    sandboxUsers: { uid: config.SANDBOX_UID, gid: config.SANDBOX_GID, count: config.SANDBOX_UID_COUNT },
    artifactCacheBytes: config.ARTIFACT_CACHE_BYTES,
    maxArtifactBytes: config.ARTIFACT_MAX_BYTES,
    compileScratchBytes: config.COMPILE_SCRATCH_BYTES,
    // One scratch per job this process judges at once, so no compile waits for another's.
    compileSlots: config.WORKER_CONCURRENCY,
  });
  const languages = judge.languages();

  // Steps and results wait out a Redis restart instead of failing the job.
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  redis.on("error", (err) => logger.warn({ err: err.message }, "redis"));
  const live = new LiveState(redis, config.REDIS_PREFIX);
  const fleet = new FleetRegistry(redis, config.REDIS_PREFIX);
  const results = new Queue<JudgeResult>(queueNames.results, { connection: redis, prefix: config.REDIS_PREFIX });
  // The same connection's errors are logged just above; without a listener BullMQ prints each
  // one's whole stack to stderr (dozens of lines a second while Redis restarts).
  results.on("error", () => {});
  const bundles = new TestBundleCache(config.API_URL, config.WORKER_TOKEN, config.CACHE_DIR);
  const submissions = new SubmissionJudging({
    judge,
    bundles,
    live,
    results,
    workerId: config.WORKER_ID,
    logger: logger.child({ module: "judging" }),
    maxStalls: config.MAX_STALLED_COUNT,
  });
  const runs = new RunJudging({ judge, bundles, live, logger: logger.child({ module: "runs" }) });
  // The Run button's jobs share the judge queue with submissions.
  const processJob = dispatchJobs({ submission: submissions.process, run: runs.process }, logger.child({ module: "jobs" }));

  const beat = () =>
    fleet
      .beat({ workerId: config.WORKER_ID, languages, concurrency: config.WORKER_CONCURRENCY, seenAt: Date.now() })
      .catch((err: unknown) => logger.warn({ err }, "heartbeat failed"));
  await beat();
  const heartbeat = setInterval(beat, HEARTBEAT_INTERVAL_MS);

  const worker = new Worker(queueNames.judge, processJob, {
    connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
    prefix: config.REDIS_PREFIX,
    concurrency: config.WORKER_CONCURRENCY,
    // A dead worker's jobs come back after the lock expires; the stall limit is ours to
    // enforce (SubmissionJudging ends such a job as IE), so BullMQ must never fail it first.
    lockDuration: config.JOB_LOCK_MS,
    stalledInterval: config.STALLED_CHECK_MS,
    maxStalledCount: config.MAX_STALLED_COUNT + 1,
  });
  worker.on("error", (err) => logger.error({ err }, "worker error"));
  worker.on("stalled", (jobId) => logger.warn({ jobId }, "stalled job (its worker died) back on the queue"));

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(heartbeat);
      await Promise.allSettled([fleet.leave(config.WORKER_ID)]);
      // Worker.close() waits for the jobs in hand, so nothing is left half-judged.
      await Promise.allSettled([worker.close()]);
      await Promise.allSettled([results.close(), judge.close()]);
      await Promise.allSettled([redis.quit()]);
    })());
  return { languages: languages.map((l) => l.id), close };
}
