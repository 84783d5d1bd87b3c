import type { Step } from "@judge/protocol";

/**
 * A job's steps published in order without making the judge wait a Redis round trip for
 * each one: a step is sent once the one before it has been applied, so seq order holds
 * (sending them together could reorder them when ioredis retries a script after NOSCRIPT),
 * while the judge goes on compiling and running. `drain()` waits for every step and
 * rethrows the first failure; after a failure later steps are dropped, since the job is
 * then retried or ends as IE, which republishes from a fresh view.
 */
export class OrderedSteps {
  private tail: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;

  constructor(private readonly publish: (step: Step) => Promise<void>) {}

  /** Queues the step; resolves at once (the judge's listener need not wait). */
  push(step: Step): Promise<void> {
    this.tail = this.tail.then(async () => {
      if (this.failure) return;
      try {
        await this.publish(step);
      } catch (error) {
        this.failure = { error };
      }
    });
    return Promise.resolve();
  }

  /** Every queued step applied, or the first failure thrown. */
  async drain(): Promise<void> {
    await this.tail;
    if (this.failure) throw this.failure.error;
  }
}
