import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Duplex } from "node:stream";
import { once } from "node:events";
import { Redis } from "ioredis";
import { WebSocketServer } from "ws";
import type { Registry } from "prom-client";
import type { Logger } from "@judge/config";
import { LiveState } from "@judge/live-state";
import { TokenDenylist, TokenVerifier } from "@judge/tokens";
import type { NotifierConfig } from "./config.ts";
import { ChannelHub } from "./channel-hub.ts";
import { ClientSession, CloseCode, type SessionContext } from "./client-session.ts";
import { startHeartbeat } from "./heartbeat.ts";
import { createRequestHandler } from "./http-routes.ts";
import { NotifierMetrics, type NotifierStats } from "./metrics.ts";
import { SessionSocket, attachSession } from "./session-socket.ts";
import { UpgradeRejected, authenticateUpgrade, rejectUpgrade } from "./upgrade-auth.ts";
import { UserConnections } from "./user-connections.ts";

export interface NotifierOptions {
  config: NotifierConfig;
  logger: Logger;
  /** Connection for commands (state reads). Owned by the caller when given; the subscriber is always the notifier's own. */
  redis?: Redis;
  /** Process metrics (CPU, memory, event loop) in /metrics: on in production, off for in-process tests. */
  defaultMetrics?: boolean;
}

export interface Notifier {
  /** The port listened on (the real one when the config said 0). */
  readonly port: number;
  readonly server: Server;
  readonly registry: Registry;
  /** Routes an upgrade from another HTTP server (one origin for `npm start`) to this notifier. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  stats(): NotifierStats;
  /** Closes every socket with 1001, then the server and Redis. Safe to call twice. */
  close(): Promise<void>;
}

/** How long close() lets clients answer the 1001 close frame before cutting them off. ms */
const CLOSE_GRACE_MS = 2_000;

export async function createNotifier(options: NotifierOptions): Promise<Notifier> {
  const { config, logger } = options;
  const log = logger.child({ module: "notifier" });
  const verifier = await TokenVerifier.fromPem(config.jwtPublicKey);
  const commands = options.redis ?? new Redis(config.redisUrl, { connectionName: `${config.redisPrefix}:notifier:cmd` });
  // A connection in subscriber mode can run no other command: it gets its own.
  const subscriber = new Redis(config.redisUrl, {
    autoResubscribe: false,
    connectionName: `${config.redisPrefix}:notifier:sub`,
  });
  const denylist = new TokenDenylist(commands, config.redisPrefix);
  for (const [name, connection] of [["commands", commands], ["subscriber", subscriber]] as const) {
    connection.on("error", (err: Error) => log.warn({ err, connection: name }, "Redis connection error"));
  }

  const wss = new WebSocketServer<typeof SessionSocket>({
    noServer: true,
    WebSocket: SessionSocket,
    maxPayload: config.limits.maxPayloadBytes,
    perMessageDeflate: false,
  });
  const metrics = new NotifierMetrics(
    { connections: () => wss.clients.size, channels: () => hub.size },
    options.defaultMetrics ?? false,
  );
  const hub: ChannelHub<ClientSession> = new ChannelHub<ClientSession>({
    subscriber,
    prefix: config.redisPrefix,
    logger,
    metrics,
    onResubscribed: () => {
      for (const socket of wss.clients) socket.session?.catchUp();
    },
    onResubscribeFailed: (sessions) => {
      for (const session of sessions) session.subscriptionsLost();
    },
  });
  const users = new UserConnections(config.limits.maxConnectionsPerUser);
  const context: SessionContext = {
    liveState: new LiveState(commands, config.redisPrefix),
    hub,
    metrics,
    limits: config.limits,
    users,
    logger: logger.child({ module: "client-session" }),
  };
  let closing: Promise<void> | null = null;

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? "/", "http://notifier.invalid");
    if (url.pathname !== "/ws") throw new UpgradeRejected(404, "NOT_FOUND", "the WebSocket is at /ws");
    if (closing !== null) throw new UpgradeRejected(503, "UNAVAILABLE", "shutting down");
    const claims = await authenticateUpgrade(req, url, verifier, denylist);
    if (users.isFull(claims.sub)) throw new UpgradeRejected(429, "RATE_LIMITED", "too many connections for this user");
    wss.handleUpgrade(req, socket, head, (ws) => {
      socket.removeListener("error", socketOnEarlyError);
      if (closing !== null) {
        ws.close(CloseCode.GOING_AWAY, "shutting down");
        return;
      }
      users.opened(claims.sub);
      attachSession(ws, new ClientSession(ws, claims.sub, claims.role === "admin", context));
    });
  }

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Until ws takes the socket over, a reset by the peer must not become an uncaught error.
    socket.on("error", socketOnEarlyError);
    upgrade(req, socket, head).catch((err: unknown) => {
      if (err instanceof UpgradeRejected) {
        metrics.upgradeRejected(err.status);
        rejectUpgrade(socket, err);
        return;
      }
      log.error({ err }, "upgrade failed");
      rejectUpgrade(socket, new UpgradeRejected(503, "UNAVAILABLE", "upgrade failed"));
    });
  }

  const server = createServer(
    createRequestHandler({
      registry: metrics.registry,
      healthy: () => commands.status === "ready" && subscriber.status === "ready",
      logger,
    }),
  );
  server.on("upgrade", handleUpgrade);
  const stopHeartbeat = startHeartbeat(wss.clients, config.limits.pingIntervalMs, (socket) => {
    metrics.connectionDropped("heartbeat");
    log.debug({ userId: socket.session?.userId }, "terminating a dead connection");
  });

  server.listen(config.port, config.host);
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : config.port;
  log.info({ port, host: config.host }, "notifier listening");

  async function shutdown(): Promise<void> {
    stopHeartbeat();
    await step("sockets", async () => {
      const open = [...wss.clients];
      const closed = open.map((ws) => (ws.readyState === ws.CLOSED ? Promise.resolve() : once(ws, "close").then(() => undefined)));
      for (const ws of open) ws.close(CloseCode.GOING_AWAY, "shutting down");
      const grace = setTimeout(() => {
        for (const ws of open) ws.terminate();
      }, CLOSE_GRACE_MS);
      await Promise.all(closed);
      clearTimeout(grace);
    });
    await step("http server", async () => {
      const done = new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
      server.closeAllConnections();
      await done;
    });
    await step("subscriber", async () => {
      await subscriber.quit();
    });
    if (options.redis === undefined) {
      await step("commands", async () => {
        await commands.quit();
      });
    }
    log.info("notifier closed");
  }

  /** Each part closes on its own: one failing does not leave the others open. */
  async function step(name: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (err) {
      log.warn({ err, part: name }, "close step failed");
    }
  }

  return {
    port,
    server,
    registry: metrics.registry,
    handleUpgrade,
    stats: () => ({
      connections: wss.clients.size,
      subscriptions: metrics.counts.subscriptions,
      channels: hub.size,
      eventsSent: metrics.counts.eventsSent,
      drops: metrics.counts.drops,
      coalesced: metrics.counts.coalesced,
    }),
    close() {
      closing ??= shutdown();
      return closing;
    },
  };
}

function socketOnEarlyError(): void {
  // The socket is destroyed by the error itself; the pending upgrade finds it unwritable.
}
