import { spawn } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { createInterface } from "node:readline";

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
 * says it accepts connections. Used by `npm start` when REDIS_URL is unset, and by fault tests that must
 * kill a Redis without touching the shared one. `extraArgs` come last and so override the
 * defaults (a fault test that restarts Redis turns the append-only file on).
 */
export async function startRedisServer(port: number, dir: string, extraArgs: readonly string[] = []): Promise<OwnRedis> {
  await mkdir(dir, { recursive: true });
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, ...extraArgs],
    { stdio: ["ignore", "pipe", "pipe"] },
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
  const output: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      output.push(line);
      if (line.includes("Ready to accept connections")) resolve();
    });
    void exited.then(() => reject(new RedisUnavailableError(`redis-server exited at start:\n${output.slice(-10).join("\n")}`)));
  });
  await Promise.race([spawnFailed, ready]);
  child.stdout!.resume();
  child.stderr!.resume();
  const url = `redis://127.0.0.1:${port}`;
  return {
    url,
    port,
    close: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
