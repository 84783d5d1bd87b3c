import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createDatabase, dropDatabase } from "@judge/db";
import { freePort } from "../../scripts/stack/free-port.ts";
import { repoRoot } from "../../scripts/stack/service-process.ts";
import { LogWatch } from "../faults/fault-support.ts";
import { ADMIN_DATABASE_URL } from "./services.ts";

/** What the banner says once every part is up. */
export const READY_LINE = "Judge is running";

export interface NpmStartRun {
  /** The supervisor: the process `npm start` runs. */
  child: ChildProcess;
  pid: number;
  url: string;
  /** Every line it printed, with waiters. */
  output: LogWatch;
  /** Resolves with the exit code (or signal) once it has exited. */
  exited: Promise<number | string>;
}

export interface NpmStartOptions {
  dataDir: string;
  databaseUrl: string;
  port: number;
  env?: NodeJS.ProcessEnv;
}

/** Starts `npm start` (scripts/start.ts, as `npm start` runs it) without waiting for it. */
export function spawnNpmStart(options: NpmStartOptions): NpmStartRun {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: "127.0.0.1",
      JUDGE_DATA_DIR: options.dataDir,
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: "",
      LOG_LEVEL: "info",
      WORKERS: "1",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = new LogWatch();
  createInterface({ input: child.stdout! }).on("line", (line) => output.onLine("out", line));
  createInterface({ input: child.stderr! }).on("line", (line) => output.onLine("err", line));
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  return { child, pid: child.pid!, url: `http://127.0.0.1:${options.port}`, output, exited };
}

/**
 * One `npm start` environment for a test file: a temporary data directory, a database of its
 * own on the machine's PostgreSQL (the embedded PGlite is `npm start`'s default, but a fresh
 * database is faster and isolates runs the same way), a free port; its own redis-server is
 * the one `npm start` starts. `start()` waits for the banner.
 */
export async function npmStartFixture() {
  const dataDir = mkdtempSync(join(tmpdir(), "judge-npm-start-"));
  const dbName = `judge_test_${randomUUID().replace(/-/g, "")}`;
  const databaseUrl = await createDatabase(ADMIN_DATABASE_URL, dbName);
  const port = await freePort();
  const runs: NpmStartRun[] = [];
  return {
    dataDir,
    databaseUrl,
    port,
    runs,
    /** Starts one run; resolves once it printed the banner (rejects if it exits first). */
    async start(env: NodeJS.ProcessEnv = {}): Promise<NpmStartRun> {
      const run = spawnNpmStart({ dataDir, databaseUrl, port, env });
      runs.push(run);
      const ready = run.output.next([READY_LINE], 240_000);
      const early = run.exited.then((code) => {
        throw new Error(`npm start exited (${code}) before it was ready:\n${run.output.tail()}`);
      });
      await Promise.race([ready, early]);
      early.catch(() => undefined);
      return run;
    },
    /** Stops every run still alive (SIGTERM, then SIGKILL), drops the database, removes the data. */
    async cleanup(): Promise<void> {
      for (const run of runs) {
        if (run.child.exitCode === null && run.child.signalCode === null) {
          run.child.kill("SIGTERM");
          const timer = setTimeout(() => run.child.kill("SIGKILL"), 30_000);
          await run.exited;
          clearTimeout(timer);
        }
      }
      await dropDatabase(ADMIN_DATABASE_URL, dbName);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
