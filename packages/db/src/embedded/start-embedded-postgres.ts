import { mkdir } from "node:fs/promises";
import { createServer, type AddressInfo, type Socket } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from "@electric-sql/pglite-socket";
import type { Logger } from "@judge/config";
import { BackendQueue } from "./backend-queue.ts";

export interface EmbeddedPostgresOptions {
  /** Where the database files live; created if missing, reused on the next start. */
  dataDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Connections accepted at once, over every client process; default 100. */
  maxConnections?: number;
  logger?: Logger;
}

export interface EmbeddedPostgres {
  /** A `postgres://` URL for pg, Prisma's adapter and psql, from this or any other process. */
  url: string;
  /** Stops accepting, drops the connections and closes the database; safe to call twice. */
  close(): Promise<void>;
}

/**
 * PostgreSQL without a server install, for `npm start`: PGlite (Postgres compiled to wasm)
 * persisted in `dataDir`, served over the wire protocol so pg pools in other processes can
 * connect. PGlite is a single backend, so connections take turns (see BackendQueue): whole
 * pipelines and transactions run one at a time, fine for one developer. Advisory locks
 * exclude nobody here (all connections share one session); migrate and seed cope with that.
 * The server is ours rather than pglite-socket's PGLiteSocketServer only to use that queue;
 * its per-connection protocol handler is reused as is.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.logger?.child({ module: "embedded-postgres" });
  const host = options.host ?? "127.0.0.1";
  const maxConnections = options.maxConnections ?? 100;
  await mkdir(options.dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: options.dataDir });
  // The handler's option names the library's queue class; ours has the same public methods.
  const queryQueue = new BackendQueue(db) as unknown as PGLiteSocketHandlerOptions["queryQueue"];
  const handlers = new Set<PGLiteSocketHandler>();

  const server = createServer((socket: Socket) => {
    if (handlers.size >= maxConnections) {
      socket.destroy();
      return;
    }
    const handler = new PGLiteSocketHandler({ queryQueue, closeOnDetach: true });
    handlers.add(handler);
    // The handler detaches itself on close and on error; forget it then.
    const forget = () => handlers.delete(handler);
    handler.addEventListener("close", forget);
    handler.addEventListener("error", forget);
    void handler.attach(socket);
  });
  server.maxConnections = maxConnections;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `postgres://postgres@${host.includes(":") ? `[${host}]` : host}:${port}/postgres`;
  log?.info({ dataDir: options.dataDir, port }, "embedded PostgreSQL (PGlite) listening");

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...handlers].map((h) => h.detach(true)));
      handlers.clear();
      await stopped;
      await db.close();
      log?.info("embedded PostgreSQL closed");
    })();
    return closing;
  };
  return { url, close };
}
