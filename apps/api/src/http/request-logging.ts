import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import { pinoHttp } from "pino-http";
import type { Logger } from "@judge/config";

/** Headers that carry a session: a token in a log line is a session for whoever reads the logs. */
const CREDENTIAL_HEADERS = ["authorization", "cookie", "set-cookie"];

function withoutCredentials<T extends { headers?: Record<string, unknown> }>(message: T): T {
  if (!message.headers) return message;
  const headers = { ...message.headers };
  for (const name of CREDENTIAL_HEADERS) if (name in headers) headers[name] = "[redacted]";
  return { ...message, headers };
}

/** One log line per request (not health or metrics), with a request id the client may set. */
export function requestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger: logger.child({ module: "http" }),
    genReqId: (req, res) => {
      const given = req.headers["x-request-id"];
      const id = typeof given === "string" && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    serializers: { req: withoutCredentials, res: withoutCredentials },
    autoLogging: { ignore: (req) => req.url === "/api/health" || req.url === "/metrics" },
  });
}
