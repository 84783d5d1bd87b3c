import { hostname, availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { env, loadConfig } from "@judge/config";

export const WorkerConfig = z.object({
  REDIS_URL: env.redisUrl,
  REDIS_PREFIX: env.redisPrefix,
  /** The API's internal base URL, where test data is fetched. */
  API_URL: z.url().default("http://127.0.0.1:3001"),
  WORKER_TOKEN: env.secret("WORKER_TOKEN"),
  /** Submissions judged at once by this process; one per core is the honest default. */
  WORKER_CONCURRENCY: env.positiveInt(availableParallelism()),
  WORKER_ID: z.string().default(`${hostname()}-${process.pid}`),
  /** Scratch directories for sandboxes. */
  WORK_DIR: z.string().default(join(tmpdir(), "judge-work")),
  /** Test data and compiled artifacts, by content hash; survives restarts. */
  CACHE_DIR: z.string().default(join(tmpdir(), "judge-cache")),
  /** Host uid/gid the sandboxed programs run as (never root). */
  SANDBOX_UID: z.coerce.number().int().min(1).default(65534),
  SANDBOX_GID: z.coerce.number().int().min(1).default(65534),
  /**
   * How long a job's lock lasts without renewal, ms. A worker that dies (SIGKILL, power)
   * stops renewing it; once it expires the job counts as stalled and another worker re-runs it.
   */
  JOB_LOCK_MS: env.positiveInt(30_000),
  /** How often each worker looks for stalled jobs (expired locks), ms. */
  STALLED_CHECK_MS: env.positiveInt(30_000),
  /** Times a job may stall before it fails for good (then the API's record says so). */
  MAX_STALLED_COUNT: env.positiveInt(2),
  LOG_LEVEL: env.logLevel,
});
export type WorkerConfig = z.infer<typeof WorkerConfig>;

export function loadWorkerConfig(source: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return loadConfig("worker", WorkerConfig, source);
}
