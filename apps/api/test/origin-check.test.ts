import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { api, registerUser, startApiHarness, type ApiHarness } from "./support/api-harness.ts";

type Err = { error: { code: string; message: string } };
const ALLOWED = "https://app.judge.example";
const submission = { problem: "a-plus-b", language: "python", code: "print(1)" };

/**
 * A browser attaches the auth cookie to requests another site makes it send (a form post, a
 * fetch from evil.example); the `Origin` it adds says who asked. Cookie-authenticated
 * state-changing requests from another origin are refused; bearer tokens are never sent by
 * a browser on its own, so they are not forgeable this way.
 */
describe("cross-site request forgery", () => {
  let h: ApiHarness;
  let user: { token: string; id: string };
  let self: string;
  const cookie = () => `judge_token=${user.token}`;

  beforeAll(async () => {
    h = await startApiHarness({ CORS_ORIGINS: ALLOWED });
    await h.offerLanguages();
    user = await registerUser(h.base);
    self = h.base; // fetch sends Host: 127.0.0.1:<port>, the origin a same-origin page has
  });
  afterAll(() => h?.close());

  test("a cookie-authenticated POST from another origin is refused with 403 FORBIDDEN", async () => {
    for (const origin of ["https://evil.example", "null", "http://127.0.0.1:1", `${self}.evil.example`]) {
      const res = await api<Err>(h.base, "/api/submissions", { body: submission, headers: { cookie: cookie(), origin } });
      assert.equal(res.status, 403, `Origin: ${origin}`);
      assert.equal(res.body.error.code, "FORBIDDEN");
    }
    assert.equal(await h.prisma.submission.count({ where: { userId: user.id } }), 0, "nothing was made");
  });

  test("a cross-site sign-out is refused too, and the session survives it", async () => {
    const out = await api<Err>(h.base, "/api/auth/logout", { method: "POST", headers: { cookie: cookie(), origin: "https://evil.example" } });
    assert.equal(out.status, 403);
    assert.equal((await api(h.base, "/api/me", { headers: { cookie: cookie() } })).status, 200);
  });

  test("with no Origin, a browser's Sec-Fetch-Site: cross-site is refused", async () => {
    const res = await api<Err>(h.base, "/api/submissions", { body: submission, headers: { cookie: cookie(), "sec-fetch-site": "cross-site" } });
    assert.equal(res.status, 403);
  });

  test("same-origin, allowed origins, bearer tokens and clients without Origin pass", async () => {
    const sameOrigin = await api(h.base, "/api/submissions", { body: submission, headers: { cookie: cookie(), origin: self, "sec-fetch-site": "same-origin" } });
    assert.equal(sameOrigin.status, 202, JSON.stringify(sameOrigin.body));
    const allowed = await api(h.base, "/api/submissions", { body: submission, headers: { cookie: cookie(), origin: ALLOWED } });
    assert.equal(allowed.status, 202, "an origin in CORS_ORIGINS may send the cookie");
    const bearer = await api(h.base, "/api/submissions", { body: submission, token: user.token, headers: { origin: "https://evil.example" } });
    assert.equal(bearer.status, 202, "a bearer token cannot be forged by a page");
    const noOrigin = await api(h.base, "/api/submissions", { body: submission, headers: { cookie: cookie() } });
    assert.equal(noOrigin.status, 202, "curl with a cookie jar is no browser");
  });

  test("reads and sign-in are not state changes on a session", async () => {
    const read = await api(h.base, "/api/me", { headers: { cookie: cookie(), origin: "https://evil.example" } });
    assert.equal(read.status, 200);
    // Without a cookie there is no session to ride on.
    const other = await registerUser(h.base);
    assert.ok(other.token);
  });
});
