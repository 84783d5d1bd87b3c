import { Prisma, type PrismaClient } from "@judge/db";
import type { DistributionBucket, DistributionMetric, DistributionSample, LanguageId } from "@judge/protocol";

/** At most this many bars: LeetCode-like resolution, and a bound on what one query returns. */
export const MAX_BUCKETS = 20;

const column: Record<DistributionMetric, Prisma.Sql> = {
  runtime: Prisma.raw("time_ms"),
  memory: Prisma.raw("memory_kb"),
};

/** People's accepted submissions of a problem in a language: a package's own never count. */
function accepted(problemId: string, language: LanguageId): Prisma.Sql {
  return Prisma.sql`problem_id = ${problemId} AND language = ${language} AND status = 'done' AND verdict = 'AC' AND origin = 'user'`;
}

/**
 * Counts per bucket, in PostgreSQL: buckets of one whole-number width (at least 1) from the
 * smallest value, as few as cover the largest, at most MAX_BUCKETS; width_bucket places each
 * value and generate_series keeps the empty buckets between, so the bars read as an axis.
 */
export async function bucketsOf(prisma: PrismaClient, problemId: string, language: LanguageId, metric: DistributionMetric): Promise<DistributionBucket[]> {
  const value = column[metric];
  const rows = await prisma.$queryRaw<{ from: number; to: number; count: number }[]>`
    WITH acc AS (
      SELECT ${value} AS v FROM submissions WHERE ${accepted(problemId, language)} AND ${value} IS NOT NULL
    ), range AS (
      SELECT min(v) AS lo, max(v) AS hi FROM acc
    ), shape AS (
      SELECT lo, hi, GREATEST(1, CEIL((hi - lo + 1)::numeric / ${MAX_BUCKETS}))::int AS width FROM range WHERE lo IS NOT NULL
    ), grid AS (
      SELECT lo, width, CEIL((hi - lo + 1)::numeric / width)::int AS n FROM shape
    )
    SELECT (grid.lo + (g.i - 1) * grid.width)::int AS "from",
           (grid.lo + g.i * grid.width)::int AS "to",
           count(acc.v)::int AS count
    FROM grid
    CROSS JOIN generate_series(1, grid.n) AS g(i)
    LEFT JOIN acc ON width_bucket(acc.v, grid.lo, grid.lo + grid.n * grid.width, grid.n) = g.i
    GROUP BY g.i, grid.lo, grid.width
    ORDER BY g.i`;
  return rows.map((r) => ({ from: Number(r.from), to: Number(r.to), count: Number(r.count) }));
}

/** One accepted submission with a value in [from, to): the most recent, so it reflects today's judge. */
export async function sampleIn(
  prisma: PrismaClient,
  problemId: string,
  language: LanguageId,
  metric: DistributionMetric,
  from: number,
  to: number,
): Promise<DistributionSample | null> {
  const value = column[metric];
  const rows = await prisma.$queryRaw<{ id: string; time_ms: number | null; memory_kb: number | null; code: string }[]>`
    SELECT id, time_ms, memory_kb, code FROM submissions
    WHERE ${accepted(problemId, language)} AND ${value} >= ${from} AND ${value} < ${to}
    ORDER BY created_at DESC, id DESC
    LIMIT 1`;
  const row = rows[0];
  if (!row) return null;
  return { id: row.id, language, timeMs: row.time_ms, memoryKb: row.memory_kb, code: row.code };
}
