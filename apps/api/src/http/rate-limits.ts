import type { Request, RequestHandler } from "express";
import type { Redis } from "ioredis";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { ApiError } from "./api-error.ts";

export interface RateLimitSettings {
  /** Every /api request, per client IP. */
  ipPerMinute: number;
  /** POST /api/submissions and /api/runs, per user. */
  userSubmitsPerMinute: number;
  /** Login and register, per client IP: each costs a slow password hash. */
  authPerMinute: number;
}

/**
 * Rate limits kept in Redis, so they hold across API replicas. rate-limiter-flexible (well
 * kept, atomic in Redis with one Lua/MULTI call per request) counts fixed one-minute windows
 * under the deployment prefix; a refused request gets 429 with `Retry-After`. If Redis is
 * away the call fails and the request gets a 503 like every other Redis-backed route.
 */
export class RateLimits {
  private readonly ip: RateLimiterRedis;
  private readonly userSubmits: RateLimiterRedis;
  private readonly auth: RateLimiterRedis;

  constructor(redis: Redis, prefix: string, settings: RateLimitSettings) {
    const limiter = (name: string, points: number) =>
      new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:ratelimit:${name}`, points, duration: 60 });
    this.ip = limiter("ip", settings.ipPerMinute);
    this.userSubmits = limiter("user-submit", settings.userSubmitsPerMinute);
    this.auth = limiter("auth", settings.authPerMinute);
  }

  /** Express sets req.ip from the socket, or from X-Forwarded-For only behind a trusted proxy. */
  private static ipOf(req: Request): string {
    return req.ip ?? req.socket.remoteAddress ?? "unknown";
  }

  readonly perIp: RequestHandler = (req, _res, next) => consume(this.ip, RateLimits.ipOf(req), "too many requests from your address").then(next, next);

  readonly perIpAuth: RequestHandler = (req, _res, next) =>
    consume(this.auth, RateLimits.ipOf(req), "too many sign-in attempts from your address").then(next, next);

  /** Mount after authentication; anonymous callers fall back to their IP. */
  readonly perUserSubmit: RequestHandler = (req, _res, next) =>
    consume(this.userSubmits, req.user ? `u:${req.user.sub}` : `ip:${RateLimits.ipOf(req)}`, "too many submissions; slow down").then(
      next,
      next,
    );
}

async function consume(limiter: RateLimiterRedis, key: string, message: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (err) {
    if (err instanceof RateLimiterRes) {
      throw new ApiError("RATE_LIMITED", message, undefined, Math.ceil(err.msBeforeNext / 1000));
    }
    throw err;
  }
}
