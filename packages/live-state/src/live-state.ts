import { readFileSync } from "node:fs";
import type { Redis } from "ioredis";
import { SubmissionView, type Step } from "@judge/protocol";
import { liveKeys } from "./keys.ts";

const appendStepScript = readFileSync(new URL("./append-step.lua", import.meta.url), "utf8");

export interface Snapshot {
  ownerId: string;
  seq: number;
  view: SubmissionView;
}

type RedisWithAppend = Redis & {
  judgeAppendStep(state: string, log: string, event: string, view: string, channel: string, ttl: number, final: string): Promise<number>;
};

/**
 * The live state of submissions in Redis: written by the API (created) and the worker
 * (steps), read by notifiers (snapshots, resume) and the API.
 */
export class LiveState {
  private readonly redis: RedisWithAppend;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    /** How long a submission's live state outlives its last step. */
    private readonly ttlSeconds = 24 * 3600,
  ) {
    if (!("judgeAppendStep" in redis)) {
      redis.defineCommand("judgeAppendStep", { numberOfKeys: 2, lua: appendStepScript });
    }
    this.redis = redis as RedisWithAppend;
  }

  keys(submissionId: string) {
    return liveKeys(this.prefix, submissionId);
  }

  /** Creates the state at seq 0. Creating it again (a retried request) resets nothing. */
  async create(view: SubmissionView, ownerId: string): Promise<void> {
    const { state } = this.keys(view.id);
    await this.redis
      .multi()
      .hsetnx(state, "owner", ownerId)
      .hsetnx(state, "seq", "0")
      .hsetnx(state, "view", JSON.stringify(view))
      .expire(state, this.ttlSeconds)
      .exec();
  }

  /**
   * Appends one step; returns its seq, or 0 when the submission already has its verdict
   * (the step is dropped: one verdict per submission, nothing after it).
   */
  async append(submissionId: string, step: Step, view: SubmissionView): Promise<number> {
    const { state, log, channel } = this.keys(submissionId);
    const event = JSON.stringify({ type: "event", submissionId, ...step });
    const final = step.kind === "verdict" ? "1" : "0";
    return this.redis.judgeAppendStep(state, log, event, JSON.stringify(view), channel, this.ttlSeconds, final);
  }

  /**
   * Reopens a judged submission for a rejudge: the step (a `queued` status) is appended even
   * after the verdict, and the next verdict is accepted again.
   */
  async reopen(submissionId: string, step: Step, view: SubmissionView): Promise<number> {
    const { state, log, channel } = this.keys(submissionId);
    const event = JSON.stringify({ type: "event", submissionId, ...step });
    return this.redis.judgeAppendStep(state, log, event, JSON.stringify(view), channel, this.ttlSeconds, "2");
  }

  async snapshot(submissionId: string): Promise<Snapshot | null> {
    const [owner, seq, view] = await this.redis.hmget(this.keys(submissionId).state, "owner", "seq", "view");
    if (owner == null || seq == null || view == null) return null;
    return { ownerId: owner, seq: Number(seq), view: SubmissionView.parse(JSON.parse(view)) };
  }

  /** Event messages with seq in (afterSeq, uptoSeq], as the raw JSON that was published. */
  async eventsBetween(submissionId: string, afterSeq: number, uptoSeq: number): Promise<string[]> {
    if (uptoSeq <= afterSeq) return [];
    // seq n sits at list index n-1.
    return this.redis.lrange(this.keys(submissionId).log, afterSeq, uptoSeq - 1);
  }

  async remove(submissionId: string): Promise<void> {
    const { state, log } = this.keys(submissionId);
    await this.redis.del(state, log);
  }
}
