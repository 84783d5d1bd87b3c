import { createHash } from "node:crypto";
import type { RequestHandler } from "express";
import type { Redis } from "ioredis";
import { z } from "zod";
import { ApiError } from "./api-error.ts";

/** The header a client sends to make a POST safe to retry (IETF draft "Idempotency-Key"). */
export const IDEMPOTENCY_HEADER = "idempotency-key";
const Key = z.string().min(1).max(200).regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces");

/** What a replay sends back: the first response's status, Location and body. */
const StoredResponse = z.object({
  state: z.literal("done"),
  fingerprint: z.string(),
  status: z.number().int(),
  location: z.string().optional(),
  body: z.unknown(),
});
const Pending = z.object({ state: z.literal("pending"), fingerprint: z.string() });
const Entry = z.union([StoredResponse, Pending]);

export interface IdempotencyOptions {
  /** How long a key is remembered after its first use. */
  ttlSeconds: number;
}

/**
 * Idempotent POSTs: a request with an `Idempotency-Key` header is served once per (user,
 * scope, key); a retry gets the first answer again (`Idempotent-Replayed: true`) instead of
 * making a second submission. The key is reserved in Redis (SET NX) before the handler runs,
 * so two concurrent retries cannot both pass; a retry while the first is still running gets
 * 409; a failed first attempt (4xx/5xx) frees the key so the retry really runs. A key reused
 * with another body is refused. Mount after authentication, before the route's handler:
 * `router.post("/", idempotency.middleware("submissions"), handler)`.
 */
export class IdempotencyStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly options: IdempotencyOptions,
  ) {}

  private keyOf(scope: string, owner: string, key: string): string {
    const digest = createHash("sha256").update(key).digest("hex");
    return `${this.prefix}:idempotency:${scope}:${owner}:${digest}`;
  }

  middleware(scope: string): RequestHandler {
    return async (req, res, next) => {
      const header = req.headers[IDEMPOTENCY_HEADER];
      if (header === undefined) return next();
      const key = Key.safeParse(header);
      if (!key.success) throw new ApiError("VALIDATION", `Idempotency-Key: ${key.error.issues[0]?.message ?? "invalid"}`);
      // Keys are per user (anonymous callers are refused by the handler anyway).
      const owner = req.user?.sub ?? `ip:${req.ip ?? "unknown"}`;
      const redisKey = this.keyOf(scope, owner, key.data);
      const fingerprint = createHash("sha256").update(JSON.stringify(req.body ?? null)).digest("hex");

      const reserved = await this.redis.set(redisKey, JSON.stringify({ state: "pending", fingerprint }), "EX", this.options.ttlSeconds, "NX");
      if (reserved !== "OK") {
        const raw = await this.redis.get(redisKey);
        const entry = raw === null ? null : Entry.safeParse(safeJson(raw));
        if (!entry?.success) throw new ApiError("CONFLICT", "this Idempotency-Key is being used; retry shortly", undefined, 1);
        if (entry.data.fingerprint !== fingerprint) {
          throw new ApiError("VALIDATION", "this Idempotency-Key was used with a different request body");
        }
        if (entry.data.state === "pending") {
          throw new ApiError("CONFLICT", "a request with this Idempotency-Key is still in progress", undefined, 1);
        }
        res.setHeader("Idempotent-Replayed", "true");
        if (entry.data.location) res.location(entry.data.location);
        res.status(entry.data.status).json(entry.data.body);
        return;
      }

      // Store the answer before it is sent: a retry that follows the response finds it.
      const send = res.json.bind(res);
      res.json = (body: unknown) => {
        if (res.statusCode >= 400) {
          void this.redis.del(redisKey).catch(() => {});
          return send(body);
        }
        const location = res.getHeader("location");
        const stored = { state: "done", fingerprint, status: res.statusCode, body, ...(typeof location === "string" ? { location } : {}) };
        void this.redis
          .set(redisKey, JSON.stringify(stored), "EX", this.options.ttlSeconds)
          .catch(() => {})
          .finally(() => send(body));
        return res;
      };
      next();
    };
  }
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
