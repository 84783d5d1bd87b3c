import { Router, type Request } from "express";
import { z } from "zod";
import { DistributionSampleQuery, LanguageId, Slug, type Distribution } from "@judge/protocol";
import type { PrismaClient } from "@judge/db";
import { currentUser } from "../auth/authenticate.ts";
import { ApiError, notFound } from "../http/api-error.ts";
import { bucketsOf, sampleIn } from "./distribution.ts";
import { solvedBy } from "./problem-stats.ts";

const DistributionQuery = z.object({ language: LanguageId });

/**
 * Runtime and memory distributions of accepted submissions (public, as verdicts are), and a
 * sample accepted code from one bar: code is only for those who solved the problem themselves,
 * as on LeetCode, so the chart is no way to read a solution before solving.
 */
export function distributionRoutes(prisma: PrismaClient): Router {
  const router = Router();

  async function visibleProblem(req: Request): Promise<{ id: string; slug: string }> {
    const slug = Slug.safeParse(req.params.slug);
    if (!slug.success) throw notFound("problem");
    const problem = await prisma.problem.findUnique({ where: { slug: slug.data }, select: { id: true, slug: true, published: true } });
    if (!problem || (!problem.published && req.user?.role !== "admin")) throw notFound("problem");
    return problem;
  }

  router.get("/:slug/distribution", async (req, res) => {
    const problem = await visibleProblem(req);
    const { language } = DistributionQuery.parse(req.query);
    const [runtime, memory] = await Promise.all([bucketsOf(prisma, problem.id, language, "runtime"), bucketsOf(prisma, problem.id, language, "memory")]);
    const body: Distribution = { problem: problem.slug, language, accepted: runtime.reduce((sum, b) => sum + b.count, 0), runtime, memory };
    res.json(body);
  });

  router.get("/:slug/distribution/sample", async (req, res) => {
    const user = currentUser(req);
    const problem = await visibleProblem(req);
    const query = DistributionSampleQuery.parse(req.query);
    // Admins read any code already (submission-visibility.ts).
    const solved = user.role === "admin" || (await solvedBy(prisma, user.sub, [problem.id])).has(problem.id);
    if (!solved) throw new ApiError("FORBIDDEN", "solve this problem first to read others' code");
    const sample = await sampleIn(prisma, problem.id, query.language, query.metric, query.from, query.to);
    if (!sample) throw notFound("accepted submission in that range");
    res.json(sample);
  });

  return router;
}
