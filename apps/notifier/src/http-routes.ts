import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";
import type { Logger } from "@judge/config";
import type { ErrorBody } from "@judge/protocol";

export interface HttpRouteDeps {
  registry: Registry;
  /** True while both Redis connections are ready. */
  healthy(): boolean;
  logger: Logger;
}

/** The notifier's plain HTTP side: health for the load balancer, metrics for Prometheus. */
export function createRequestHandler(deps: HttpRouteDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const log = deps.logger.child({ module: "http" });
  return (req, res) => {
    const path = (req.url ?? "/").split("?", 1)[0];
    if (req.method === "GET" && path === "/health") {
      const ok = deps.healthy();
      sendJson(res, ok ? 200 : 503, { status: ok ? "ok" : "unavailable" });
      return;
    }
    if (req.method === "GET" && path === "/metrics") {
      deps.registry.metrics().then(
        (text) => {
          res.writeHead(200, { "Content-Type": deps.registry.contentType });
          res.end(text);
        },
        (err: unknown) => {
          log.error({ err }, "metrics failed");
          sendJson(res, 500, { error: { code: "INTERNAL", message: "metrics failed" } } satisfies ErrorBody);
        },
      );
      return;
    }
    sendJson(res, 404, { error: { code: "NOT_FOUND", message: "the WebSocket is at /ws" } } satisfies ErrorBody);
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}
