import { z } from "zod";
import { LanguageId } from "./languages.ts";
import { MAX_CODE_BYTES, MAX_RUN_INPUT_BYTES, utf8Length } from "./job.ts";
import { programFilesSchema } from "./program-files.ts";
import { Attribution, CheckerSpec, Difficulty, FailureDetails, Limits, Sample, Slug, Statements, TimeCalibration } from "./problem.ts";
import { Scoring } from "./scoring.ts";
import { ProblemKind, ReferenceSolution, ResultComparison, Signature } from "./signature.ts";

export const ErrorCode = z.enum([
  "VALIDATION",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "PAYLOAD_TOO_LARGE",
  "UNAVAILABLE",
  "INTERNAL",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export const ErrorBody = z.object({
  error: z.object({ code: ErrorCode, message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Role = z.enum(["user", "admin"]);
export type Role = z.infer<typeof Role>;

export const User = z.object({ id: z.string(), username: z.string(), role: Role });
export type User = z.infer<typeof User>;

export const Credentials = z.object({
  username: z
    .string()
    .min(3)
    .max(32)
    .regex(/^[A-Za-z0-9_.-]+$/, "letters, digits, '_', '.', '-'"),
  password: z.string().min(8).max(200),
});
export type Credentials = z.infer<typeof Credentials>;

/** `GET /api/me` */
export const MeResponse = z.object({ user: User });
export type MeResponse = z.infer<typeof MeResponse>;

export const AuthResponse = z.object({ user: User, token: z.string() });
export type AuthResponse = z.infer<typeof AuthResponse>;

/**
 * `POST /api/submissions`: the program as one `code` string (its language's single source
 * file), or as `files` (several, Kattis-style: docs/problem-packages.md), never both.
 */
export const SubmissionCreate = z
  .object({
    problem: Slug,
    language: LanguageId,
    code: z
      .string()
      .min(1, "code is empty")
      .refine((c) => utf8Length(c) <= MAX_CODE_BYTES, `code is over ${MAX_CODE_BYTES} bytes`)
      .optional(),
    files: programFilesSchema(MAX_CODE_BYTES, utf8Length).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.code !== undefined && body.files !== undefined) {
      ctx.addIssue({ code: "custom", path: ["files"], message: "send either code or files, not both" });
    } else if (body.code === undefined && body.files === undefined) {
      ctx.addIssue({ code: "custom", path: ["code"], message: "code or files is required" });
    }
  });
export type SubmissionCreate = z.infer<typeof SubmissionCreate>;

/** `POST /api/runs`: the Run button. With `problem`, its limits apply; else defaults. */
export const RunCreate = z.object({
  problem: Slug.optional(),
  language: LanguageId,
  code: z
    .string()
    .min(1, "code is empty")
    .refine((c) => utf8Length(c) <= MAX_CODE_BYTES, `code is over ${MAX_CODE_BYTES} bytes`),
  input: z.string().refine((c) => utf8Length(c) <= MAX_RUN_INPUT_BYTES, `input is over ${MAX_RUN_INPUT_BYTES} bytes`),
});
export type RunCreate = z.infer<typeof RunCreate>;

export const SubmissionAccepted = z.object({ id: z.string(), status: z.literal("queued") });
export type SubmissionAccepted = z.infer<typeof SubmissionAccepted>;

/** Claims of a user token, signed by the API and verified by the notifier. */
export const TokenClaims = z.object({ sub: z.string(), name: z.string(), role: Role });
export type TokenClaims = z.infer<typeof TokenClaims>;

/**
 * A verified token's claims: the user's, plus the token's own id (`jti`, what sign-out
 * revokes, for the API and the notifier alike) and its expiry (seconds since the epoch).
 */
export const VerifiedClaims = TokenClaims.extend({ jti: z.string().min(1).max(128), exp: z.number().int() });
export type VerifiedClaims = z.infer<typeof VerifiedClaims>;

/** The browser's cookie, set next to the bearer token. */
export const TOKEN_COOKIE = "judge_token";

/** `POST /api/problems` and `PUT /api/problems/:slug` (admin): a problem with all its tests. */
export const ProblemInput = z.object({
  slug: Slug,
  title: z.string().min(1).max(200),
  difficulty: Difficulty,
  tags: z.array(z.string().min(1).max(40)).max(20).default([]),
  /** Markdown. */
  statement: z.string().max(200_000),
  /** Every language's statement (e.g. "en", "sv", "pt-BR") as Markdown, `statement`'s included. */
  statements: Statements.optional(),
  /** Who wrote it, where from, under what license: cc-by-sa needs it shown. */
  attribution: Attribution.optional(),
  limits: Limits,
  /** Set when a package fixes no time limit: `limits.timeMs` is then provisional. */
  timeCalibration: TimeCalibration.optional(),
  checker: CheckerSpec.default({ kind: "tokens" }),
  /** Shown with the statement and judged first. */
  samples: z.array(Sample).max(50).default([]),
  /** Hidden tests, judged after the samples. */
  tests: z.array(Sample).min(1).max(1000),
  published: z.boolean().default(false),
  /** How much of a failing test its submitter sees; unset: `defaultFailureDetails(kind)`. */
  failureDetails: FailureDetails.optional(),
  /**
   * `function`: tests are LeetCode's (input: one JSON value per parameter line, output: one
   * JSON value), checked against `signature` by the API; `references` give Run's expected.
   */
  kind: ProblemKind.default("stdin"),
  signature: Signature.optional(),
  comparison: ResultComparison.optional(),
  references: z.array(ReferenceSolution).max(8).optional(),
  /** Test groups and scoring (a Kattis package's data/ tree): one group per sample and test, in that order. */
  scoring: Scoring.optional(),
}).superRefine((p, ctx) => {
  if (p.scoring !== undefined && p.scoring.tests.length !== p.samples.length + p.tests.length) {
    ctx.addIssue({ code: "custom", path: ["scoring", "tests"], message: "needs one group per sample and test" });
  }
  if (p.kind === "stdin") {
    for (const key of ["signature", "comparison", "references"] as const) {
      if (p[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], message: "only a function problem has one" });
    }
    return;
  }
  if (p.scoring !== undefined) ctx.addIssue({ code: "custom", path: ["scoring"], message: "a function problem has no test groups" });
  if (p.signature === undefined) ctx.addIssue({ code: "custom", path: ["signature"], message: "a function problem needs its signature" });
  if (p.references === undefined || p.references.length === 0) {
    ctx.addIssue({ code: "custom", path: ["references"], message: "a function problem needs a reference solution (Run's expected output)" });
  }
});
export type ProblemInput = z.infer<typeof ProblemInput>;

/** What an admin reads back after a write (no test data: that can be large). */
export const ProblemAdminView = z.object({
  slug: Slug,
  title: z.string(),
  published: z.boolean(),
  testsHash: z.string(),
  tests: z.number().int().min(0),
});
export type ProblemAdminView = z.infer<typeof ProblemAdminView>;

/** `POST /api/problems/import`: what was stored, and every part of the package it did not take. */
export const PackageImportResult = ProblemAdminView.extend({ warnings: z.array(z.string()) });
export type PackageImportResult = z.infer<typeof PackageImportResult>;

/** `POST /api/problems/:slug/rejudge`, `POST /api/submissions/:id/rejudge` (admin). */
export const RejudgeResponse = z.object({ rejudged: z.number().int().min(0) });
export type RejudgeResponse = z.infer<typeof RejudgeResponse>;
