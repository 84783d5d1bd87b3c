import { z } from "zod";
import { FunctionProblemFile } from "@judge/problem-package";
import {
  VerificationReport,
  AuthResponse,
  Distribution,
  DistributionSample,
  UserProfile,
  Credentials,
  EditorSettings,
  EditorSettingsResponse,
  ErrorBody,
  LanguageInfo,
  MeResponse,
  PackageImportResult,
  ProblemAdminView,
  ProblemDetail,
  ProblemInput,
  ProblemPage,
  RejudgeResponse,
  RunCreate,
  SubmissionAccepted,
  SubmissionCreate,
  SubmissionPage,
  SubmissionView,
} from "@judge/protocol";

type Method = "get" | "post" | "put" | "delete";
/** Who may call a route: the authorization matrix's expectation, too. */
export type Access = "public" | "user" | "admin" | "worker";

export interface RouteSpec {
  method: Method;
  /** OpenAPI form: `/api/problems/{slug}`. */
  path: string;
  summary: string;
  access: Access;
  body?: z.ZodType;
  /** Status and schema of the success response; `null`: no body. */
  ok: [number, z.ZodType | null];
  query?: Record<string, string>;
  /** Sends `Idempotency-Key`. */
  idempotent?: boolean;
}

const Health = z.object({ ok: z.boolean(), redis: z.boolean(), database: z.boolean() });
const Anything = z.unknown();

/**
 * Every route the API serves, in one table: the OpenAPI document is generated from it and the
 * zod schemas, and test/openapi.test.ts checks it against the express router's real routes,
 * so the document cannot drift from the code.
 */
export const routeCatalog: RouteSpec[] = [
  { method: "get", path: "/api/health", summary: "Liveness and readiness", access: "public", ok: [200, Health] },
  { method: "get", path: "/api/openapi.json", summary: "This document", access: "public", ok: [200, Anything] },
  { method: "post", path: "/api/auth/register", summary: "Create an account", access: "public", body: Credentials, ok: [201, AuthResponse] },
  { method: "post", path: "/api/auth/login", summary: "Sign in", access: "public", body: Credentials, ok: [200, AuthResponse] },
  { method: "post", path: "/api/auth/logout", summary: "Sign out: revokes the token and clears the cookie", access: "public", ok: [204, null] },
  { method: "get", path: "/api/me", summary: "The signed-in user", access: "user", ok: [200, MeResponse] },
  { method: "get", path: "/api/me/editor-settings", summary: "The signed-in user's editor settings (null until saved)", access: "user", ok: [200, EditorSettingsResponse] },
  { method: "put", path: "/api/me/editor-settings", summary: "Save the signed-in user's editor settings", access: "user", body: EditorSettings, ok: [200, EditorSettingsResponse] },
  { method: "get", path: "/api/languages", summary: "Languages the judge fleet offers now", access: "public", ok: [200, z.array(LanguageInfo)] },
  {
    method: "get",
    path: "/api/problems",
    summary: "Published problems",
    access: "public",
    query: { cursor: "string", limit: "integer", difficulty: "string", tag: "string", q: "string", status: "string", sort: "string" },
    ok: [200, ProblemPage],
  },
  { method: "get", path: "/api/problems/{slug}", summary: "A problem's statement, samples, limits, languages", access: "public", ok: [200, ProblemDetail] },
  { method: "get", path: "/api/problems/{slug}/files/{name}", summary: "An image or attachment of the statement (the file's own content type)", access: "public", ok: [200, null] },
  {
    method: "get",
    path: "/api/problems/{slug}/distribution",
    summary: "Accepted submissions in a language, counted per runtime (ms) and per memory (KiB) bucket",
    access: "public",
    query: { language: "string" },
    ok: [200, Distribution],
  },
  {
    method: "get",
    path: "/api/problems/{slug}/distribution/sample",
    summary: "An accepted submission's code from one bucket [from, to): for those who solved the problem (403 otherwise)",
    access: "user",
    query: { language: "string", metric: "string", from: "integer", to: "integer" },
    ok: [200, DistributionSample],
  },
  { method: "get", path: "/api/users/{username}/profile", summary: "A user's solved counts by difficulty and submissions per day over the last year", access: "public", ok: [200, UserProfile] },
  { method: "post", path: "/api/problems", summary: "Create a problem with its tests", access: "admin", body: ProblemInput, ok: [201, ProblemAdminView] },
  {
    method: "post",
    path: "/api/problems/import",
    summary:
      "Import a Kattis problem package; body: the package as application/zip. The answer's warnings list every part of the package not taken; dryRun=1 stores nothing and answers 200 with what would be stored",
    access: "admin",
    query: { slug: "string", publish: "string", dryRun: "string" },
    ok: [201, PackageImportResult],
  },
  { method: "post", path: "/api/problems/import-function", summary: "Import a function problem's one JSON file (docs/function-problems.md, format judge/function-problem@1)", access: "admin", body: FunctionProblemFile, query: { slug: "string", publish: "string" }, ok: [201, ProblemAdminView] },
  { method: "put", path: "/api/problems/{slug}", summary: "Replace a problem and its tests", access: "admin", body: ProblemInput, ok: [200, ProblemAdminView] },
  { method: "delete", path: "/api/problems/{slug}", summary: "Delete a problem", access: "admin", query: { withSubmissions: "string" }, ok: [204, null] },
  { method: "post", path: "/api/problems/{slug}/publish", summary: "Publish", access: "admin", ok: [200, ProblemAdminView] },
  { method: "post", path: "/api/problems/{slug}/unpublish", summary: "Unpublish", access: "admin", ok: [200, ProblemAdminView] },
  { method: "post", path: "/api/problems/{slug}/rejudge", summary: "Rejudge all of a problem's submissions", access: "admin", ok: [202, RejudgeResponse] },
  { method: "post", path: "/api/problems/{slug}/verify", summary: "Judge the package's own submissions (submissions/<expected>/), calibrating the time limit when the package has none", access: "admin", ok: [202, VerificationReport] },
  { method: "get", path: "/api/problems/{slug}/verification", summary: "The latest verification: each package submission's verdict against its folder's, and the time limit", access: "admin", ok: [200, VerificationReport] },
  {
    method: "post",
    path: "/api/submissions",
    summary: "Submit code for judging",
    access: "user",
    body: SubmissionCreate,
    idempotent: true,
    ok: [202, SubmissionAccepted],
  },
  {
    method: "get",
    path: "/api/submissions",
    summary: "Submissions, newest first (code never included)",
    access: "public",
    query: { problem: "string", verdict: "string", language: "string", mine: "string", cursor: "string", limit: "integer" },
    ok: [200, SubmissionPage],
  },
  { method: "get", path: "/api/submissions/{id}", summary: "A submission; code for its owner and admins only", access: "public", ok: [200, SubmissionView] },
  { method: "post", path: "/api/submissions/{id}/rejudge", summary: "Rejudge one submission", access: "admin", ok: [202, RejudgeResponse] },
  { method: "post", path: "/api/runs", summary: "Run code on custom input", access: "user", body: RunCreate, idempotent: true, ok: [202, SubmissionAccepted] },
  { method: "get", path: "/api/runs/{id}", summary: "A run of yours", access: "user", ok: [200, SubmissionView] },
];

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  // Input shapes: what a client sends or receives as JSON, before any transform.
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

