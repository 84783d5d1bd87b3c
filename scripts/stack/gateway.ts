import { createServer, type IncomingMessage, type Server } from "node:http";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Duplex } from "node:stream";
import express from "express";
import { createHttpProxy, createUpgradeProxy, type ForwardingHeaders, type ProxyTarget } from "./reverse-proxy.ts";
import { webSecurityHeaders } from "./web-security-headers.ts";

export interface GatewayOptions {
  port: number;
  host?: string;
  apiUrl: string;
  notifierUrl: string;
  /** The built web app; omitted, the gateway routes only /api and /ws. */
  webDir?: string;
  /**
   * Upgrades (open WebSockets and handshakes in flight) one client address may hold at once.
   * Well above the notifier's per-user cap, since a classroom behind one NAT address shares
   * it; a bound on the file descriptors one address can take from everyone else.
   */
  maxUpgradesPerAddress?: number;
  /** ms for a client to send a request's headers (slowloris). */
  headersTimeoutMs?: number;
  /** ms for a client to send a whole request, headers and body. */
  requestTimeoutMs?: number;
  /** Called with what the gateway survived: a listener error, a refused client. Never throws. */
  onWarning?: (message: string) => void;
}

/**
 * X-Forwarded-* as this hop knows them, replacing (never appending to) what the client sent,
 * so the API, which trusts only this hop, reads the real peer's address.
 */
function forwardingHeaders(req: IncomingMessage): ForwardingHeaders {
  return {
    "x-forwarded-for": req.socket.remoteAddress ?? "",
    "x-forwarded-proto": "http",
    "x-forwarded-host": req.headers.host ?? "",
  };
}

function targetOf(url: string): ProxyTarget {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port) };
}

function pathOf(url: string | undefined): string {
  return (url ?? "/").split("?")[0]!;
}

/** A refusal written on a socket that is not (or no longer) an HTTP response: then closed. */
function refuse(socket: Duplex, status: string): void {
  if (!socket.writable) return void socket.destroy();
  socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`, () => socket.destroy());
}

/**
 * The one origin of `npm start`: `/api` to the API, `/ws` to the notifier, the rest to the
 * built web app (with the SPA's index.html for client-side routes). In the compose file
 * nginx plays this part. The proxying is reverse-proxy.ts (why it is ours is said there).
 */
export async function startGateway(options: GatewayOptions): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const warn = options.onWarning ?? (() => undefined);
  const api = createHttpProxy(targetOf(options.apiUrl));
  const notifier = createUpgradeProxy(targetOf(options.notifierUrl));
  const maxUpgrades = options.maxUpgradesPerAddress ?? 512;
  const upgradesByAddress = new Map<string, number>();

  const app = express();
  app.disable("x-powered-by");
  if (options.webDir && existsSync(options.webDir)) {
    const webDir = options.webDir;
    // Only the web app's responses: the API sets its own (helmet) and /ws is no document.
    app.use(webSecurityHeaders());
    app.use(express.static(webDir, { index: "index.html", maxAge: "1h" }));
    app.use((req, res, next) => (req.method === "GET" ? res.sendFile(join(webDir, "index.html")) : next()));
  }

  const server = createServer(
    {
      // Slowloris: a client that trickles its headers or body is cut off. Node checks these
      // every connectionsCheckingInterval, so that bounds how late the cut comes.
      headersTimeout: options.headersTimeoutMs ?? 10_000,
      requestTimeout: options.requestTimeoutMs ?? 60_000,
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => {
      const path = pathOf(req.url);
      if (path === "/api" || path.startsWith("/api/")) api.web(req, res, forwardingHeaders(req));
      else app(req, res);
    },
  );
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node removes its own listeners from an upgraded socket before this event: from here on
    // an error with no listener would be thrown, so the first thing is a listener.
    socket.on("error", () => socket.destroy());
    if (pathOf(req.url) !== "/ws") return refuse(socket, "404 Not Found");
    const address = req.socket.remoteAddress ?? "";
    const held = upgradesByAddress.get(address) ?? 0;
    if (held >= maxUpgrades) return refuse(socket, "429 Too Many Requests");
    upgradesByAddress.set(address, held + 1);
    socket.once("close", () => {
      const left = (upgradesByAddress.get(address) ?? 1) - 1;
      if (left > 0) upgradesByAddress.set(address, left);
      else upgradesByAddress.delete(address);
    });
    notifier.ws(req, socket, head, forwardingHeaders(req));
  });
  // Out of file descriptors, say: accept() fails and the server says so. Not worth dying for.
  server.on("error", (err) => warn(`gateway: ${err.message}`));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  let closing: Promise<void> | undefined;
  return {
    server,
    port,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        notifier.close();
        api.close();
      })),
  };
}
