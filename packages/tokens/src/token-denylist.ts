import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { decodeJwt } from "jose";

/**
 * Revoked tokens, in Redis so every API replica and notifier refuses them. A token is named
 * by the SHA-256 of its text, and its entry lives only as long as the token would: an
 * expired token is refused by its signature check anyway, so the list never outgrows the
 * live tokens.
 */
export class TokenDenylist {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  key(token: string): string {
    return `${this.prefix}:revoked-token:${createHash("sha256").update(token).digest("hex")}`;
  }

  /** Call with a token already verified: its `exp` is then trusted. */
  async revoke(token: string, now = Date.now()): Promise<void> {
    const { exp } = decodeJwt(token);
    const ttlSeconds = exp === undefined ? 24 * 3600 : Math.ceil(exp - now / 1000);
    if (ttlSeconds <= 0) return;
    await this.redis.set(this.key(token), "1", "EX", ttlSeconds);
  }

  async isRevoked(token: string): Promise<boolean> {
    return (await this.redis.exists(this.key(token))) === 1;
  }
}
