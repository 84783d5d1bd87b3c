import type { Queue } from "bullmq";
import type { Logger } from "@judge/config";
import { Prisma, type PrismaClient } from "@judge/db";
import type { LiveState } from "@judge/live-state";
import { jobPriority, type JudgeJob, type SubmissionView } from "@judge/protocol";
import { notFound } from "../http/api-error.ts";
import { enqueueJudgings, judgeJobId, judgingOfRow, type JudgingToEnqueue } from "./judge-enqueue.ts";
import { submissionViewInclude, toSubmissionView } from "./submission-view.ts";

export interface RejudgeDeps {
  prisma: PrismaClient;
  live: LiveState;
  judgeQueue: Queue<JudgeJob>;
  judgeAttempts: number;
  logger: Logger;
}

/** The columns a judging is reset to: what a fresh submission has. */
const freshJudging = {
  status: "queued",
  verdict: null,
  passed: 0,
  total: 0,
  timeMs: null,
  memoryKb: null,
  compileOutput: null,
  score: null,
  maxScore: null,
  failure: Prisma.DbNull,
  judgedAt: null,
  judging: { increment: 1 },
} satisfies Prisma.SubmissionUpdateManyMutationInput;

/**
 * Judges submissions again, after a problem's tests changed or a judge fault, at the lowest
 * priority so people waiting on Run and Submit go first. Each rejudged row goes back to
 * `queued` with `judging` + 1; the job carries that number and the result consumer stores
 * only the result of the judging the row is on (see results/record-result.ts), so a late
 * result of the earlier judging can never overwrite the new one.
 */
export class RejudgeService {
  constructor(private readonly deps: RejudgeDeps) {}

  async submission(id: string): Promise<number> {
    const exists = await this.deps.prisma.submission.count({ where: { id } });
    if (exists === 0) throw notFound("submission");
    return this.rejudge({ id });
  }

  async problem(slug: string): Promise<number> {
    const problem = await this.deps.prisma.problem.findUnique({ where: { slug }, select: { id: true } });
    if (!problem) throw notFound("problem");
    return this.rejudge({ problemId: problem.id });
  }

  private async rejudge(where: Prisma.SubmissionWhereInput): Promise<number> {
    const { prisma, live, judgeQueue, logger } = this.deps;
    const rows = await prisma.$transaction(async (tx) => {
      const ids = (await tx.submission.findMany({ where, select: { id: true } })).map((r) => r.id);
      if (ids.length === 0) return [];
      await tx.submission.updateMany({ where: { id: { in: ids } }, data: freshJudging });
      await tx.submissionTest.deleteMany({ where: { submissionId: { in: ids } } });
      return tx.submission.findMany({
        where: { id: { in: ids } },
        include: { ...submissionViewInclude, problem: { select: { slug: true, testsHash: true } } },
      });
    });
    const items: JudgingToEnqueue[] = [];
    for (const row of rows) {
      // A job of the earlier judging still waiting would only be judged to be dropped.
      await judgeQueue.remove(judgeJobId(row.id, row.judging - 1)).catch(() => 0);
      await this.resetLive(toSubmissionView(row), row.userId);
      items.push(judgingOfRow(row, jobPriority.rejudge));
    }
    await enqueueJudgings(judgeQueue, items, this.deps.judgeAttempts);
    logger.info({ count: items.length }, "rejudge queued");
    return items.length;
  }

  /**
   * Subscribers see the reset as one more event (status `queued`) in the same seq order, so
   * a client that resumes after seq n loses nothing; expired state is made again.
   */
  private async resetLive(view: SubmissionView, ownerId: string): Promise<void> {
    const snapshot = await this.deps.live.snapshot(view.id);
    if (snapshot) await this.deps.live.reopen(view.id, { kind: "status", status: "queued" }, view);
    else await this.deps.live.create(view, ownerId);
  }
}
