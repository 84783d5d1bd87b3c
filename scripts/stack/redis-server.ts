import { spawn } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { Redis } from "ioredis";

export class RedisUnavailableError extends Error {
  readonly code = "REDIS_UNAVAILABLE";
}

export interface OwnRedis {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts a private `redis-server` (no persistence) on the given port and waits until it
 * answers PING. Used by `npm start` when REDIS_URL is unset, and by fault tests that must
 * kill a Redis without touching the shared one.
 */
export async function startRedisServer(port: number, dir: string): Promise<OwnRedis> {
  await mkdir(dir, { recursive: true });
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
    { stdio: "ignore" },
  );
  const spawnFailed = new Promise<never>((_, reject) =>
    child.once("error", (err) =>
      reject(
        new RedisUnavailableError(
          `could not start redis-server (${err.message}). Install Redis (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) or set REDIS_URL to a running Redis.`,
        ),
      ),
    ),
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: (n) => (n > 100 ? null : 50) });
  probe.on("error", () => {});
  await Promise.race([spawnFailed, probe.connect().then(() => probe.ping())]);
  probe.disconnect();
  return {
    url,
    port,
    close: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
