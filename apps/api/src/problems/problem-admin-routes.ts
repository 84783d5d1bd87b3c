import { Router } from "express";
import { z } from "zod";
import type { PrismaClient } from "@judge/db";
import { problemRowsOf } from "@judge/db";
import { ProblemInput, Slug, type ProblemAdminView, type RejudgeResponse } from "@judge/protocol";
import { PackageError, checkFunctionTests } from "@judge/problem-package";
import { requireAdmin } from "../auth/authenticate.ts";
import { ApiError, notFound } from "../http/api-error.ts";
import type { RejudgeService } from "../submissions/rejudge-service.ts";

const DeleteQuery = z.object({ withSubmissions: z.enum(["1", "true"]).optional() });

function isPrismaCode(err: unknown, code: string): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === code;
}

function slugOf(param: unknown): string {
  const slug = Slug.safeParse(param);
  if (!slug.success) throw notFound("problem");
  return slug.data;
}

/**
 * The body as a ProblemInput; a function problem's tests must also fit its signature, or the
 * 400 says which test and why (the worker would otherwise fail them at judge time).
 */
function checkedInput(body: unknown): ProblemInput {
  const parsed = ProblemInput.safeParse(body);
  if (!parsed.success) {
    const slug = (body as { slug?: unknown } | null)?.slug;
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const where = typeof slug === "string" ? `problem "${slug.slice(0, 64)}", ` : "";
    throw new ApiError("VALIDATION", `${where}${issues[0]?.path || "body"}: ${issues[0]?.message}`, issues);
  }
  const input = parsed.data;
  try {
    checkFunctionTests(input);
  } catch (error) {
    if (error instanceof PackageError) throw new ApiError("VALIDATION", error.message, { problem: error.problem });
    throw error;
  }
  return input;
}

function adminView(row: { slug: string; title: string; published: boolean; testsHash: string }, tests: number): ProblemAdminView {
  return { slug: row.slug, title: row.title, published: row.published, testsHash: row.testsHash, tests };
}

/** Problem management for admins: create, replace, publish/unpublish, delete, rejudge. */
export function problemAdminRoutes(prisma: PrismaClient, rejudge: RejudgeService): Router {
  // requireAdmin on each route, not router.use: this router shares /problems with the public one.
  const router = Router();

  router.post("/", requireAdmin, async (req, res) => {
    const input = checkedInput(req.body);
    const { fields, tests } = problemRowsOf(input);
    try {
      const row = await prisma.problem.create({ data: { slug: input.slug, ...fields, tests: { create: tests } } });
      res.status(201).location(`/api/problems/${row.slug}`).json(adminView(row, tests.length));
    } catch (err) {
      if (isPrismaCode(err, "P2002")) throw new ApiError("CONFLICT", `a problem "${input.slug}" exists; PUT replaces it`);
      throw err;
    }
  });

  router.put("/:slug", requireAdmin, async (req, res) => {
    const slug = slugOf(req.params.slug);
    const input = checkedInput(req.body);
    if (input.slug !== slug) throw new ApiError("VALIDATION", "slug: must equal the slug in the path");
    const { fields, tests } = problemRowsOf(input);
    const row = await prisma.$transaction(async (tx) => {
      const existing = await tx.problem.findUnique({ where: { slug }, select: { id: true } });
      if (!existing) throw notFound("problem");
      await tx.testCase.deleteMany({ where: { problemId: existing.id } });
      return tx.problem.update({ where: { id: existing.id }, data: { ...fields, tests: { create: tests } } });
    });
    res.json(adminView(row, tests.length));
  });

  for (const [action, published] of [["publish", true], ["unpublish", false]] as const) {
    router.post(`/:slug/${action}`, requireAdmin, async (req, res) => {
      const slug = slugOf(req.params.slug);
      try {
        const row = await prisma.problem.update({ where: { slug }, data: { published }, include: { _count: { select: { tests: true } } } });
        res.json(adminView(row, row._count.tests));
      } catch (err) {
        if (isPrismaCode(err, "P2025")) throw notFound("problem");
        throw err;
      }
    });
  }

  // Submissions are people's history: deleting a problem that has some takes an explicit ask.
  router.delete("/:slug", requireAdmin, async (req, res) => {
    const slug = slugOf(req.params.slug);
    const query = DeleteQuery.parse(req.query);
    await prisma.$transaction(async (tx) => {
      const problem = await tx.problem.findUnique({ where: { slug }, select: { id: true } });
      if (!problem) throw notFound("problem");
      const submissions = await tx.submission.count({ where: { problemId: problem.id, origin: "user" } });
      if (submissions > 0 && !query.withSubmissions) {
        throw new ApiError("CONFLICT", `the problem has ${submissions} submissions: unpublish it, or add ?withSubmissions=1`);
      }
      await tx.submission.deleteMany({ where: { problemId: problem.id } });
      await tx.problem.delete({ where: { id: problem.id } });
    });
    res.status(204).end();
  });

  router.post("/:slug/rejudge", requireAdmin, async (req, res) => {
    const body: RejudgeResponse = { rejudged: await rejudge.problem(slugOf(req.params.slug)) };
    res.status(202).json(body);
  });

  return router;
}
