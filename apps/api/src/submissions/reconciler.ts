import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "@judge/config";
import type { PrismaClient } from "@judge/db";
import type { LiveState } from "@judge/live-state";
import { jobPriority, type JudgeJob } from "@judge/protocol";
import { judgeJobId, judgeJobOf, judgingOfRow } from "./judge-enqueue.ts";
import { submissionViewInclude, toSubmissionView, type SubmissionRow } from "./submission-view.ts";

export interface ReconcilerDeps {
  prisma: PrismaClient;
  /** The Redis the judge queue lives in: its job keys are checked here. */
  redis: Redis;
  live: LiveState;
  judgeQueue: Queue<JudgeJob>;
  judgeAttempts: number;
  logger: Logger;
  /** A row younger than this may still be waiting for the job its request is about to add. */
  graceMs: number;
  /** Rows read (and job keys checked) per round trip: bounds each query and each pipeline. */
  batchSize?: number;
}

export interface ReconcileOutcome {
  /** Unfinished rows older than the grace period that were looked at. */
  checked: number;
  /** Of those, whose job was gone and was added again. */
  reenqueued: number;
}

const unfinished = ["queued", "compiling", "running"] as const;

/**
 * The database is the source of truth; Redis may lose its queues (restarted without an
 * append-only file, a failover, keys evicted). This finds submissions whose row is not
 * `done` and whose judge job no longer exists, and adds that job again.
 *
 * Gone means the job's hash is absent. Every other state leads to a result by itself:
 * waiting/delayed/prioritized jobs will run, an active one is recovered by BullMQ's stalled
 * check, and a completed or failed one has already sent its result (the worker turns the last
 * failed attempt into an IE result) to the durable results queue.
 *
 * Never judged twice: the job id is the one the submission was first enqueued under
 * (judge-enqueue.ts), and BullMQ's add is a no-op for an id it holds, so two reconcilers
 * (two API replicas) racing add one job; finished jobs are kept an hour, far longer than one
 * pass. And if a judging still did run twice, the results path stores once per judging.
 */
export class Reconciler {
  private readonly batchSize: number;

  constructor(private readonly deps: ReconcilerDeps) {
    this.batchSize = deps.batchSize ?? 500;
  }

  /** One pass over every unfinished row older than the grace period, a batch at a time. */
  async reconcileOnce(now = new Date()): Promise<ReconcileOutcome> {
    const { prisma } = this.deps;
    const cutoff = new Date(now.getTime() - this.deps.graceMs);
    const outcome: ReconcileOutcome = { checked: 0, reenqueued: 0 };
    let after: { createdAt: Date; id: string } | undefined;
    for (;;) {
      // Keyset pagination on (created_at, id), served by the (status, created_at) index.
      const rows = await prisma.submission.findMany({
        where: {
          status: { in: [...unfinished] },
          createdAt: { lt: cutoff },
          ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}),
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: this.batchSize,
        include: { ...submissionViewInclude, problem: { select: { slug: true, testsHash: true } } },
      });
      if (rows.length === 0) break;
      outcome.checked += rows.length;
      outcome.reenqueued += await this.reenqueueGone(rows);
      const last = rows[rows.length - 1]!;
      after = { createdAt: last.createdAt, id: last.id };
      if (rows.length < this.batchSize) break;
    }
    return outcome;
  }

  private async reenqueueGone(rows: UnfinishedRow[]): Promise<number> {
    const { judgeQueue, live, logger } = this.deps;
    const pipeline = this.deps.redis.pipeline();
    for (const row of rows) pipeline.exists(judgeQueue.toKey(judgeJobId(row.id, row.judging)));
    const answers = (await pipeline.exec()) ?? [];
    const missing = rows.filter((_, i) => {
      const [err, exists] = answers[i] ?? [new Error("no answer"), 1];
      if (err) throw err;
      return exists === 0;
    });
    if (missing.length === 0) return 0;
    // Read again after the job check: a row judged or rejudged meanwhile (a rejudge removes
    // the earlier judging's job) must not get that earlier judging's job back.
    const still = await this.deps.prisma.submission.findMany({
      where: { OR: missing.map((r) => ({ id: r.id, judging: r.judging })), status: { in: [...unfinished] } },
      select: { id: true },
    });
    const stillIds = new Set(still.map((r) => r.id));
    const gone = missing.filter((r) => stillIds.has(r.id));
    let added = 0;
    for (const row of gone) {
      if (!(await this.claim(row))) continue;
      const view = toSubmissionView(row);
      const snapshot = await live.snapshot(row.id);
      // The verdict is already published: its result is on the results queue; judging again
      // would show subscribers a second verdict.
      if (snapshot?.view.status === "done") continue;
      // Lost with the queue: made again from the row, so a subscriber gets a snapshot. An
      // existing one is kept (it resets nothing); the re-run's steps follow its seq.
      if (!snapshot) await live.create(view, row.userId);
      const job = judgeJobOf(
        judgingOfRow(row, row.judging > 1 ? jobPriority.rejudge : jobPriority.submission),
        this.deps.judgeAttempts,
      );
      await judgeQueue.add(job.name, job.data, job.opts);
      added += 1;
      logger.info({ submissionId: row.id, judging: row.judging }, "judge job was gone; enqueued again");
    }
    return added;
  }

  /**
   * Only one reconciler (of several API replicas) re-adds a given job: BullMQ's add would
   * dedupe the job anyway, but the claim keeps the live state and the logged count honest.
   * It expires, so a reconciler that dies between claim and add leaves it to the next pass.
   */
  private async claim(row: UnfinishedRow): Promise<boolean> {
    const key = this.deps.judgeQueue.toKey(`reconciling:${judgeJobId(row.id, row.judging)}`);
    return (await this.deps.redis.set(key, "1", "PX", CLAIM_TTL_MS, "NX")) === "OK";
  }
}

/** Far longer than one add takes; a dead claimer's rows wait this long for the next pass. */
const CLAIM_TTL_MS = 30_000;

/** What a row must carry to be enqueued again. */
interface UnfinishedRow extends SubmissionRow {
  userId: string;
  code: string;
  files: unknown;
  problemId: string;
  judging: number;
  problem: { slug: string; testsHash: string };
}

export interface RunningReconciler {
  /** Stops the timer and waits for a pass under way. */
  close(): Promise<void>;
}

/**
 * Runs a pass now and then every `intervalMs`, never two at once in this process. A pass that
 * fails (Redis or the database away) is logged and the next tick tries again.
 */
export function startReconciler(reconciler: Reconciler, intervalMs: number, logger: Logger): RunningReconciler {
  let running: Promise<void> | undefined;
  const pass = () => {
    running ??= reconciler
      .reconcileOnce()
      .then(({ checked, reenqueued }) => {
        if (reenqueued > 0) logger.warn({ checked, reenqueued }, "reconciled: re-enqueued submissions whose judge job was gone");
        else logger.debug({ checked }, "reconciled: nothing to re-enqueue");
      })
      .catch((err: unknown) => logger.warn({ err }, "reconcile pass failed; the next one retries"))
      .finally(() => {
        running = undefined;
      });
  };
  pass();
  const timer = setInterval(pass, intervalMs);
  timer.unref();
  return {
    close: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
