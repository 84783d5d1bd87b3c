import { timingSafeEqual } from "node:crypto";
import { Router, type RequestHandler } from "express";
import type { PrismaClient } from "@judge/db";
import { testBundleOf } from "@judge/db";
import type { TestBundle } from "@judge/protocol";
import { ApiError, notFound } from "../http/api-error.ts";

function requireWorkerToken(workerToken: string): RequestHandler {
  const expected = Buffer.from(workerToken);
  return (req, _res, next) => {
    const given = Buffer.from(req.headers.authorization?.replace(/^Bearer /, "") ?? "");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new ApiError("UNAUTHORIZED", "worker token required");
    }
    next();
  };
}

/** Test data for workers; not routed by the public gateway. */
export function bundleRoutes(prisma: PrismaClient, workerToken: string): Router {
  const router = Router();
  router.use(requireWorkerToken(workerToken));
  router.get("/problems/:problemId/bundle", async (req, res) => {
    const problem = await prisma.problem.findUnique({
      where: { id: req.params.problemId },
      include: { tests: { orderBy: { index: "asc" } } },
    });
    if (!problem) throw notFound("problem");
    const bundle: TestBundle = testBundleOf(problem);
    res.setHeader("ETag", `"${bundle.hash}"`).json(bundle);
  });
  return router;
}
