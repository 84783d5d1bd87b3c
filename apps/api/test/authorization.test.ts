import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, test } from "vitest";
import { routeCatalog } from "../src/http/openapi.ts";
import { api, registerUser, startApiHarness, type ApiHarness } from "./support/api-harness.ts";

type Who = "anonymous" | "other" | "admin";

const problemBody = (slug: string) => ({
  slug,
  title: `Echo ${slug}`,
  difficulty: "easy",
  statement: "Print the input.",
  limits: { timeMs: 1000, memoryKb: 65536 },
  samples: [{ input: "1\n", output: "1\n" }],
  tests: [{ input: "2\n", output: "2\n" }],
  published: true,
});

describe("authorization on every route", () => {
  let h: ApiHarness;
  let owner: { token: string; id: string };
  let tokens: Record<Who, string | undefined>;
  let submissionId: string;
  let runId: string;

  beforeAll(async () => {
    h = await startApiHarness();
    await h.offerLanguages();
    owner = await registerUser(h.base);
    const other = await registerUser(h.base);
    tokens = { anonymous: undefined, other: other.token, admin: await h.adminToken() };
    const sub = await api<{ id: string }>(h.base, "/api/submissions", {
      token: owner.token,
      body: { problem: "a-plus-b", language: "python", code: "print(sum(map(int, input().split())))" },
    });
    assert.equal(sub.status, 202, JSON.stringify(sub.body));
    submissionId = sub.body.id;
    const run = await api<{ id: string }>(h.base, "/api/runs", {
      token: owner.token,
      body: { language: "python", code: "print(input())", input: "hi\n" },
    });
    assert.equal(run.status, 202, JSON.stringify(run.body));
    runId = run.body.id;
  });
  afterAll(() => h?.close());

  /** One request per route and caller; each gets fresh data where the route changes state. */
  const cases: Record<string, { call: (who: Who) => Promise<{ method?: string; path: string; body?: unknown; token?: string }>; expect: Record<Who, number> }> = {
    "get /api/health": { call: async () => ({ path: "/api/health" }), expect: { anonymous: 200, other: 200, admin: 200 } },
    "get /api/openapi.json": { call: async () => ({ path: "/api/openapi.json" }), expect: { anonymous: 200, other: 200, admin: 200 } },
    "post /api/auth/register": {
      call: async () => ({ path: "/api/auth/register", body: { username: `r${randomUUID().slice(0, 8)}`, password: "long enough pw" } }),
      expect: { anonymous: 201, other: 201, admin: 201 },
    },
    "post /api/auth/login": {
      call: async () => ({ path: "/api/auth/login", body: { username: "root-admin", password: "wrong password" } }),
      expect: { anonymous: 401, other: 401, admin: 401 },
    },
    "post /api/auth/logout": {
      // Each caller signs out a token of its own (so the matrix's tokens stay valid).
      call: async (who) => ({
        method: "POST",
        path: "/api/auth/logout",
        token: who === "anonymous" ? undefined : who === "admin" ? await freshAdminToken() : (await registerUser(h.base)).token,
      }),
      expect: { anonymous: 204, other: 204, admin: 204 },
    },
    "get /api/me": { call: async () => ({ path: "/api/me" }), expect: { anonymous: 401, other: 200, admin: 200 } },
    "get /api/me/editor-settings": { call: async () => ({ path: "/api/me/editor-settings" }), expect: { anonymous: 401, other: 200, admin: 200 } },
    "put /api/me/editor-settings": {
      call: async () => ({ method: "PUT", path: "/api/me/editor-settings", body: { fontSize: 16, tabSize: 2, keyBindings: "vim" } }),
      expect: { anonymous: 401, other: 200, admin: 200 },
    },
    "get /api/languages": { call: async () => ({ path: "/api/languages" }), expect: { anonymous: 200, other: 200, admin: 200 } },
    "get /api/problems": { call: async () => ({ path: "/api/problems" }), expect: { anonymous: 200, other: 200, admin: 200 } },
    "get /api/problems/{slug}": { call: async () => ({ path: "/api/problems/a-plus-b" }), expect: { anonymous: 200, other: 200, admin: 200 } },
    // Public like the statement that links them; a file the problem does not have is a 404 for everyone.
    "get /api/problems/{slug}/files/{name}": {
      call: async () => ({ path: "/api/problems/a-plus-b/files/missing.png" }),
      expect: { anonymous: 404, other: 404, admin: 404 },
    },
    "get /api/problems/{slug}/distribution": {
      call: async () => ({ path: "/api/problems/a-plus-b/distribution?language=python" }),
      expect: { anonymous: 200, other: 200, admin: 200 },
    },
    // Code: for those who solved the problem (nobody here has) and admins, who find no accepted one.
    "get /api/problems/{slug}/distribution/sample": {
      call: async () => ({ path: "/api/problems/a-plus-b/distribution/sample?language=python&metric=runtime&from=0&to=100" }),
      expect: { anonymous: 401, other: 403, admin: 404 },
    },
    "get /api/users/{username}/profile": { call: async () => ({ path: "/api/users/root-admin/profile" }), expect: { anonymous: 200, other: 200, admin: 200 } },
    "post /api/problems": { call: async () => ({ path: "/api/problems", body: problemBody(slug()) }), expect: { anonymous: 401, other: 403, admin: 201 } },
    "put /api/problems/{slug}": {
      call: async () => {
        const s = await adminProblem();
        return { method: "PUT", path: `/api/problems/${s}`, body: { ...problemBody(s), title: "Renamed" } };
      },
      expect: { anonymous: 401, other: 403, admin: 200 },
    },
    "delete /api/problems/{slug}": { call: async () => ({ method: "DELETE", path: `/api/problems/${await adminProblem()}` }), expect: { anonymous: 401, other: 403, admin: 204 } },
    // A zip body is tested in package-import.test.ts; a JSON body gets past authorization to a 400.
    "post /api/problems/import": { call: async () => ({ path: "/api/problems/import", body: {} }), expect: { anonymous: 401, other: 403, admin: 400 } },
    // An empty file gets past authorization to a 400; real files are in function-problems.test.ts.
    "post /api/problems/import-function": { call: async () => ({ path: "/api/problems/import-function", body: {} }), expect: { anonymous: 401, other: 403, admin: 400 } },
    "post /api/problems/{slug}/publish": { call: async () => ({ method: "POST", path: `/api/problems/${await adminProblem()}/publish` }), expect: { anonymous: 401, other: 403, admin: 200 } },
    "post /api/problems/{slug}/unpublish": { call: async () => ({ method: "POST", path: `/api/problems/${await adminProblem()}/unpublish` }), expect: { anonymous: 401, other: 403, admin: 200 } },
    "post /api/problems/{slug}/rejudge": { call: async () => ({ method: "POST", path: `/api/problems/${await adminProblem()}/rejudge` }), expect: { anonymous: 401, other: 403, admin: 202 } },
    // A problem made through the admin API has no package submissions: the admin gets past the check to a 409.
    "post /api/problems/{slug}/verify": { call: async () => ({ method: "POST", path: `/api/problems/${await adminProblem()}/verify` }), expect: { anonymous: 401, other: 403, admin: 409 } },
    "get /api/problems/{slug}/verification": { call: async () => ({ path: `/api/problems/${await adminProblem()}/verification` }), expect: { anonymous: 401, other: 403, admin: 200 } },
    "post /api/submissions": {
      call: async () => ({ path: "/api/submissions", body: { problem: "a-plus-b", language: "python", code: "print(1)" } }),
      expect: { anonymous: 401, other: 202, admin: 202 },
    },
    "get /api/submissions": { call: async () => ({ path: "/api/submissions" }), expect: { anonymous: 200, other: 200, admin: 200 } },
    "get /api/submissions/{id}": { call: async () => ({ path: `/api/submissions/${submissionId}` }), expect: { anonymous: 200, other: 200, admin: 200 } },
    "post /api/submissions/{id}/rejudge": { call: async () => ({ method: "POST", path: `/api/submissions/${submissionId}/rejudge` }), expect: { anonymous: 401, other: 403, admin: 202 } },
    "post /api/runs": { call: async () => ({ path: "/api/runs", body: { language: "python", code: "print(1)", input: "" } }), expect: { anonymous: 401, other: 202, admin: 202 } },
    // Another user's run does not exist for them.
    "get /api/runs/{id}": { call: async () => ({ path: `/api/runs/${runId}` }), expect: { anonymous: 401, other: 404, admin: 200 } },
  };

  const slug = () => `p-${randomUUID().slice(0, 8)}`;
  async function adminProblem(): Promise<string> {
    const s = slug();
    const res = await api(h.base, "/api/problems", { token: await h.adminToken(), body: problemBody(s) });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return s;
  }
  async function freshAdminToken(): Promise<string> {
    const res = await api<{ token: string }>(h.base, "/api/auth/login", { body: { username: "root-admin", password: "admin-password-1" } });
    return res.body.token;
  }

  test("the matrix names every route the API documents", () => {
    assert.deepEqual(Object.keys(cases).sort(), routeCatalog.map((r) => `${r.method} ${r.path}`).sort());
  });

  for (const [route, { call, expect }] of Object.entries(cases)) {
    test(route, async () => {
      for (const who of ["anonymous", "other", "admin"] as const) {
        const { method, path, body, token } = await call(who);
        const res = await api(h.base, path, { method, body, token: token ?? tokens[who] });
        assert.equal(res.status, expect[who], `${who}: ${route} -> ${res.status} ${JSON.stringify(res.body)}`);
      }
    });
  }

  test("others read a verdict but never the code; the owner and admins get the code", async () => {
    const read = (token: string | undefined) => api<{ code?: string; verdict: unknown }>(h.base, `/api/submissions/${submissionId}`, { token });
    const [anonymous, other, admin, mine] = await Promise.all([read(undefined), read(tokens.other), read(tokens.admin), read(owner.token)]);
    assert.equal(anonymous.body.code, undefined);
    assert.equal(other.body.code, undefined);
    assert.ok(admin.body.code?.includes("print"));
    assert.ok(mine.body.code?.includes("print"));
    const list = await api<{ items: { code?: string }[] }>(h.base, "/api/submissions", { token: tokens.admin });
    assert.ok(list.body.items.length > 0 && list.body.items.every((s) => s.code === undefined));
  });

  test("unpublished problems are hidden from users, visible to admins", async () => {
    const s = await adminProblem();
    await api(h.base, `/api/problems/${s}/unpublish`, { method: "POST", token: tokens.admin });
    assert.equal((await api(h.base, `/api/problems/${s}`, { token: tokens.other })).status, 404);
    assert.equal((await api(h.base, `/api/problems/${s}`, { token: tokens.admin })).status, 200);
    const submit = await api(h.base, "/api/submissions", { token: tokens.other, body: { problem: s, language: "python", code: "x" } });
    assert.equal(submit.status, 404);
  });

  test("logout revokes the token on the API, for bearer and cookie alike", async () => {
    const name = `out${randomUUID().slice(0, 8)}`;
    const user = await registerUser(h.base, name);
    assert.equal((await api(h.base, "/api/me", { token: user.token })).status, 200);
    const out = await api(h.base, "/api/auth/logout", { method: "POST", token: user.token });
    assert.equal(out.status, 204);
    assert.match(out.headers.get("set-cookie") ?? "", /judge_token=;/);
    const me = await api<{ error: { code: string } }>(h.base, "/api/me", { token: user.token });
    assert.equal(me.status, 401);
    assert.equal(me.body.error.code, "UNAUTHORIZED");
    // The same token as a cookie is ignored (signed out), not honoured.
    const cookie = await api(h.base, "/api/me", { headers: { cookie: `judge_token=${user.token}` } });
    assert.equal(cookie.status, 401);
    // The denylist entry lives no longer than the token would.
    const keys = await h.redis.keys(`${h.prefix}:revoked-jti:*`);
    assert.ok(keys.length >= 1);
    const ttl = await h.redis.ttl(keys[0]!);
    assert.ok(ttl > 0 && ttl <= 7 * 24 * 3600, `ttl ${ttl}`);
    // Signing in again gives a new token that works: only the revoked one is refused.
    const again = await api<{ token: string }>(h.base, "/api/auth/login", { body: { username: name, password: "correct horse battery" } });
    assert.equal(again.status, 200);
    assert.equal((await api(h.base, "/api/me", { token: again.body.token })).status, 200);
  });
});
