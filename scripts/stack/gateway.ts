import { createServer, type IncomingMessage, type Server } from "node:http";
import { existsSync } from "node:fs";
import { join } from "node:path";
import express from "express";
import httpProxy from "http-proxy";
import { webSecurityHeaders } from "./web-security-headers.ts";

export interface GatewayOptions {
  port: number;
  host?: string;
  apiUrl: string;
  notifierUrl: string;
  /** The built web app; omitted, the gateway routes only /api and /ws. */
  webDir?: string;
}

/**
 * X-Forwarded-* as this hop knows them, replacing (never appending to) what the client sent:
 * lower-case names, so they overwrite the copies http-proxy makes of the client's headers.
 */
function forwardingHeaders(req: IncomingMessage): Record<string, string> {
  return {
    "x-forwarded-for": req.socket.remoteAddress ?? "",
    "x-forwarded-proto": "http",
    "x-forwarded-host": req.headers.host ?? "",
  };
}

/**
 * The one origin of `npm start`: `/api` to the API, `/ws` to the notifier, the rest to the
 * built web app (with the SPA's index.html for client-side routes). In the compose file
 * nginx plays this part.
 */
export async function startGateway(options: GatewayOptions): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  // No xfwd: it appends to whatever X-Forwarded-For the client sent. The gateway sets the
  // forwarding headers itself (forwardingHeaders), so the API, which trusts only this hop,
  // reads the real peer's address.
  const proxy = httpProxy.createProxyServer({ xfwd: false });
  proxy.on("error", (_err, _req, res) => {
    if ("writeHead" in res && !res.headersSent) {
      res.writeHead(502, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "UNAVAILABLE", message: "the service behind the gateway is not answering" } }));
    } else {
      res.destroy();
    }
  });

  const app = express();
  app.disable("x-powered-by");
  app.use("/api", (req, res) => proxy.web(req, res, { target: `${options.apiUrl}/api`, headers: forwardingHeaders(req) }));
  if (options.webDir && existsSync(options.webDir)) {
    const webDir = options.webDir;
    // Only the web app's responses: the API sets its own (helmet) and /ws is no document.
    app.use(webSecurityHeaders());
    app.use(express.static(webDir, { index: "index.html", maxAge: "1h" }));
    app.use((req, res, next) => (req.method === "GET" ? res.sendFile(join(webDir, "index.html")) : next()));
  }

  const server = createServer(app);
  server.on("upgrade", (req, socket, head) => {
    if (req.url?.split("?")[0] === "/ws") proxy.ws(req, socket, head, { target: options.notifierUrl, headers: forwardingHeaders(req) });
    else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        proxy.close();
      }),
  };
}
