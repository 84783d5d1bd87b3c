import type { RequestHandler } from "express";
import type { Redis } from "ioredis";
import { ApiError } from "./api-error.ts";
import {
  IdempotencyKey,
  afterAnswer,
  decideKeyUse,
  entryKeyOf,
  entryTtlSeconds,
  fingerprintOf,
  pendingEntry,
  type EntryTtls,
} from "./idempotency-decision.ts";

/** The header a client sends to make a POST safe to retry (IETF draft "Idempotency-Key"). */
export const IDEMPOTENCY_HEADER = "idempotency-key";

export type IdempotencyOptions = EntryTtls;

/**
 * Idempotent POSTs: a request with an `Idempotency-Key` header is served once per (user,
 * scope, key); a retry gets the first answer again (`Idempotent-Replayed: true`) instead of
 * making a second submission. The key is reserved in Redis (SET NX) before the handler runs,
 * so two concurrent retries cannot both pass; a retry while the first is still running gets
 * 409 (the reservation expires after one request's lifetime, so a request that died holds the
 * key only that long; a stored answer is kept for the full TTL); a failed first attempt (4xx/5xx) frees the key so the retry really runs. A key reused
 * with another body is refused. Mount after authentication, before the route's handler:
 * `router.post("/", idempotency.middleware("submissions"), handler)`. The decisions are in
 * idempotency-decision.ts; this is their Redis and express side.
 */
export class IdempotencyStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly options: IdempotencyOptions,
  ) {}

  middleware(scope: string): RequestHandler {
    return async (req, res, next) => {
      const header = req.headers[IDEMPOTENCY_HEADER];
      if (header === undefined) return next();
      const key = IdempotencyKey.safeParse(header);
      if (!key.success) throw new ApiError("VALIDATION", `Idempotency-Key: ${key.error.issues[0]?.message ?? "invalid"}`);
      // Keys are per user (anonymous callers are refused by the handler anyway).
      const owner = req.user?.sub ?? `ip:${req.ip ?? "unknown"}`;
      const redisKey = entryKeyOf(this.prefix, scope, owner, key.data);
      const fingerprint = fingerprintOf(req.body);

      const reserved = await this.redis.set(redisKey, pendingEntry(fingerprint), "EX", entryTtlSeconds("pending", this.options), "NX");
      const decision = decideKeyUse(reserved === "OK" ? { taken: true } : { taken: false, held: await this.redis.get(redisKey) }, fingerprint);
      switch (decision.kind) {
        case "refuse":
          throw new ApiError(decision.code, decision.message, undefined, decision.retryAfterSeconds);
        case "replay":
          res.setHeader("Idempotent-Replayed", "true");
          if (decision.location) res.location(decision.location);
          res.status(decision.status).json(decision.body);
          return;
        case "run":
          break;
      }

      // Store the answer before it is sent: a retry that follows the response finds it.
      const send = res.json.bind(res);
      res.json = (body: unknown) => {
        const after = afterAnswer(fingerprint, res.statusCode, body, res.getHeader("location"));
        if (after.kind === "free") {
          void this.redis.del(redisKey).catch(() => {});
          return send(body);
        }
        void this.redis
          .set(redisKey, after.entry, "EX", entryTtlSeconds("done", this.options))
          .catch(() => {})
          .finally(() => send(body));
        return res;
      };
      next();
    };
  }
}
