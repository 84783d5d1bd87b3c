import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { loadApiConfig } from "../src/config.ts";
import { api, startApiHarness, type ApiHarness } from "./support/api-harness.ts";

type Err = { error: { code: string } };

/** A failed sign-in: cheap to refuse, and counted by the per-IP sign-in limit. */
const badLogin = (base: string, forwardedFor: string) =>
  api<Err>(base, "/api/auth/login", { body: { username: "nobody-here", password: "wrong password" }, headers: { "x-forwarded-for": forwardedFor } });

describe("the client's address behind no proxy", () => {
  let h: ApiHarness;
  beforeAll(async () => {
    // No TRUST_PROXY: the API is reached directly, so X-Forwarded-For is the client's own words.
    h = await startApiHarness({ RATE_LIMIT_AUTH_PER_MINUTE: "3" });
  });
  afterAll(() => h?.close());

  test("a client forging X-Forwarded-For still hits its per-IP sign-in limit", async () => {
    const forged = ["10.1.2.3", "192.168.7.7", "127.0.0.2", "fd00::1", "203.0.113.9"];
    const statuses: number[] = [];
    for (const [i, address] of forged.entries()) statuses.push((await badLogin(h.base, `${address}, 10.0.0.${i + 1}`)).status);
    assert.deepEqual(statuses, [401, 401, 401, 429, 429]);
  });
});

describe("TRUST_PROXY", () => {
  const base = { DATABASE_URL: "postgres://x@127.0.0.1/x", JWT_PRIVATE_KEY: "k", WORKER_TOKEN: "0123456789abcdef", LOG_LEVEL: "silent" };

  test("defaults to trusting no proxy", () => {
    assert.deepEqual(loadApiConfig(base).TRUST_PROXY, []);
  });

  test("takes addresses, CIDR ranges and express's named ranges", () => {
    const config = loadApiConfig({ ...base, TRUST_PROXY: " 127.0.0.1, 172.30.80.10 ,10.0.0.0/8,fd00::/8, ::1, uniquelocal" });
    assert.deepEqual(config.TRUST_PROXY, ["127.0.0.1", "172.30.80.10", "10.0.0.0/8", "fd00::/8", "::1", "uniquelocal"]);
  });

  test("refuses at start what would trust too much or nothing it names", () => {
    for (const bad of ["true", "*", "1", "10.0.0.0/33", "::1/129", "gateway", "10.0.0.1/8/8", "10.0.0"]) {
      assert.throws(() => loadApiConfig({ ...base, TRUST_PROXY: bad }), /TRUST_PROXY/, bad);
    }
  });
});
