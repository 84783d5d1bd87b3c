import type { Redis } from "ioredis";
import type { PrismaClient } from "@judge/db";

/** The member that says "this set was built": a set without it was lost (or expired) and is rebuilt. */
const BUILT = "~built";

/**
 * The user's submissions waiting or being judged, kept in Redis so that admission counts them
 * in one round trip instead of a PostgreSQL count per POST (issue #15). One sorted set per user
 * (member: submission id, score: creation time, ms): added at accept before the job is,
 * removed when the job could not be added and when the result is recorded.
 *
 * The database stays the truth, and the set is only trusted where a mistake is harmless:
 * - lost (Redis restarted, key expired after an idle window): the set has no `BUILT` marker,
 *   and the next count rebuilds it from the rows (the count admission made before);
 * - too high (a removal that failed, a result stored while Redis was away): entries older
 *   than the window drop out, as rows did from the old count; and a count at or over the cap
 *   is checked against the rows before a 429 (admission.ts), so a stale entry never refuses.
 * Rejudges are not added: like today's count, only what the user submitted is theirs.
 */
export class PendingSubmissions {
  constructor(
    private readonly redis: Redis,
    private readonly prisma: PrismaClient,
    private readonly prefix: string,
    /** Submissions older than this no longer count, as in the row count it replaces. ms */
    private readonly windowMs: number,
  ) {}

  private keyOf(userId: string): string {
    return `${this.prefix}:pending-submissions:${userId}`;
  }

  /** Called before the job is added, so that a concurrent admission already counts it. */
  async add(userId: string, submissionId: string, createdAt: number): Promise<void> {
    const key = this.keyOf(userId);
    await this.redis.multi().zadd(key, createdAt, submissionId).pexpire(key, this.windowMs).exec();
  }

  /** A submission whose job could not be added, or whose result is now stored. */
  async remove(userId: string, submissionId: string): Promise<void> {
    await this.redis.zrem(this.keyOf(userId), submissionId);
  }

  /** One round trip while the set is there; a rebuild from the rows when it is not. */
  async count(userId: string, now = Date.now()): Promise<number> {
    const key = this.keyOf(userId);
    const replies = await this.redis.multi().zremrangebyscore(key, "-inf", `(${now - this.windowMs}`).zscore(key, BUILT).zcard(key).exec();
    if (replies === null) throw new Error("pending-submissions count: transaction aborted");
    for (const [err] of replies) if (err) throw err;
    const built = replies[1]![1] !== null;
    if (built) return Number(replies[2]![1]) - 1;
    return this.rebuild(userId, now);
  }

  /** The count from the database, written back as the set: the truth, at the cost of a query. */
  async rebuild(userId: string, now = Date.now()): Promise<number> {
    const rows = await this.prisma.submission.findMany({
      where: { userId, origin: "user", status: { not: "done" }, createdAt: { gte: new Date(now - this.windowMs) } },
      select: { id: true, createdAt: true },
    });
    const key = this.keyOf(userId);
    // Replaces the set, so stale entries go too. An entry a concurrent accept adds between the
    // query and this write may be dropped: the count is then one low until that submission is
    // judged, the same overshoot as two requests admitted at the same moment (admission.ts).
    // The marker's score never falls out of the window.
    const tx = this.redis.multi().del(key).zadd(key, "+inf", BUILT);
    for (const row of rows) tx.zadd(key, row.createdAt.getTime(), row.id);
    const replies = await tx.pexpire(key, this.windowMs).exec();
    for (const [err] of replies ?? []) if (err) throw err;
    return rows.length;
  }
}
