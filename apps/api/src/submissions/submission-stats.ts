import type { PrismaClient } from "@judge/db";
import type { SubmissionStats } from "@judge/protocol";

interface AcceptedRow {
  id: string;
  problemId: string;
  language: string;
  timeMs: number | null;
  memoryKb: number | null;
}

/**
 * Where an accepted submission stands among the accepted submissions of the same problem and
 * language, as LeetCode shows it: the fraction of the others that used more time (or more
 * memory). Counted in PostgreSQL, so the cost does not grow with what the API holds in memory.
 */
export async function submissionStats(prisma: PrismaClient, row: AcceptedRow): Promise<SubmissionStats> {
  const same = { problemId: row.problemId, language: row.language, verdict: "AC" as const, status: "done" as const };
  const [accepted, slower, heavier] = await Promise.all([
    prisma.submission.count({ where: same }),
    row.timeMs === null ? 0 : prisma.submission.count({ where: { ...same, timeMs: { gt: row.timeMs } } }),
    row.memoryKb === null ? 0 : prisma.submission.count({ where: { ...same, memoryKb: { gt: row.memoryKb } } }),
  ]);
  const others = accepted - 1;
  return {
    fasterThan: others > 0 ? slower / others : 0,
    lessMemoryThan: others > 0 ? heavier / others : 0,
    acceptedInLanguage: accepted,
  };
}
