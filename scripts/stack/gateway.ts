import { createServer, type Server } from "node:http";
import { existsSync } from "node:fs";
import { join } from "node:path";
import express from "express";
import httpProxy from "http-proxy";

export interface GatewayOptions {
  port: number;
  host?: string;
  apiUrl: string;
  notifierUrl: string;
  /** The built web app; omitted, the gateway routes only /api and /ws. */
  webDir?: string;
}

/**
 * The one origin of `npm start`: `/api` to the API, `/ws` to the notifier, the rest to the
 * built web app (with the SPA's index.html for client-side routes). In the compose file
 * nginx plays this part.
 */
export async function startGateway(options: GatewayOptions): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const proxy = httpProxy.createProxyServer({ xfwd: true });
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
  app.use("/api", (req, res) => proxy.web(req, res, { target: `${options.apiUrl}/api` }));
  if (options.webDir && existsSync(options.webDir)) {
    const webDir = options.webDir;
    app.use(express.static(webDir, { index: "index.html", maxAge: "1h" }));
    app.use((req, res, next) => (req.method === "GET" ? res.sendFile(join(webDir, "index.html")) : next()));
  }

  const server = createServer(app);
  server.on("upgrade", (req, socket, head) => {
    if (req.url?.split("?")[0] === "/ws") proxy.ws(req, socket, head, { target: options.notifierUrl });
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
