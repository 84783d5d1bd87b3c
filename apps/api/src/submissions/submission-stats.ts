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
  // Among people's submissions: a package's own (origin "package") are not anyone's to beat.
  const same = { problemId: row.problemId, language: row.language, verdict: "AC" as const, status: "done" as const, origin: "user" as const };
  // One snapshot for the three counts: counted apart (in parallel, or one after another outside
  // a transaction) a result stored between them made the fastest of three "faster than 50%".
  const [accepted, slowerRows, heavierRows] = await prisma.$transaction(
    [
      prisma.submission.count({ where: same }),
      prisma.submission.count({ where: { ...same, timeMs: { gt: row.timeMs ?? 0 } } }),
      prisma.submission.count({ where: { ...same, memoryKb: { gt: row.memoryKb ?? 0 } } }),
    ],
    { isolationLevel: "RepeatableRead" },
  );
  const slower = row.timeMs === null ? 0 : slowerRows;
  const heavier = row.memoryKb === null ? 0 : heavierRows;
  const others = accepted - 1;
  return {
    fasterThan: others > 0 ? slower / others : 0,
    lessMemoryThan: others > 0 ? heavier / others : 0,
    acceptedInLanguage: accepted,
  };
}
