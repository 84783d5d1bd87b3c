import { hostname, availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { env, loadConfig } from "@judge/config";

const NOBODY = 65534;
const MiB = 2 ** 20;
const units: Record<string, number> = { "": 1, k: 1024, m: MiB, g: 1024 * MiB };
/** A size in bytes: `67108864`, `64M`, `2G` (binary units, case-insensitive). */
const bytes = (fallback: number) =>
  z
    .string()
    .regex(/^\d+\s*[kmg]?(i?b)?$/i, "a size such as 268435456, 256M or 2G")
    .transform((text) => {
      const [, digits, unit] = /^(\d+)\s*([kmg]?)/i.exec(text)!;
      return Number(digits) * units[unit!.toLowerCase()]!;
    })
    .pipe(z.number().int().min(1))
    .default(fallback);

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
  /**
   * First host uid and gid of the boxes' range (never root): each concurrent box runs as its own
   * uid and gid, SANDBOX_UID + n and SANDBOX_GID + n, as isolate does with box ids.
   */
  SANDBOX_UID: z.coerce.number().int().min(1).default(60000),
  SANDBOX_GID: z.coerce.number().int().min(1).default(60000),
  /**
   * How many uids (and gids) the range holds. Every worker process on the host draws from it
   * (claims are host-wide), so it must cover the sum of their WORKER_CONCURRENCY.
   */
  SANDBOX_UID_COUNT: env.positiveInt(100),
  /**
   * How long a job's lock lasts without renewal, ms. A worker that dies (SIGKILL, power)
   * stops renewing it; once it expires the job counts as stalled and another worker re-runs it.
   */
  JOB_LOCK_MS: env.positiveInt(30_000),
  /** How often each worker looks for stalled jobs (expired locks), ms. */
  STALLED_CHECK_MS: env.positiveInt(30_000),
  /** Times a job may stall before it fails for good (then the API's record says so). */
  MAX_STALLED_COUNT: env.positiveInt(2),
  /** Compiled programs kept in CACHE_DIR; past it the least recently used go. */
  ARTIFACT_CACHE_BYTES: bytes(2048 * MiB),
  /** Largest compiled program; a bigger one is a CE ("the compiled program is N MiB") and never cached. */
  ARTIFACT_MAX_BYTES: bytes(64 * MiB),
  /** Size of the tmpfs each compile gets as its /box (everything the compiler and compile-time code write there). */
  COMPILE_SCRATCH_BYTES: bytes(256 * MiB),
  LOG_LEVEL: env.logLevel,
}).superRefine((config, ctx) => {
  // One box per job at a time (compile, then each test, then its checker), so a range as large as
  // the concurrency never makes a job wait for a uid.
  if (config.SANDBOX_UID_COUNT < config.WORKER_CONCURRENCY) {
    ctx.addIssue({
      code: "custom",
      path: ["SANDBOX_UID_COUNT"],
      message: `must be at least WORKER_CONCURRENCY (${config.WORKER_CONCURRENCY}): each running job holds a box uid`,
    });
  }
  for (const [name, first] of [["SANDBOX_UID", config.SANDBOX_UID], ["SANDBOX_GID", config.SANDBOX_GID]] as const) {
    const last = first + config.SANDBOX_UID_COUNT - 1;
    // 65534 is nobody and the kernel's overflow id (what an unmapped owner shows as); 2^32-1 is invalid.
    if (first <= NOBODY && NOBODY <= last) {
      ctx.addIssue({ code: "custom", path: [name], message: `the range ${first}..${last} must not contain ${NOBODY} (nobody, the overflow id)` });
    }
    if (last >= 2 ** 32 - 1) ctx.addIssue({ code: "custom", path: [name], message: `the range ${first}..${last} goes past the largest id` });
  }
  if (config.ARTIFACT_MAX_BYTES > config.ARTIFACT_CACHE_BYTES) {
    ctx.addIssue({ code: "custom", path: ["ARTIFACT_MAX_BYTES"], message: "must not exceed ARTIFACT_CACHE_BYTES: the cache could never hold such a program" });
  }
  if (config.ARTIFACT_MAX_BYTES > config.COMPILE_SCRATCH_BYTES) {
    ctx.addIssue({ code: "custom", path: ["ARTIFACT_MAX_BYTES"], message: "must not exceed COMPILE_SCRATCH_BYTES: no compile could write such a program" });
  }
  if (config.COMPILE_SCRATCH_BYTES < 128 * MiB) {
    // The C++ precompiled header alone is ~100 MiB.
    ctx.addIssue({ code: "custom", path: ["COMPILE_SCRATCH_BYTES"], message: "must be at least 128M (the C++ precompiled header needs ~100 MiB)" });
  }
});
export type WorkerConfig = z.infer<typeof WorkerConfig>;

export function loadWorkerConfig(source: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return loadConfig("worker", WorkerConfig, source);
}
