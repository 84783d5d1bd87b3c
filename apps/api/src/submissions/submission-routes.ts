import { Router } from "express";
import { z } from "zod";
import { LanguageId, Slug, SubmissionCreate, Verdict, SubmissionId, type RejudgeResponse, type SubmissionAccepted } from "@judge/protocol";
import type { PrismaClient } from "@judge/db";
import { currentUser, requireAdmin } from "../auth/authenticate.ts";
import { notFound } from "../http/api-error.ts";
import type { RejudgeService } from "./rejudge-service.ts";
import type { SubmissionService } from "./submission-service.ts";
import { submissionViewInclude, toSubmissionView } from "./submission-view.ts";
import { viewFor, visibleSubmissions } from "./submission-visibility.ts";

const ListQuery = z.object({
  problem: Slug.optional(),
  verdict: Verdict.optional(),
  language: LanguageId.optional(),
  mine: z.enum(["1", "true", "0", "false"]).optional(),
  cursor: SubmissionId.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export function submissionRoutes(prisma: PrismaClient, service: SubmissionService, rejudge: RejudgeService): Router {
  const router = Router();

  router.post("/", async (req, res) => {
    const user = currentUser(req);
    const view = await service.create(user, SubmissionCreate.parse(req.body));
    const body: SubmissionAccepted = { id: view.id, status: "queued" };
    res.status(202).location(`/api/submissions/${view.id}`).json(body);
  });

  router.get("/:id", async (req, res) => {
    const id = SubmissionId.safeParse(req.params.id);
    if (!id.success) throw notFound("submission");
    res.json(await service.get(id.data, req.user));
  });

  router.post("/:id/rejudge", requireAdmin, async (req, res) => {
    const id = SubmissionId.safeParse(req.params.id);
    if (!id.success) throw notFound("submission");
    const body: RejudgeResponse = { rejudged: await rejudge.submission(id.data) };
    res.status(202).json(body);
  });

  // Verdicts are public; code never leaves through this list, compiler output only to its owner.
  router.get("/", async (req, res) => {
    const query = ListQuery.parse(req.query);
    const mine = query.mine === "1" || query.mine === "true";
    const userId = mine ? currentUser(req).sub : undefined;
    const rows = await prisma.submission.findMany({
      where: {
        AND: [
          // People's submissions: a verification's are read in its report.
          { origin: "user" },
          userId ? { userId } : {},
          query.problem ? { problem: { slug: query.problem } } : {},
          query.verdict ? { verdict: query.verdict } : {},
          query.language ? { language: query.language } : {},
          visibleSubmissions(req.user),
        ],
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: query.limit + 1,
      ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
      include: submissionViewInclude,
    });
    const page = rows.slice(0, query.limit);
    res.json({
      items: page.map((row) => viewFor(toSubmissionView(row), req.user, row.userId)),
      nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
    });
  });

  return router;
}
