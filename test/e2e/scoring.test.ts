import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { SubmissionPage, SubmissionView } from "@judge/protocol";
import { scoredPackage, zipOf } from "../../packages/problem-package/test/sample-package.ts";
import { checkStream } from "../support/event-stream.ts";
import { eventually } from "../support/eventually.ts";
import { api, registerUser, startTestStack, submit, type TestStack } from "../support/test-stack.ts";
import { WsTestClient } from "../support/ws-client.ts";

const ADMIN = { username: "scoring-admin", password: "scoring-admin-password" };

describe("a scoring problem end to end: imported package, live score on the socket, stored score", () => {
  let stack: TestStack;
  let user: { token: string; id: string };
  let ws: WsTestClient;

  beforeAll(async () => {
    stack = await startTestStack({ extraEnv: { ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password } });
    const login = await api<{ token: string }>(stack.apiUrl, "/api/auth/login", { body: ADMIN });
    assert.equal(login.status, 200, JSON.stringify(login.body));
    const imported = await fetch(`${stack.apiUrl}/api/problems/import?publish=1`, {
      method: "POST",
      headers: { "content-type": "application/zip", authorization: `Bearer ${login.body.token}` },
      body: zipOf(scoredPackage("2023-07"), "doubling"),
    });
    assert.equal(imported.status, 201, await imported.text());
    user = await registerUser(stack.apiUrl);
    ws = await WsTestClient.connect(stack.notifierUrl, user.token);
  });

  afterAll(async () => {
    ws?.close();
    await stack?.teardown();
  });

  it("a solution for small n: AC with 30 of 100, the score rising on the socket, stored and listed", async () => {
    const id = await submit(stack.apiUrl, user.token, "python", "n = int(input())\nprint(2 * n if n < 10**6 else 0)\n", "doubling");
    ws.send({ op: "subscribe", submissionId: id });
    await ws.verdict(id);
    const stream = checkStream(ws.of(id), { final: true });
    const live = stream.events.flatMap((e) => (e.kind === "test" ? [[e.result.index, e.result.group, e.score, e.maxScore]] : []));
    assert.deepEqual(live, [
      [1, "sample", 0, 100],
      [2, "secret/large", 0, 100],
      [4, "secret/small", 30, 100],
      [5, "secret/small", 30, 100],
    ]);
    assert.deepEqual([stream.view.verdict, stream.view.score, stream.view.maxScore], ["AC", 30, 100]);

    const stored = await eventually(`${id} stored`, async () => {
      const res = await api<SubmissionView>(stack.apiUrl, `/api/submissions/${id}`, { token: user.token });
      return res.body.status === "done" && res.body.judgedAt ? res.body : undefined;
    });
    assert.deepEqual([stored.verdict, stored.score, stored.maxScore], ["AC", 30, 100]);
    assert.deepEqual(stored.tests, stream.view.tests);
    const list = await api<SubmissionPage>(stack.apiUrl, "/api/submissions?problem=doubling&mine=1", { token: user.token });
    assert.deepEqual(list.body.items.map((s) => [s.id, s.score, s.maxScore]), [[id, 30, 100]]);
  });
});
