import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { withSpareBitsFlipped } from "../../../test/support/token-tamper.ts";
import { api, registerUser, startApiHarness, type ApiHarness } from "./support/api-harness.ts";

type Err = { error: { code: string; message: string } };

describe("sign-out revokes the token itself, not one spelling of it", () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(() => h?.close());

  test("a signed-out token with its last character's spare bits flipped is refused, as bearer and as cookie", async () => {
    const user = await registerUser(h.base);
    const twin = withSpareBitsFlipped(user.token);
    assert.notEqual(twin, user.token);
    // Before sign-out the twin is as good as the original: the same signature, verified.
    assert.equal((await api(h.base, "/api/me", { token: twin })).status, 200);

    assert.equal((await api(h.base, "/api/auth/logout", { method: "POST", token: user.token })).status, 204);

    const bearer = await api<Err>(h.base, "/api/me", { token: twin });
    assert.equal(bearer.status, 401);
    assert.equal(bearer.body.error.code, "UNAUTHORIZED");
    const cookie = await api<Err>(h.base, "/api/me", { headers: { cookie: `judge_token=${twin}` } });
    assert.equal(cookie.status, 401);
    const submit = await api<Err>(h.base, "/api/submissions", { token: twin, body: { problem: "a-plus-b", language: "python", code: "print(1)" } });
    assert.equal(submit.status, 401);
  });

  test("signing out with the twin revokes the original too", async () => {
    const user = await registerUser(h.base);
    assert.equal((await api(h.base, "/api/auth/logout", { method: "POST", token: withSpareBitsFlipped(user.token) })).status, 204);
    assert.equal((await api(h.base, "/api/me", { token: user.token })).status, 401);
  });
});
