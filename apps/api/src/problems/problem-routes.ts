import { Router } from "express";
import { z } from "zod";
import {
  Attribution,
  CheckerSpec,
  Difficulty,
  Limits,
  ProblemSort,
  ProblemStatus,
  Signature,
  Slug,
  Statements,
  languageDisplay,
  type ProblemDetail,
  type ProblemPage,
} from "@judge/protocol";
import { type PrismaClient, limitsOfRow } from "@judge/db";
import type { FleetRegistry } from "@judge/live-state";
import { ApiError, notFound, unauthorized } from "../http/api-error.ts";
import { functionLanguageOffer } from "./function-languages.ts";
import { orderedProblems } from "./problem-order.ts";
import { summariesOf } from "./problem-stats.ts";

const ListQuery = z.object({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  difficulty: Difficulty.optional(),
  tag: z.string().max(64).optional(),
  q: z.string().max(100).optional(),
  status: ProblemStatus.optional(),
  sort: ProblemSort.optional(),
});

export function problemRoutes(prisma: PrismaClient, fleet: FleetRegistry): Router {
  const router = Router();

  router.get("/", async (req, res) => {
    const query = ListQuery.parse(req.query);
    if (query.status && !req.user) throw unauthorized();
    if (query.status || query.sort) {
      // A computed order pages by offset: its cursor is the number of rows already shown.
      const offset = query.cursor === undefined ? 0 : Number(query.cursor);
      if (!Number.isSafeInteger(offset) || offset < 0) throw new ApiError("VALIDATION", "cursor: not one this list gave");
      const rows = await orderedProblems(prisma, { ...query, offset, limit: query.limit + 1 }, req.user?.sub);
      const page = rows.slice(0, query.limit);
      const items = await summariesOf(prisma, page, req.user?.sub);
      const body: ProblemPage = { items, nextCursor: rows.length > query.limit ? String(offset + query.limit) : null };
      res.json(body);
      return;
    }
    const rows = await prisma.problem.findMany({
      where: {
        published: true,
        ...(query.difficulty ? { difficulty: query.difficulty } : {}),
        ...(query.tag ? { tags: { has: query.tag } } : {}),
        ...(query.q ? { title: { contains: query.q, mode: "insensitive" as const } } : {}),
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: query.limit + 1,
      ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
      select: { id: true, slug: true, title: true, difficulty: true, tags: true },
    });
    const page = rows.slice(0, query.limit);
    const items = await summariesOf(prisma, page, req.user?.sub);
    const body: ProblemPage = { items, nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null };
    res.json(body);
  });

  router.get("/:slug", async (req, res) => {
    const slug = Slug.safeParse(req.params.slug);
    if (!slug.success) throw notFound("problem");
    const problem = await prisma.problem.findUnique({
      where: { slug: slug.data },
      include: { tests: { where: { sample: true }, orderBy: { index: "asc" } } },
    });
    // Admins preview unpublished problems; to everyone else they do not exist.
    if (!problem || (!problem.published && req.user?.role !== "admin")) throw notFound("problem");
    const [[summary], languages] = await Promise.all([summariesOf(prisma, [problem], req.user?.sub), fleet.languages()]);
    const body: ProblemDetail = {
      ...summary!,
      statement: problem.statement,
      ...(problem.statements === null ? {} : { statements: Statements.parse(problem.statements) }),
      ...(problem.attribution === null ? {} : { attribution: Attribution.parse(problem.attribution) }),
      // A function problem's samples are its examples: the parameter lines, the expected JSON.
      samples: problem.tests.map((t) => ({ input: t.input, output: t.output })),
      limits: Limits.parse(limitsOfRow(problem)),
      languages: languages.map((l) => ({ ...l, starter: languageDisplay[l.id].starter })),
      ...(CheckerSpec.safeParse(problem.checker).data?.kind === "interactor" ? { interactive: true as const } : {}),
    };
    if (problem.kind === "function") {
      const signature = Signature.parse(problem.signature);
      Object.assign(body, { kind: "function", signature }, functionLanguageOffer(signature, languages));
    }
    res.json(body);
  });

  /**
   * `GET /api/problems/:slug/files/:name`: an image or attachment of the statement, visible
   * when the problem is. Served so that no file can run script in the site's origin.
   */
  router.get("/:slug/files/:name", async (req, res) => {
    const slug = Slug.safeParse(req.params.slug);
    if (!slug.success) throw notFound("problem");
    const problem = await prisma.problem.findUnique({ where: { slug: slug.data }, select: { id: true, published: true } });
    if (!problem || (!problem.published && req.user?.role !== "admin")) throw notFound("problem");
    const file = await prisma.problemFile.findUnique({ where: { problemId_name: { problemId: problem.id, name: req.params.name } } });
    if (!file) throw notFound("file");
    res
      .type(file.contentType)
      .set("X-Content-Type-Options", "nosniff")
      .set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
      .set("Cache-Control", "public, max-age=300");
    if (file.attachment || file.contentType === "application/octet-stream") res.attachment(file.name);
    res.send(Buffer.from(file.content));
  });

  return router;
}
