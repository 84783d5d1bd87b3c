import type { PrismaClient } from "@judge/db";
import type { Difficulty, ProblemSummary } from "@judge/protocol";

/**
 * Accepted / judged submissions per problem; problems with no judged submission are absent.
 * People's submissions only: a package's own (a verification's) never count.
 */
export async function acceptanceRates(prisma: PrismaClient, problemIds: string[]): Promise<Map<string, number>> {
  if (problemIds.length === 0) return new Map();
  const [judged, accepted] = await Promise.all([
    prisma.submission.groupBy({
      by: ["problemId"],
      where: { problemId: { in: problemIds }, status: "done", origin: "user" },
      _count: { _all: true },
    }),
    prisma.submission.groupBy({
      by: ["problemId"],
      where: { problemId: { in: problemIds }, verdict: "AC", origin: "user" },
      _count: { _all: true },
    }),
  ]);
  const acceptedBy = new Map(accepted.map((row) => [row.problemId, row._count._all]));
  return new Map(judged.map((row) => [row.problemId, (acceptedBy.get(row.problemId) ?? 0) / row._count._all]));
}

export async function solvedBy(prisma: PrismaClient, userId: string, problemIds: string[]): Promise<Set<string>> {
  if (problemIds.length === 0) return new Set();
  const rows = await prisma.submission.findMany({
    where: { userId, problemId: { in: problemIds }, verdict: "AC", origin: "user" },
    distinct: ["problemId"],
    select: { problemId: true },
  });
  return new Set(rows.map((r) => r.problemId));
}

interface SummaryRow {
  id: string;
  slug: string;
  title: string;
  difficulty: Difficulty;
  tags: string[];
}

/** Problems as lists show them: with acceptance rate and, for a signed-in user, the solved mark. */
export async function summariesOf(prisma: PrismaClient, rows: SummaryRow[], userId: string | undefined): Promise<ProblemSummary[]> {
  const ids = rows.map((p) => p.id);
  const [rates, solved] = await Promise.all([
    acceptanceRates(prisma, ids),
    userId ? solvedBy(prisma, userId, ids) : Promise.resolve(null),
  ]);
  return rows.map((p) => ({
    slug: p.slug,
    title: p.title,
    difficulty: p.difficulty,
    tags: p.tags,
    acceptanceRate: rates.get(p.id) ?? null,
    ...(solved ? { solved: solved.has(p.id) } : {}),
  }));
}
