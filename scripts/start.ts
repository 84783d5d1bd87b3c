/**
 * `npm start`: the whole stack on one machine and one origin, on embedded defaults, under a
 * supervisor. PostgreSQL: DATABASE_URL, else an embedded PGlite in .data/ (in this process).
 * Redis: REDIS_URL, else a `redis-server` from PATH on a free port. Every child process (api,
 * notifier, workers, redis-server) is restarted when it exits (supervised.ts); none outlives
 * this process (child-registry.ts says how); one run per data directory (data-dir-lock.ts).
 * Ctrl-C or SIGTERM stops every process and exits 0.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { env, loadConfig } from "@judge/config";
import { startEmbeddedPostgres } from "@judge/db";
import { generateTokenKeys } from "@judge/tokens";
import { createChildRegistry } from "./stack/child-registry.ts";
import { DataDirInUseError, lockDataDir } from "./stack/data-dir-lock.ts";
import { freePort } from "./stack/free-port.ts";
import { formatLogLine } from "./stack/log-lines.ts";
import { RedisUnavailableError, startRedisServer } from "./stack/redis-server.ts";
import { repoRoot } from "./stack/service-process.ts";
import { startSupervisedStack } from "./stack/supervise-stack.ts";
import { supervise } from "./stack/supervised.ts";

const StartConfig = z.object({
  PORT: env.port(3000),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z.string().optional(),
  REDIS_URL: z.string().optional(),
  REDIS_PREFIX: env.redisPrefix,
  JUDGE_DATA_DIR: z.string().default(join(repoRoot, ".data")),
  WORKERS: env.positiveInt(1),
  LOG_LEVEL: env.logLevel,
});

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the web app when its sources are newer than the last build. */
function buildWebIfStale(webRoot: string): void {
  const built = join(webRoot, "dist", "index.html");
  const stale = !existsSync(built) || newestMtime(join(webRoot, "src")) > statSync(built).mtimeMs;
  if (!stale) return;
  process.stdout.write("building the web app…\n");
  const result = spawnSync("npm", ["run", "build", "-w", "@judge/web"], { cwd: repoRoot, stdio: "inherit" });
  if (result.status !== 0) throw new Error("the web app failed to build");
}

async function persistentSecrets(dataDir: string) {
  const file = join(dataDir, "secrets.json");
  if (existsSync(file)) {
    return z
      .object({ privateKey: z.string(), publicKey: z.string(), workerToken: z.string() })
      .parse(JSON.parse(readFileSync(file, "utf8")));
  }
  const secrets = { ...(await generateTokenKeys()), workerToken: randomBytes(24).toString("hex") };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

/** Whatever has been started, newest first, so a failed start stops it too. */
const cleanups: (() => Promise<void>)[] = [];

async function runCleanups(): Promise<void> {
  for (const cleanup of cleanups.splice(0)) {
    await cleanup().catch((err: unknown) => process.stderr.write(`cleanup failed: ${String(err)}\n`));
  }
}

/** The supervisor's own lines, in the services' column layout. */
function supervisorLine(line: string): string {
  return `${new Date().toISOString().slice(11, 19)} ${"npm start".padEnd(9)} ${line}`;
}

async function main(): Promise<void> {
  const config = loadConfig("start", StartConfig);
  mkdirSync(config.JUDGE_DATA_DIR, { recursive: true });
  const dataDir = realpathSync(config.JUDGE_DATA_DIR);

  // A closed terminal must not become an unhandled EPIPE in the process that holds the database.
  process.stdout.on("error", () => undefined);
  process.stderr.on("error", () => undefined);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const say = (line: string) => log(supervisorLine(line));

  const lock = await lockDataDir(dataDir);
  cleanups.unshift(lock.release);
  const registry = createChildRegistry(dataDir);
  const stale = await registry.killStale();
  if (stale.length > 0) {
    say(`stopped what an earlier npm start left running when it was killed: ${stale.map((c) => `${c.name} (pid ${c.pid})`).join(", ")}`);
  }
  const onPid = (name: string, pid: number | null) => (pid === null ? registry.stopped(name) : registry.started(name, pid));

  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    const pg = await startEmbeddedPostgres({ dataDir: join(dataDir, "pglite") });
    cleanups.unshift(pg.close);
    databaseUrl = pg.url;
    log(`embedded PostgreSQL (PGlite) in ${join(dataDir, "pglite")}`);
  }
  let redisUrl = config.REDIS_URL;
  if (!redisUrl) {
    const port = await freePort();
    // The append-only file keeps the queues across a restart of redis-server: a job queued
    // before it died is still there when it is back.
    const startRedis = async () => {
      const redis = await startRedisServer(port, join(dataDir, "redis"), ["--appendonly", "yes"], { dieWithParent: true });
      return { ...redis, stop: redis.close };
    };
    const redis = await startRedis();
    onPid("redis", redis.pid);
    const supervised = supervise(redis, { name: "redis", restart: startRedis, log: say, onPid: (pid) => onPid("redis", pid) });
    cleanups.unshift(supervised.stop);
    redisUrl = redis.url;
    log(`redis-server started on ${redis.url}`);
  }
  buildWebIfStale(join(repoRoot, "apps", "web"));

  const secrets = await persistentSecrets(dataDir);
  const stack = await startSupervisedStack({
    databaseUrl,
    redisUrl,
    prefix: config.REDIS_PREFIX,
    workers: config.WORKERS,
    gatewayPort: config.PORT,
    gatewayHost: config.HOST,
    webDir: join(repoRoot, "apps", "web", "dist"),
    keys: { privateKey: secrets.privateKey, publicKey: secrets.publicKey },
    workerToken: secrets.workerToken,
    logLevel: config.LOG_LEVEL,
    onLine: (service, line) => log(formatLogLine(service, line)),
    log: say,
    onPid,
  });
  cleanups.unshift(stack.close);
  const shownHost = config.HOST === "127.0.0.1" || config.HOST === "0.0.0.0" ? "localhost" : config.HOST;
  log(`\n  Judge is running: http://${shownHost}:${config.PORT}\n  Ctrl-C stops it.\n`);

  started = true;
  if (stopRequested) await stop();
}

/**
 * Ctrl-C, SIGTERM, SIGHUP: stop every process, exit 0. Caught from the first line of main: a
 * signal that comes while the stack starts (or in the instant after its banner) waits for the
 * start to finish, then stops it, instead of killing the supervisor and orphaning its children.
 */
let started = false;
let stopRequested = false;
let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.stdout.write("stopping…\n");
  await runCleanups();
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    stopRequested = true;
    if (started) void stop();
  });
}

main().catch(async (err: unknown) => {
  if (err instanceof RedisUnavailableError || err instanceof DataDirInUseError) process.stderr.write(`\n${err.message}\n`);
  else process.stderr.write(`\nnpm start failed: ${err instanceof Error ? err.message : String(err)}\n`);
  await runCleanups();
  process.exit(1);
});
