import { Agent, request, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from "node:http";
import { connect, type Socket } from "node:net";
import type { Duplex } from "node:stream";
import { pipeline } from "node:stream";

/**
 * The gateway's proxy, HTTP and WebSocket, on node:http and node:net alone.
 *
 * Why our own and not a library: `http-proxy` (unmaintained since 2020) left the client
 * socket of an upgrade without an error handler until the target answered, so one client
 * resetting its connection at a refused upgrade threw an unhandled ECONNRESET and took
 * `npm start` down with every service. The maintained alternatives wrap the same idea in
 * far more code than the ~150 lines below, and we need little: forward a request with the
 * forwarding headers overwritten, and splice the bytes of an upgrade both ways. Owning it
 * lets us state the invariant and keep it: every socket gets an `error` listener in the same
 * tick it is created or handed to us, and an error or close on either side destroys both.
 */

/** Hop-by-hop headers (RFC 9110 §7.6.1): they describe one connection, never forwarded. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/** What this hop says about the client; replaces whatever the client sent under these names. */
export type ForwardingHeaders = Record<"x-forwarded-for" | "x-forwarded-proto" | "x-forwarded-host", string>;

export interface ProxyTarget {
  host: string;
  port: number;
}

/** ms a target may take to accept a connection before the client is answered 502. */
const CONNECT_TIMEOUT_MS = 10_000;

function endToEnd(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = new Set(
    String(headers.connection ?? "")
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  );
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && !named.has(name)) out[name] = value;
  }
  return out;
}

function unavailable(res: ServerResponse): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  res.writeHead(502, { "content-type": "application/json", connection: "close" });
  res.end(JSON.stringify({ error: { code: "UNAVAILABLE", message: "the service behind the gateway is not answering" } }));
}

/** An HTTP proxy to one target: the client's request as is, with `forwarding` overwritten. */
export function createHttpProxy(target: ProxyTarget) {
  const agent = new Agent({ keepAlive: true, maxFreeSockets: 16 });
  return {
    web(req: IncomingMessage, res: ServerResponse, forwarding: ForwardingHeaders): void {
      const headers = { ...endToEnd(req.headers), ...forwarding };
      const upstream = request({ host: target.host, port: target.port, method: req.method, path: req.url, headers, agent, timeout: CONNECT_TIMEOUT_MS });
      // The timeout stands only until the target has answered: a slow upload or a long
      // response is the request timeout's business (the server's requestTimeout).
      upstream.on("timeout", () => upstream.destroy(new Error("target did not answer in time")));
      upstream.on("error", () => unavailable(res));
      upstream.on("response", (answer) => {
        upstream.setTimeout(0);
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.headers));
        // pipeline destroys both ends on an error or an early close of either, and handles each.
        pipeline(answer, res, () => undefined);
      });
      // A client gone before its body arrived: pipeline destroys the upstream request too.
      pipeline(req, upstream, () => undefined);
      res.on("close", () => {
        if (!res.writableFinished) upstream.destroy();
      });
    },
    close(): void {
      agent.destroy();
    },
  };
}

/** The raw HTTP/1.1 head of an upgrade request, forwarding headers overwritten, hop-by-hop kept. */
function upgradeHead(req: IncomingMessage, forwarding: ForwardingHeaders): string {
  const lines = [`${req.method} ${req.url} HTTP/1.1`];
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (!(raw[i]!.toLowerCase() in forwarding)) lines.push(`${raw[i]}: ${raw[i + 1]}`);
  }
  for (const [name, value] of Object.entries(forwarding)) lines.push(`${name}: ${value}`);
  return `${lines.join("\r\n")}\r\n\r\n`;
}

/**
 * A WebSocket (any upgrade) proxy: opens a TCP connection to the target, writes the request
 * and splices bytes both ways. The target's answer, 101 or a refusal such as 401, reaches
 * the client byte for byte; whichever side ends or fails first ends the other.
 */
export function createUpgradeProxy(target: ProxyTarget) {
  const open = new Set<Duplex>();
  return {
    /** Sockets of upgrades in any phase, for close() and for a per-address bound. */
    open,
    ws(req: IncomingMessage, client: Duplex, head: Buffer, forwarding: ForwardingHeaders): void {
      // Node hands over the socket with no "data" listener: held paused, nothing the client
      // sends before the target is connected is dropped (pipe resumes it).
      client.pause();
      const upstream: Socket = connect({ host: target.host, port: target.port });
      open.add(client);
      let done = false;
      let connected = false;
      const finish = () => {
        if (done) return;
        done = true;
        open.delete(client);
        client.destroy();
        upstream.destroy();
      };
      client.on("error", finish);
      client.on("close", finish);
      upstream.on("error", () => {
        // Not connected yet: the client deserves an answer rather than a reset.
        if (!connected && client.writable) client.end("HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
        finish();
      });
      upstream.on("close", finish);
      upstream.setTimeout(CONNECT_TIMEOUT_MS, () => upstream.destroy(new Error("target did not accept in time")));
      upstream.once("connect", () => {
        connected = true;
        // The target has as long again to answer the handshake; after that the client is
        // answered 504 rather than left waiting on a handshake nobody will finish.
        upstream.setTimeout(CONNECT_TIMEOUT_MS, () => {
          if (client.writable) client.end("HTTP/1.1 504 Gateway Timeout\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
          upstream.destroy();
        });
        upstream.once("data", () => upstream.setTimeout(0));
        upstream.setNoDelay(true);
        upstream.write(upgradeHead(req, forwarding));
        if (head.length > 0) upstream.write(head);
        client.pipe(upstream);
        upstream.pipe(client);
      });
    },
    close(): void {
      for (const socket of open) socket.destroy();
      open.clear();
    },
  };
}
