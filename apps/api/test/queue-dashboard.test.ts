import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { api, registerUser, startApiHarness, type ApiHarness } from "./support/api-harness.ts";

describe("queue dashboard (Bull Board) for admins", () => {
  let h: ApiHarness;
  let admin: string;
  let user: { token: string };
  beforeAll(async () => {
    h = await startApiHarness();
    await h.offerLanguages();
    admin = await h.adminToken();
    user = await registerUser(h.base);
  });
  afterAll(async () => {
    await h?.close();
  });

  test("anonymous gets 401 and a user 403, for the page and its JSON API alike", async () => {
    for (const path of ["/api/admin/queues", "/api/admin/queues/api/queues"]) {
      const anonymous = await fetch(`${h.base}${path}`);
      assert.equal(anonymous.status, 401, path);
      const res = await fetch(`${h.base}${path}`, { headers: { authorization: `Bearer ${user.token}` } });
      assert.equal(res.status, 403, path);
      const body = (await res.json()) as { error: { code: string } };
      assert.equal(body.error.code, "FORBIDDEN");
    }
  });

  test("an admin gets the page, and its API shows this deployment's judge queue with the job just submitted", async () => {
    const page = await fetch(`${h.base}/api/admin/queues`, { headers: { authorization: `Bearer ${admin}` } });
    assert.equal(page.status, 200);
    assert.match(page.headers.get("content-type") ?? "", /text\/html/);
    const html = await page.text();
    assert.match(html, /Judge queues/);

    const submitted = await api<{ id: string }>(h.base, "/api/submissions", {
      token: user.token,
      body: { problem: "a-plus-b", language: "python", code: "print(sum(map(int, input().split())))\n" },
    });
    assert.equal(submitted.status, 202);

    const queues = await api<{ queues: { name: string; counts: Record<string, number> }[] }>(
      h.base,
      "/api/admin/queues/api/queues",
      { token: admin },
    );
    assert.equal(queues.status, 200);
    const judge = queues.body.queues.find((q) => q.name === "judge");
    assert.ok(judge, `queues: ${queues.body.queues.map((q) => q.name).join(", ")}`);
    const waiting = Object.entries(judge.counts)
      .filter(([state]) => state === "waiting" || state === "prioritized")
      .reduce((sum, [, n]) => sum + n, 0);
    assert.equal(waiting, 1);
    assert.ok(queues.body.queues.some((q) => q.name === "results"));
  });
});
