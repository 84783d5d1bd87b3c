import type { ErrorRequestHandler, RequestHandler } from "express";
import { ZodError } from "zod";
import type { Logger } from "@judge/config";
import type { ErrorBody } from "@judge/protocol";
import { ApiError } from "./api-error.ts";
import { isDependencyUnavailable } from "./dependency-unavailable.ts";

/** body-parser's errors carry `type` and `status`; map the ones a client can cause. */
function fromBodyParser(err: { type?: unknown; status?: unknown; message?: unknown }): ApiError | null {
  if (err.type === "entity.too.large") return new ApiError("PAYLOAD_TOO_LARGE", "request body is too large");
  if (err.type === "entity.parse.failed") return new ApiError("VALIDATION", "request body is not valid JSON");
  if (typeof err.status === "number" && err.status >= 400 && err.status < 500) {
    return new ApiError("VALIDATION", typeof err.message === "string" ? err.message : "bad request");
  }
  return null;
}

function toApiError(err: unknown): ApiError | null {
  if (err instanceof ApiError) return err;
  if (err instanceof ZodError) {
    const details = err.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const first = details[0];
    return new ApiError("VALIDATION", first ? `${first.path || "body"}: ${first.message}` : "invalid request", details);
  }
  if (typeof err === "object" && err !== null) return fromBodyParser(err as Record<string, unknown>);
  return null;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let apiError = toApiError(err);
    if (!apiError) {
      // A dependency that is down (Redis, PostgreSQL) is a 503 the client may retry, not a 500.
      if (isDependencyUnavailable(err)) {
        logger.warn({ err, url: req.url }, "dependency unavailable");
        apiError = new ApiError("UNAVAILABLE", "the service is temporarily unavailable, try again shortly");
        res.setHeader("Retry-After", "5");
      } else {
        logger.error({ err, url: req.url }, "unhandled error");
        apiError = new ApiError("INTERNAL", "internal error");
      }
    }
    if (apiError.retryAfterSeconds !== undefined) res.setHeader("Retry-After", String(Math.max(1, Math.ceil(apiError.retryAfterSeconds))));
    const body: ErrorBody = {
      error: { code: apiError.code, message: apiError.message, ...(apiError.details ? { details: apiError.details } : {}) },
    };
    res.status(apiError.status).json(body);
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new ApiError("NOT_FOUND", `no route for ${req.method} ${req.path}`));
};
