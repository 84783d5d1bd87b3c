import type { PrismaClient } from "@judge/db";
import type { JudgeResult } from "@judge/protocol";

/**
 * Writes a final result once. The conditional update is the idempotency guard: a result
 * delivered twice (a retried job, a re-run after a stalled worker) finds the row `done`
 * and changes nothing. Returns whether this call stored it.
 */
export async function recordResult(prisma: PrismaClient, result: JudgeResult): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.submission.updateMany({
      where: { id: result.submissionId, status: { not: "done" } },
      data: {
        status: "done",
        verdict: result.verdict,
        passed: result.passed,
        total: result.total,
        timeMs: result.timeMs,
        memoryKb: result.memoryKb,
        compileOutput: result.compileOutput,
        judgedAt: new Date(result.judgedAt),
      },
    });
    if (count === 0) return false;
    if (result.tests.length > 0) {
      await tx.submissionTest.createMany({
        data: result.tests.map((t) => ({ submissionId: result.submissionId, ...t })),
        skipDuplicates: true,
      });
    }
    return true;
  });
}
