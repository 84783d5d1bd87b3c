import type { Redis } from "ioredis";
import type { LiveState } from "@judge/live-state";

/**
 * The runs each user has waiting or being judged. Runs have no database row (they live in
 * Redis only), so admission cannot count them like submissions: each user has a sorted set of
 * run ids (score: creation time, ms), and a run leaves it once its live state says done or is
 * gone. A count also drops the finished ones, so the set stays about as small as the cap.
 */
export class RunsInFlight {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly live: LiveState,
    /** Runs older than this no longer count (as for submissions): bounds a set nobody reads. ms */
    private readonly windowMs: number,
  ) {}

  private keyOf(userId: string): string {
    return `${this.prefix}:runs-in-flight:${userId}`;
  }

  /** Called before the run's job is added, so that a concurrent admission already counts it. */
  async add(userId: string, runId: string, now = Date.now()): Promise<void> {
    const key = this.keyOf(userId);
    await this.redis.multi().zadd(key, now, runId).pexpire(key, this.windowMs).exec();
  }

  /** A run whose job could not be added. */
  async remove(userId: string, runId: string): Promise<void> {
    await this.redis.zrem(this.keyOf(userId), runId);
  }

  async count(userId: string, now = Date.now()): Promise<number> {
    const key = this.keyOf(userId);
    // One round trip: a user with no runs in flight (most) costs admission nothing more.
    const replies = await this.redis.multi().zremrangebyscore(key, "-inf", now - this.windowMs).zrange(key, 0, -1).exec();
    if (replies === null) throw new Error("runs-in-flight count: transaction aborted");
    for (const [err] of replies) if (err) throw err;
    const ids = replies[1]![1] as string[];
    const snapshots = await Promise.all(ids.map((id) => this.live.snapshot(id)));
    const finished = ids.filter((_, i) => {
      const snapshot = snapshots[i];
      return !snapshot || snapshot.view.status === "done";
    });
    if (finished.length > 0) await this.redis.zrem(key, ...finished);
    return ids.length - finished.length;
  }
}
