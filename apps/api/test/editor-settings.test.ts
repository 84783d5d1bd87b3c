import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, it } from "vitest";
import { api, registerUser, startApiHarness, type ApiHarness } from "./support/api-harness.ts";

describe("a user's editor settings on the API", () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("are null until saved, then kept per account", async () => {
    const alice = await registerUser(h.base);
    const bob = await registerUser(h.base);
    const none = await api<{ settings: unknown }>(h.base, "/api/me/editor-settings", { token: alice.token });
    assert.deepEqual([none.status, none.body], [200, { settings: null }]);

    const settings = { fontSize: 18, tabSize: 2, keyBindings: "emacs" };
    const put = await api(h.base, "/api/me/editor-settings", { method: "PUT", token: alice.token, body: settings });
    assert.deepEqual([put.status, put.body], [200, { settings }]);
    assert.deepEqual((await api(h.base, "/api/me/editor-settings", { token: alice.token })).body, { settings });
    assert.deepEqual((await api(h.base, "/api/me/editor-settings", { token: bob.token })).body, { settings: null }, "Bob has his own");
  });

  it("refuses settings out of range or unknown, and keeps the saved ones", async () => {
    const user = await registerUser(h.base);
    const saved = { fontSize: 14, tabSize: 4, keyBindings: "vim" };
    await api(h.base, "/api/me/editor-settings", { method: "PUT", token: user.token, body: saved });
    for (const bad of [{ ...saved, fontSize: 400 }, { ...saved, keyBindings: "nano" }, { fontSize: 14 }]) {
      const res = await api<{ error: { code: string } }>(h.base, "/api/me/editor-settings", { method: "PUT", token: user.token, body: bad });
      assert.equal(res.status, 400, JSON.stringify(bad));
    }
    assert.deepEqual((await api(h.base, "/api/me/editor-settings", { token: user.token })).body, { settings: saved });
  });
});
