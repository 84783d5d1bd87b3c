import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, test } from "vitest";
import { pino } from "pino";
import { api, registerUser, startApiHarness, type ApiHarness } from "./support/api-harness.ts";

/** A token in a log line is a session for whoever reads the logs. */
describe("request logs", () => {
  let h: ApiHarness;
  const lines: string[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString("utf8"));
        done();
      },
    });
    h = await startApiHarness({}, { logger: pino({ level: "info" }, sink) });
  });
  afterAll(() => h?.close());

  test("carry no bearer token, cookie or Set-Cookie", async () => {
    const user = await registerUser(h.base); // its response sets the cookie
    await api(h.base, "/api/me", { token: user.token, headers: { "x-request-id": "logs-bearer" } });
    await api(h.base, "/api/me", { headers: { cookie: `judge_token=${user.token}`, "x-request-id": "logs-cookie" } });
    const http = lines.filter((l) => l.includes('"module":"http"'));
    assert.ok(http.some((l) => l.includes("logs-bearer")) && http.some((l) => l.includes("logs-cookie")), "the requests were logged");
    assert.ok(http.some((l) => l.includes('"authorization":"[redacted]"')));
    const signature = user.token.slice(user.token.lastIndexOf(".") + 1);
    assert.ok(!lines.some((l) => l.includes(signature)), "no line holds the token");
  });
});
