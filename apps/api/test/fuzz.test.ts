import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import fc from "fast-check";
import { routeCatalog, type RouteSpec } from "../src/http/openapi.ts";
import { api, registerUser, startApiHarness, type ApiHarness } from "./support/api-harness.ts";

/** Header-safe text: printable ASCII (fetch refuses control characters itself). */
const headerText = fc.string({ unit: fc.constantFrom(..." !\"#$%&'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~".split("")), maxLength: 80 });
const pathSegment = fc.oneof(
  fc.constantFrom("a-plus-b", "x", "%", "%zz", "..", "%2F", "a".repeat(300), "0", "-", "null", "%00", "\u00e9"),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
);
const queryString = fc
  .array(fc.tuple(fc.constantFrom("cursor", "limit", "difficulty", "tag", "q", "problem", "mine", "withSubmissions", "x"), fc.oneof(fc.string({ maxLength: 30 }), fc.integer().map(String))), { maxLength: 4 })
  .map((pairs) => new URLSearchParams(pairs).toString());
const body = fc.oneof(
  fc.json().map((text) => ({ rawBody: text })),
  fc.string({ maxLength: 200 }).map((text) => ({ rawBody: text })),
  fc.record({ problem: fc.string(), language: fc.string(), code: fc.string(), input: fc.string() }, { requiredKeys: [] }).map((b) => ({ body: b as unknown })),
  fc.record({ username: fc.string(), password: fc.string() }, { requiredKeys: [] }).map((b) => ({ body: b as unknown })),
  fc.record({ slug: fc.string(), title: fc.string(), difficulty: fc.string(), limits: fc.anything(), tests: fc.anything(), samples: fc.anything() }, { requiredKeys: [] }).map((b) => ({ body: b as unknown })),
  fc.constant({}),
);
const who = fc.constantFrom("anonymous", "user", "admin", "garbage-bearer", "garbage-cookie");
const extraHeaders = fc.record(
  {
    "content-type": fc.constantFrom("application/json", "text/plain", "application/json; charset=latin1", "multipart/form-data", "application/x-www-form-urlencoded"),
    "idempotency-key": headerText,
    "x-request-id": headerText,
    "x-forwarded-for": headerText,
    accept: headerText,
  },
  { requiredKeys: [] },
);

describe("random and malformed requests at every route", () => {
  let h: ApiHarness;
  let tokens: { user: string; admin: string };
  beforeAll(async () => {
    h = await startApiHarness({ RATE_LIMIT_SUBMITS_PER_MINUTE: "100000", RATE_LIMIT_AUTH_PER_MINUTE: "100000" });
    await h.offerLanguages();
    tokens = { user: (await registerUser(h.base)).token, admin: await h.adminToken() };
  });
  afterAll(() => h?.close());

  const routeOf = (route: RouteSpec, segment: string) => route.path.replace(/\{\w+\}/g, segment);

  for (const route of routeCatalog) {
    test(`${route.method.toUpperCase()} ${route.path}: never a 500, never a crash`, async () => {
      await fc.assert(
        fc.asyncProperty(pathSegment, queryString, body, who, extraHeaders, async (segment, query, payload, caller, headers) => {
          const all: Record<string, string> = { ...headers };
          const token = caller === "user" ? tokens.user : caller === "admin" ? tokens.admin : undefined;
          if (caller === "garbage-bearer") all.authorization = "Bearer not.a.token";
          if (caller === "garbage-cookie") all.cookie = "judge_token=%E0%A4%A; other=1";
          const path = `${routeOf(route, segment)}${query ? `?${query}` : ""}`;
          const method = route.method.toUpperCase();
          const withBody = method === "POST" || method === "PUT";
          // Logout would revoke the shared tokens; fuzz it anonymously.
          const signedOutOnly = route.path === "/api/auth/logout";
          const res = await fetch(`${h.base}${path}`, {
            method,
            headers: { ...all, ...(token && !signedOutOnly ? { authorization: `Bearer ${token}` } : {}) },
            body: withBody ? ("rawBody" in payload ? payload.rawBody : JSON.stringify((payload as { body?: unknown }).body ?? {})) : undefined,
          });
          const text = await res.text();
          assert.ok(res.status < 500, `${method} ${path} as ${caller} -> ${res.status} ${text.slice(0, 300)}`);
          if (res.status >= 400) {
            assert.doesNotMatch(text, /\bat .*\.(ts|js):\d+/, "no stack trace in an error body");
            assert.match(res.headers.get("content-type") ?? "", /application\/json/);
          }
        }),
        { numRuns: 12 },
      );
    });
  }

  test("still healthy afterwards", async () => {
    assert.equal((await api(h.base, "/api/health")).status, 200);
  });
});
