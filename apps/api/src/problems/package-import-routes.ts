import express, { Router } from "express";
import { z } from "zod";
import type { PrismaClient } from "@judge/db";
import type { PackageImportResult, ProblemInput } from "@judge/protocol";
import { PackageError, filesFromZip, packageSubmissionsOf, parseFunctionFile, parseKattisPackage, statementFilesOf } from "@judge/problem-package";
import { saveProblem } from "@judge/problem-package/store";
import { requireAdmin } from "../auth/authenticate.ts";
import { ApiError } from "../http/api-error.ts";

/** A zipped package with its tests; the JSON admin routes allow 32 MiB, a zip compresses. */
const ZIP_BODY_LIMIT = "64mb";

const ImportQuery = z.object({
  /** default: the zip's single top directory */
  slug: z.string().optional(),
  publish: z.enum(["1", "true", "0", "false"]).optional(),
  /** 1: parse and report, store nothing */
  dryRun: z.enum(["1", "true", "0", "false"]).optional(),
});

const yes = (flag: string | undefined) => flag === "1" || flag === "true";

/**
 * `POST /api/problems/import` (admin): a Kattis problem package as a zip, body sent as is:
 *
 *   (cd packages && zip -r - my-problem) | curl -X POST --data-binary @- \
 *     -H 'Content-Type: application/zip' -H "Authorization: Bearer $TOKEN" \
 *     'http://localhost:3000/api/problems/import?publish=1'
 *
 * Creates the problem, or replaces it and all its tests when the slug exists: 201 or 200 with
 * the ProblemAdminView and `warnings`, every part of the package it did not take (ignored
 * problem.yaml keys and files, limits it cannot apply, LaTeX it does not know). A bad package is a 400 whose message names the problem and the file.
 * `?dryRun=1` stores nothing and answers 200 with what would be stored and the warnings: what
 * the import leaves out or could not use (unknown LaTeX commands, images it does not have).
 */
export function packageImportRoutes(prisma: PrismaClient): Router {
  const router = Router();
  router.post(
    "/import",
    requireAdmin,
    express.raw({ type: ["application/zip", "application/x-zip-compressed", "application/octet-stream"], limit: ZIP_BODY_LIMIT }),
    async (req, res) => {
      const query = ImportQuery.safeParse(req.query);
      if (!query.success) throw new ApiError("VALIDATION", "query: slug must be a string, publish and dryRun one of 1, true, 0, false");
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
        throw new ApiError("VALIDATION", "send the package as a zip body with Content-Type: application/zip");
      }
      try {
        const { files, topDir } = filesFromZip(req.body, query.data.slug ?? "upload");
        const slug = query.data.slug ?? topDir;
        if (slug === null) throw new ApiError("VALIDATION", "name the problem: ?slug=…, or zip its directory so the zip has one top folder");
        const warnings: string[] = [];
        const problem = parseKattisPackage(files, { slug, published: yes(query.data.publish), warn: (w) => warnings.push(w) });
        const statementFiles = [...statementFilesOf(files).values()];
        if (yes(query.data.dryRun)) {
          res.json(dryRunReport(problem, statementFiles.length, warnings));
          return;
        }
        const saved = await saveProblem(prisma, problem, statementFiles, packageSubmissionsOf(files));
        const result: PackageImportResult = { ...saved.view, warnings };
        res.status(saved.created ? 201 : 200).location(`/api/problems/${saved.view.slug}`).json(result);
      } catch (error) {
        if (error instanceof PackageError) throw new ApiError("VALIDATION", error.message, { file: error.file, problem: error.problem });
        throw error;
      }
    },
  );

  /**
   * `POST /api/problems/import-function` (admin): a function problem's one JSON file
   * (docs/function-problems.md, "Problem file"), sent as the body:
   *
   *   curl -X POST --data-binary @two-sum.json -H 'Content-Type: application/json' \
   *     -H "Authorization: Bearer $TOKEN" 'http://localhost:3000/api/problems/import-function?publish=1'
   *
   * Creates or replaces the problem by its slug: 201 or 200 with the ProblemAdminView. A test
   * that does not fit the signature is a 400 naming the problem, the test and the parameter.
   */
  router.post("/import-function", requireAdmin, async (req, res) => {
    const query = ImportQuery.safeParse(req.query);
    if (!query.success) throw new ApiError("VALIDATION", "query: slug must be a string, publish one of 1, true, 0, false");
    if (typeof req.body !== "object" || req.body === null) {
      throw new ApiError("VALIDATION", "send the problem file as a JSON body with Content-Type: application/json");
    }
    const publish = query.data.publish === undefined ? undefined : query.data.publish === "1" || query.data.publish === "true";
    const body = query.data.slug === undefined ? req.body : { ...req.body, slug: query.data.slug };
    try {
      const problem = parseFunctionFile(body, { ...(publish === undefined ? {} : { published: publish }) });
      const saved = await saveProblem(prisma, problem);
      res.status(saved.created ? 201 : 200).location(`/api/problems/${saved.view.slug}`).json(saved.view);
    } catch (error) {
      if (error instanceof PackageError) throw new ApiError("VALIDATION", error.message, { problem: error.problem });
      throw error;
    }
  });
  return router;
}

/** What an import would store, without the tests' contents, and what it would leave out. */
function dryRunReport(problem: ProblemInput, files: number, warnings: string[]) {
  return {
    dryRun: true,
    slug: problem.slug,
    title: problem.title,
    samples: problem.samples.length,
    tests: problem.tests.length,
    limits: problem.limits,
    ...(problem.timeCalibration === undefined ? {} : { timeCalibration: problem.timeCalibration }),
    checker: problem.checker.kind,
    statementLanguages: Object.keys(problem.statements ?? {}),
    files,
    // A grouped package: whether it is scored, and its groups (data/'s subdirectories that hold tests).
    ...(problem.scoring ? { scoring: { scored: problem.scoring.scored, groups: problem.scoring.groups.map((g) => g.path).filter((p) => p !== "") } } : {}),
    warnings,
  };
}
