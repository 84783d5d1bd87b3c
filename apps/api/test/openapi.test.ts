import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "vitest";
import type { Router } from "express";
import { createLogger } from "@judge/config";
import { createApp, type AppDeps } from "../src/app.ts";
import { ApiMetrics } from "../src/http/metrics.ts";
import { openApiDocument, routeCatalog } from "../src/http/openapi.ts";

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  rawPath?: unknown;
  handle: { stack?: Layer[] };
}

/** Every (method, path) the express app really routes, in OpenAPI form. */
function routesOf(stack: Layer[], prefix = ""): Set<string> {
  const found = new Set<string>();
  for (const layer of stack) {
    if (layer.route) {
      const path = `${prefix}${layer.route.path === "/" ? "" : layer.route.path}` || "/";
      for (const method of Object.keys(layer.route.methods)) found.add(`${method} ${path.replace(/:(\w+)/g, "{$1}")}`);
    } else if (layer.handle.stack && typeof layer.rawPath === "string") {
      const mount = layer.rawPath === "/" ? "" : layer.rawPath;
      for (const r of routesOf(layer.handle.stack, `${prefix}${mount}`)) found.add(r);
    }
  }
  return found;
}

test("the OpenAPI document lists exactly the /api routes the app serves", () => {
  // The router is built without connecting anything: no route handler runs here, so the
  // services are never touched; only what createApp itself calls is real.
  const deps = {
    metrics: new ApiMetrics(),
    logger: createLogger("openapi-test", "silent"),
    workerToken: randomUUID(),
    corsOrigins: [],
    trustProxy: [],
    rateLimits: { perIp: noop, perIpAuth: noop, perUserSubmit: noop },
    idempotency: { middleware: () => noop },
  } as unknown as AppDeps;
  const app = createApp(deps) as unknown as { router: Router & { stack: Layer[] } };
  const real = [...routesOf(app.router.stack)].filter((r) => r.split(" ")[1]!.startsWith("/api/")).sort();
  const documented = routeCatalog.map((r) => `${r.method} ${r.path}`).sort();
  assert.deepEqual(real, documented);

  const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
  assert.equal(doc.openapi, "3.1.0");
  const inDoc = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)).sort();
  assert.deepEqual(inDoc, documented);
  // Request bodies are the protocol's zod schemas, turned into JSON Schema.
  type BodySchema = { required: string[]; properties: Record<string, unknown> };
  const submit = doc.paths["/api/submissions"]!.post as unknown as { requestBody: { content: { "application/json": { schema: BodySchema } } } };
  const body = submit.requestBody.content["application/json"].schema;
  // `code` or `files` (one of them, checked by the schema's refinement).
  assert.deepEqual([...body.required].sort(), ["language", "problem"]);
  assert.deepEqual(Object.keys(body.properties).sort(), ["code", "files", "language", "problem"]);
});

function noop(_req: unknown, _res: unknown, next: () => void): void {
  next();
}
