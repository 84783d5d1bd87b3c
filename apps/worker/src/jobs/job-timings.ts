import type { JudgeTimings } from "@judge/protocol";

/** BullMQ's own timestamps of a job (epoch ms), read for the queue wait. */
export interface QueuedJobTimes {
  timestamp: number;
  processedOn?: number;
}

/**
 * Where one job's time goes, marked by the glue as the job moves along and sent with the
 * verdict step. Publishing time is kept apart from the compile and run phases it
 * interrupts, so those two are the sandbox's own work.
 */
export class JobTimings {
  private readonly takenAt: number;
  private fetchedAt: number | null = null;
  private compileAt: number | null = null;
  private runAt: number | null = null;
  private judgedAt: number | null = null;
  private publishMs = 0;
  private publishMsAtRun = 0;
  private resultMs = 0;

  constructor(
    private readonly job: QueuedJobTimes,
    /** ms, monotonic; a parameter so that tests can drive it */
    private readonly now: () => number = () => performance.now(),
  ) {
    this.takenAt = now();
  }

  fetched(): void {
    this.fetchedAt = this.now();
  }

  compiling(): void {
    this.compileAt = this.now();
  }

  /** Call on every `running` step; only the first one starts the run phase. */
  running(): void {
    if (this.runAt !== null) return;
    this.runAt = this.now();
    this.publishMsAtRun = this.publishMs;
  }

  judged(): void {
    this.judgedAt = this.now();
  }

  /** Times a step's publication. */
  async publishing<T>(work: Promise<T>): Promise<T> {
    const started = this.now();
    try {
      return await work;
    } finally {
      this.publishMs += this.now() - started;
    }
  }

  /** Times the hand-off of the result to the durable queue. */
  async resulting<T>(work: Promise<T>): Promise<T> {
    const started = this.now();
    try {
      return await work;
    } finally {
      this.resultMs += this.now() - started;
    }
  }

  /** The figures as they stand, stamped with the moment the verdict goes to Redis. */
  snapshot(): JudgeTimings {
    const end = this.judgedAt ?? this.now();
    const compileEnd = this.runAt ?? end;
    const compileMs = this.compileAt === null ? 0 : compileEnd - this.compileAt - this.publishMsAtRun;
    const runMs = this.runAt === null ? 0 : end - this.runAt - (this.publishMs - this.publishMsAtRun);
    const round = (v: number) => Math.max(0, Math.round(v * 1000) / 1000);
    return {
      queueMs: Math.max(0, (this.job.processedOn ?? this.job.timestamp) - this.job.timestamp),
      takenAt: this.job.processedOn ?? this.job.timestamp,
      fetchMs: round((this.fetchedAt ?? this.takenAt) - this.takenAt),
      compileMs: round(compileMs),
      runMs: round(runMs),
      publishMs: round(this.publishMs),
      resultMs: round(this.resultMs),
      publishedAt: performance.timeOrigin + performance.now(),
    };
  }
}
