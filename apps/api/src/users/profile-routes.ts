import { Router } from "express";
import { Credentials, Difficulty, type DifficultyCounts, type UserProfile } from "@judge/protocol";
import type { PrismaClient } from "@judge/db";
import { notFound } from "../http/api-error.ts";

/** A name registration could have made; anything else (a NUL byte PostgreSQL refuses…) names no one. */
const Username = Credentials.shape.username;
/** The calendar's span: today and the 364 days before it, 52 weeks and a day as LeetCode's. */
const CALENDAR_DAYS = 365;

function zeroCounts(): DifficultyCounts {
  return Object.fromEntries(Difficulty.options.map((d) => [d, 0])) as DifficultyCounts;
}

/**
 * `GET /api/users/:username/profile`: public, as a LeetCode profile is: solved counts per
 * difficulty (published problems, people's submissions) and submissions per UTC day over the
 * last year, all counted in PostgreSQL.
 */
export function profileRoutes(prisma: PrismaClient): Router {
  const router = Router();

  router.get("/:username/profile", async (req, res) => {
    const username = Username.safeParse(req.params.username);
    if (!username.success) throw notFound("user");
    const user = await prisma.user.findUnique({ where: { username: username.data }, select: { id: true, username: true, createdAt: true } });
    if (!user) throw notFound("user");
    const since = new Date();
    since.setUTCHours(0, 0, 0, 0);
    since.setUTCDate(since.getUTCDate() - (CALENDAR_DAYS - 1));
    // created_at holds UTC without a zone (Prisma's way), so days are cut on UTC strings.
    const sinceDay = since.toISOString().slice(0, 10);
    const [solvedRows, problemRows, dayRows] = await Promise.all([
      prisma.$queryRaw<{ difficulty: Difficulty; n: number }[]>`
        SELECT p.difficulty::text AS difficulty, count(DISTINCT p.id)::int AS n
        FROM submissions s JOIN problems p ON p.id = s.problem_id
        WHERE s.user_id = ${user.id} AND s.verdict = 'AC' AND s.origin = 'user' AND p.published
        GROUP BY p.difficulty`,
      prisma.problem.groupBy({ by: ["difficulty"], where: { published: true }, _count: { _all: true } }),
      // Only what others may see: submissions to published problems.
      prisma.$queryRaw<{ date: string; count: number }[]>`
        SELECT to_char(s.created_at, 'YYYY-MM-DD') AS date, count(*)::int AS count
        FROM submissions s JOIN problems p ON p.id = s.problem_id
        WHERE s.user_id = ${user.id} AND s.origin = 'user' AND p.published AND s.created_at >= ${since}
        GROUP BY 1 ORDER BY 1`,
    ]);
    const solved = zeroCounts();
    for (const row of solvedRows) solved[row.difficulty] = Number(row.n);
    const problems = zeroCounts();
    for (const row of problemRows) problems[row.difficulty] = row._count._all;
    const body: UserProfile = {
      username: user.username,
      joinedAt: user.createdAt.toISOString(),
      solved,
      problems,
      days: dayRows.map((r) => ({ date: r.date, count: Number(r.count) })),
      since: sinceDay,
    };
    res.json(body);
  });

  return router;
}
