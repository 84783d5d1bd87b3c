import { Router } from "express";
import type { PrismaClient } from "@judge/db";
import { Slug } from "@judge/protocol";
import { currentUser, requireAdmin } from "../auth/authenticate.ts";
import { notFound } from "../http/api-error.ts";
import type { PackageVerification } from "./package-verification.ts";
import { verificationReport } from "./verification-report.ts";

function slugOf(param: unknown): string {
  const slug = Slug.safeParse(param);
  if (!slug.success) throw notFound("problem");
  return slug.data;
}

/**
 * `POST /api/problems/:slug/verify` (admin): judges the package's own submissions, 202 with the
 * report; `GET /api/problems/:slug/verification` (admin): the report, each submission's verdict
 * against what its folder says (docs/problem-packages.md).
 */
export function verificationRoutes(prisma: PrismaClient, verification: PackageVerification): Router {
  const router = Router();
  router.post("/:slug/verify", requireAdmin, async (req, res) => {
    const slug = slugOf(req.params.slug);
    await verification.start(slug, currentUser(req));
    res.status(202).json(await verificationReport(prisma, slug));
  });
  router.get("/:slug/verification", requireAdmin, async (req, res) => {
    const slug = slugOf(req.params.slug);
    const problem = await prisma.problem.findUnique({ where: { slug }, select: { id: true } });
    if (!problem) throw notFound("problem");
    // A phase step the result consumer missed (a crash between storing and stepping) is made here.
    await verification.advance(problem.id);
    res.json(await verificationReport(prisma, slug));
  });
  return router;
}
