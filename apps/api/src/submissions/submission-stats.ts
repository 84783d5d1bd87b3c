import type { PrismaClient } from "@judge/db";
import type { SubmissionStats } from "@judge/protocol";

interface AcceptedRow {
  id: string;
  userId: string;
  problemId: string;
  language: string;
  timeMs: number | null;
  memoryKb: number | null;
}

/**
 * Where an accepted submission stands among the accepted submissions of the same problem and
 * language, as LeetCode shows it: the fraction of the others that used more time (or more
 * memory). The others are other people's: a user who resubmits the same code ten times must
 * not beat (or lose to) themselves. Counted in PostgreSQL, so the cost does not grow with what
 * the API holds in memory.
 */
export async function submissionStats(prisma: PrismaClient, row: AcceptedRow): Promise<SubmissionStats> {
  // Among people's submissions: a package's own (origin "package") are not anyone's to beat.
  const same = { problemId: row.problemId, language: row.language, verdict: "AC" as const, status: "done" as const, origin: "user" as const };
  const others = { ...same, userId: { not: row.userId } };
  // One snapshot for the three counts: counted apart (in parallel, or one after another outside
  // a transaction) a result stored between them made the fastest of three "faster than 50%".
  const [othersAccepted, slowerRows, heavierRows] = await prisma.$transaction(
    [
      prisma.submission.count({ where: others }),
      prisma.submission.count({ where: { ...others, timeMs: { gt: row.timeMs ?? 0 } } }),
      prisma.submission.count({ where: { ...others, memoryKb: { gt: row.memoryKb ?? 0 } } }),
    ],
    { isolationLevel: "RepeatableRead" },
  );
  const slower = row.timeMs === null ? 0 : slowerRows;
  const heavier = row.memoryKb === null ? 0 : heavierRows;
  return {
    fasterThan: othersAccepted > 0 ? slower / othersAccepted : 0,
    lessMemoryThan: othersAccepted > 0 ? heavier / othersAccepted : 0,
    // This one and the others': what "of N accepted submissions" counts.
    acceptedInLanguage: othersAccepted + 1,
  };
}