function content(schema: z.ZodType) {
  return { "application/json": { schema: jsonSchema(schema) } };
}

const errorResponse = (description: string) => ({ description, content: content(ErrorBody) });

function operation(route: RouteSpec) {
  const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
  const queryParams = Object.entries(route.query ?? {}).map(([name, type]) => ({ name, in: "query", required: false, schema: { type } }));
  const headers = route.idempotent
    ? [{ name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 200 } }]
    : [];
  const [status, ok] = route.ok;
  const responses: Record<string, unknown> = {
    [String(status)]: ok ? { description: "OK", content: content(ok) } : { description: "OK, no body" },
    "400": errorResponse("Invalid request"),
    "429": errorResponse("Rate limited; see Retry-After"),
    "500": errorResponse("Internal error"),
    "503": errorResponse("A dependency is unavailable or the judge is busy; see Retry-After"),
  };
  if (route.access !== "public") responses["401"] = errorResponse("Sign in first");
  if (route.access === "admin") responses["403"] = errorResponse("Admins only");
  if (pathParams.length > 0) responses["404"] = errorResponse("Not found");
  return {
    summary: route.summary,
    ...(route.access === "public" ? {} : { security: [{ bearer: [] }, { cookie: [] }] }),
    "x-access": route.access,
    parameters: [...pathParams, ...queryParams, ...headers],
    ...(route.body ? { requestBody: { required: true, content: content(route.body) } } : {}),
    responses,
  };
}

/** OpenAPI 3.1 (its schemas are JSON Schema 2020-12, what z.toJSONSchema writes). */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeCatalog) {
    paths[route.path] = { ...paths[route.path], [route.method]: operation(route) };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Judge API", version: "1" },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
        cookie: { type: "apiKey", in: "cookie", name: "judge_token" },
      },
    },
    paths,
  };
}
