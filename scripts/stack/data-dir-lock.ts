import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { createConnection, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export class DataDirInUseError extends Error {
  readonly code = "DATA_DIR_IN_USE";
}

/**
 * One `npm start` per data directory: two would share one PGlite's files (and corrupt them),
 * one Redis directory and one pid file.
 *
 * The lock is a listening Unix socket named after the directory. On Linux it lives in the
 * abstract namespace: the kernel removes it when its process dies, however it dies, so a
 * crashed or SIGKILLed run never leaves it stuck and no staleness has to be guessed. Elsewhere
 * it is a socket file; one nobody answers on is stale and is replaced. Whoever holds the lock
 * answers a connection with its pid, for the message that refuses the second run.
 */
export async function lockDataDir(dataDir: string): Promise<{ release(): Promise<void> }> {
  const hash = createHash("sha256").update(dataDir).digest("hex").slice(0, 32);
  const abstract = process.platform === "linux";
  const name = abstract ? `\0judge-npm-start-${hash}` : join(tmpdir(), `judge-npm-start-${hash}.sock`);

  const listen = () =>
    new Promise<Server>((resolve, reject) => {
      const server = createServer((socket) => {
        socket.on("error", () => socket.destroy());
        socket.end(String(process.pid));
      });
      server.once("error", reject);
      server.listen(name, () => {
        server.off("error", reject);
        server.on("error", () => undefined);
        resolve(server);
      });
    });
  /** The holder's pid, or null when nobody answers (a stale socket file). */
  const holder = () =>
    new Promise<string | null>((resolve) => {
      const socket = createConnection(name);
      let answer = "";
      socket.setEncoding("utf8");
      socket.on("data", (chunk: string) => (answer += chunk));
      socket.on("end", () => resolve(answer || "unknown"));
      socket.on("error", () => resolve(null));
    });

  let server: Server;
  try {
    server = await listen();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE") throw err;
    const pid = await holder();
    if (pid !== null) {
      throw new DataDirInUseError(
        `another npm start (pid ${pid}) is already running on ${dataDir}.\n` +
          "Stop it first (Ctrl-C in its terminal), or give this one a data directory of its own: JUDGE_DATA_DIR=… npm start",
      );
    }
    rmSync(name, { force: true });
    server = await listen();
  }
  return { release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
