import { spawn } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { createInterface } from "node:readline";
import { dieWithParent } from "./die-with-parent.ts";

export class RedisUnavailableError extends Error {
  readonly code = "REDIS_UNAVAILABLE";
}

export interface OwnRedis {
  url: string;
  port: number;
  pid: number;
  /** Resolves with the exit code (or signal) once redis-server has exited. */
  exited: Promise<number | string>;
  close(): Promise<void>;
}

export interface RedisServerOptions {
  /** Killed by the kernel when this process dies, even by SIGKILL (see dieWithParent). */
  dieWithParent?: boolean;
}

/**
 * Starts a private `redis-server` (no persistence) on the given port and waits until it
 * says it accepts connections. Used by `npm start` when REDIS_URL is unset, and by fault tests that must
 * kill a Redis without touching the shared one. `extraArgs` come last and so override the
 * defaults (a fault test that restarts Redis turns the append-only file on).
 */
export async function startRedisServer(
  port: number,
  dir: string,
  extraArgs: readonly string[] = [],
  options: RedisServerOptions = {},
): Promise<OwnRedis> {
  await mkdir(dir, { recursive: true });
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, ...extraArgs];
  const [command, argv] = options.dieWithParent ? dieWithParent("redis-server", args) : ["redis-server", args];
  const child = spawn(command, argv, { stdio: ["ignore", "pipe", "pipe"] });
  const spawnFailed = new Promise<never>((_, reject) =>
    // "on", not "once": a second error (a failed kill) must not throw either.
    child.on("error", (err) =>
      reject(
        new RedisUnavailableError(
          `could not start redis-server (${err.message}). Install Redis (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) or set REDIS_URL to a running Redis.`,
        ),
      ),
    ),
  );
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  const output: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      output.push(line);
      if (line.includes("Ready to accept connections")) resolve();
    });
    void exited.then(() => reject(new RedisUnavailableError(`redis-server exited at start:\n${output.slice(-10).join("\n")}`)));
  });
  // Whichever loses the race may still settle later (a failed kill, the exit): never unhandled.
  spawnFailed.catch(() => undefined);
  ready.catch(() => undefined);
  await Promise.race([spawnFailed, ready]);
  child.stdout!.resume();
  child.stderr!.resume();
  const url = `redis://127.0.0.1:${port}`;
  return {
    url,
    port,
    pid: child.pid!,
    exited,
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
