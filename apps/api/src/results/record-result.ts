import type { PrismaClient } from "@judge/db";
import type { JudgeResult } from "@judge/protocol";
import { judgedColumnsOf, openJudgingOf, testRowsOf } from "./result-write.ts";

export interface RecordedResult {
  /** When the submission was made: judge duration is measured from it. */
  createdAt: Date;
  /** Whose it is: their pending count goes down (intake/pending-submissions.ts). */
  userId: string;
}

/**
 * Writes a final result once per judging. The conditional update is the idempotency guard
 * (its where-clause and columns are in result-write.ts): a result delivered twice (a retried
 * job, a re-run after a stalled worker) finds the row `done` and changes nothing. A rejudge
 * puts the row back to `queued` with `judging` + 1, so its result passes the guard exactly
 * once, while a late result of the earlier judging (it carries the older `judging`) is
 * dropped. Results without `judging` (workers older than rejudging) are stored on whatever
 * judging is open. Returns the row when this call stored it.
 */
export async function recordResult(prisma: PrismaClient, result: JudgeResult): Promise<RecordedResult | null> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.submission.updateMany({ where: openJudgingOf(result), data: judgedColumnsOf(result) });
    if (count === 0) return null;
    // A rejudge's tests replace the earlier judging's.
    await tx.submissionTest.deleteMany({ where: { submissionId: result.submissionId } });
    if (result.tests.length > 0) {
      await tx.submissionTest.createMany({ data: testRowsOf(result), skipDuplicates: true });
    }
    const row = await tx.submission.findUniqueOrThrow({ where: { id: result.submissionId }, select: { createdAt: true, userId: true } });
    return row;
  });
}
