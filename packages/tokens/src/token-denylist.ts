import type { Redis } from "ioredis";
import type { VerifiedClaims } from "@judge/protocol";

/** What revocation needs of a verified token: its id, and when it would die anyway. */
export type RevocableToken = Pick<VerifiedClaims, "jti" | "exp">;

/**
 * Revoked tokens, in Redis so every API replica and notifier refuses them. A token is named
 * by its `jti`, the id signed inside it, never by its text: base64url leaves spare bits in
 * the signature's last character, so one signed token has several texts, and a list keyed
 * on the text let a signed-out token back in with one character changed. The entry lives
 * only as long as the token would: an expired token is refused by its signature check
 * anyway, so the list never outgrows the live tokens.
 */
export class TokenDenylist {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  key(token: Pick<RevocableToken, "jti">): string {
    return `${this.prefix}:revoked-jti:${token.jti}`;
  }

  /** Takes claims from TokenVerifier.verify: their `exp` is then trusted. */
  async revoke(token: RevocableToken, now = Date.now()): Promise<void> {
    const ttlSeconds = Math.ceil(token.exp - now / 1000);
    if (ttlSeconds <= 0) return;
    await this.redis.set(this.key(token), "1", "EX", ttlSeconds);
  }

  async isRevoked(token: Pick<RevocableToken, "jti">): Promise<boolean> {
    return (await this.redis.exists(this.key(token))) === 1;
  }
}
