import { Prisma, type PrismaClient } from "@judge/db";
import type { Difficulty, ProblemSort, ProblemStatus } from "@judge/protocol";

export interface OrderedListQuery {
  difficulty?: Difficulty;
  tag?: string;
  q?: string;
  status?: ProblemStatus;
  sort?: ProblemSort;
  /** Rows to skip: the cursor of an ordered list is an offset, since its order is computed. */
  offset: number;
  limit: number;
}

const orderBy: Record<ProblemSort, Prisma.Sql> = {
  // A problem nobody has been judged on has no rate: it sorts last either way.
  acceptance: Prisma.raw("rate ASC NULLS LAST"),
  "-acceptance": Prisma.raw("rate DESC NULLS LAST"),
  // The enum's order is easy, medium, hard.
  difficulty: Prisma.raw("p.difficulty ASC"),
  "-difficulty": Prisma.raw("p.difficulty DESC"),
};

/**
 * Published problems filtered by the signed-in user's status and sorted by acceptance or
 * difficulty, in one query: both need per-problem aggregates of submissions, which the
 * default list (createdAt order, id cursor) does not. Ties keep the default order.
 */
export async function orderedProblems(prisma: PrismaClient, query: OrderedListQuery, userId: string | undefined) {
  const where: Prisma.Sql[] = [Prisma.sql`p.published`];
  if (query.difficulty) where.push(Prisma.sql`p.difficulty = ${query.difficulty}::difficulty`);
  if (query.tag) where.push(Prisma.sql`${query.tag} = ANY(p.tags)`);
  if (query.q) where.push(Prisma.sql`p.title ILIKE ${`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (query.status && userId) {
    const mine = Prisma.sql`s.user_id = ${userId} AND s.origin = 'user' AND s.problem_id = p.id`;
    const solved = Prisma.sql`EXISTS (SELECT 1 FROM submissions s WHERE ${mine} AND s.verdict = 'AC')`;
    const tried = Prisma.sql`EXISTS (SELECT 1 FROM submissions s WHERE ${mine})`;
    if (query.status === "solved") where.push(solved);
    else if (query.status === "attempted") where.push(Prisma.sql`${tried} AND NOT ${solved}`);
    else where.push(Prisma.sql`NOT ${tried}`);
  }
  const order = query.sort ? Prisma.sql`${orderBy[query.sort]}, ` : Prisma.empty;
  return prisma.$queryRaw<{ id: string; slug: string; title: string; difficulty: Difficulty; tags: string[] }[]>`
    SELECT p.id, p.slug, p.title, p.difficulty::text AS difficulty, p.tags
    FROM problems p
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE s.verdict = 'AC')::float / NULLIF(count(*) FILTER (WHERE s.status = 'done'), 0) AS rate
      FROM submissions s WHERE s.problem_id = p.id AND s.origin = 'user'
    ) stats ON true
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${order}p.created_at ASC, p.id ASC
    OFFSET ${query.offset} LIMIT ${query.limit}`;
}
