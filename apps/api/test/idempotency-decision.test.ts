import assert from "node:assert/strict";
import { describe, test } from "vitest";
import {
  IdempotencyKey,
  afterAnswer,
  decideKeyUse,
  entryKeyOf,
  entryTtlSeconds,
  fingerprintOf,
  pendingEntry,
  type KeyDecision,
  type Reservation,
} from "../src/http/idempotency-decision.ts";

const body = { problem: "a-plus-b", language: "python", code: "print(1)" };
const mine = fingerprintOf(body);
const theirs = fingerprintOf({ ...body, code: "print(2)" });
const held = (entry: string | null): Reservation => ({ taken: false, held: entry });
/** The entry remembered after a first request answered `status`. */
const answered = (fingerprint: string, status: number, answer: unknown, location?: string) => {
  const after = afterAnswer(fingerprint, status, answer, location);
  assert.equal(after.kind, "remember");
  return after.kind === "remember" ? after.entry : "";
};

describe("IdempotencyKey", () => {
  test("1 to 200 printable ASCII characters without spaces", () => {
    for (const key of ["a", "0b4e7c9e-5c1f-4f3a-9d35-1f7d2a1b9e10", "~!@#$%^&*()_+{}|:<>?", "k".repeat(200)]) {
      assert.equal(IdempotencyKey.safeParse(key).success, true, key);
    }
  });

  test.each([
    ["empty", ""],
    ["201 characters", "k".repeat(201)],
    ["a space", "my key"],
    ["a tab", "my\tkey"],
    ["a newline", "key\n"],
    ["a non-ASCII letter", "clé"],
    ["DEL", "key\x7f"],
    ["repeated headers, as an array", ["a", "b"]],
  ])("refuses %s", (_what, key) => {
    assert.equal(IdempotencyKey.safeParse(key).success, false);
  });
});

describe("fingerprintOf", () => {
  test("the same body gives the same fingerprint; any change in it gives another", () => {
    assert.equal(fingerprintOf(structuredClone(body)), mine);
    assert.notEqual(theirs, mine);
    assert.notEqual(fingerprintOf({ ...body, language: "pypy" }), mine);
    assert.notEqual(fingerprintOf({ ...body, input: "" }), mine);
  });

  test("no body is the same as a null body, and neither is an empty object", () => {
    assert.equal(fingerprintOf(undefined), fingerprintOf(null));
    assert.notEqual(fingerprintOf(undefined), fingerprintOf({}));
  });

  test("is a digest, so the body itself (the user's code) is not kept in Redis", () => {
    assert.match(mine, /^[0-9a-f]{64}$/);
    assert.ok(!pendingEntry(mine).includes("print(1)"));
  });
});

describe("entryKeyOf", () => {
  test("keys of other users, scopes or deployments never meet", () => {
    const keys = [
      entryKeyOf("judge", "submissions", "u1", "k"),
      entryKeyOf("judge", "submissions", "u2", "k"),
      entryKeyOf("judge", "runs", "u1", "k"),
      entryKeyOf("other", "submissions", "u1", "k"),
      entryKeyOf("judge", "submissions", "u1", "k2"),
    ];
    assert.equal(new Set(keys).size, keys.length);
    assert.equal(entryKeyOf("judge", "submissions", "u1", "k"), keys[0], "and the same use finds the same entry");
  });

  test("the client's key is hashed: its separators cannot reach into another user's entries", () => {
    const key = entryKeyOf("judge", "submissions", "u1", "x:u2:y");
    assert.ok(!key.includes("x:u2:y"));
    assert.ok(key.startsWith("judge:idempotency:submissions:u1:"));
  });
});

describe("decideKeyUse", () => {
  test("a key nobody holds is reserved for this request, which runs", () => {
    assert.deepEqual(decideKeyUse({ taken: true }, mine), { kind: "run" });
  });

  test("the first request still running, same body: 409, retry in a second", () => {
    assert.deepEqual(decideKeyUse(held(pendingEntry(mine)), mine), {
      kind: "refuse",
      code: "CONFLICT",
      message: "a request with this Idempotency-Key is still in progress",
      retryAfterSeconds: 1,
    });
  });

  test("another body under a used key is the client's mistake (400), pending or done", () => {
    for (const entry of [pendingEntry(theirs), answered(theirs, 202, { id: "s1" })]) {
      const decision = decideKeyUse(held(entry), mine);
      assert.equal(decision.kind, "refuse");
      assert.equal(decision.kind === "refuse" && decision.code, "VALIDATION");
      assert.equal(decision.kind === "refuse" && decision.retryAfterSeconds, undefined, "retrying cannot help");
    }
  });

  test("a first request answered: its status, Location and body again, whatever the body holds", () => {
    const first = { id: "s1", status: "queued", nested: { list: [1, null, "x"] } };
    assert.deepEqual(decideKeyUse(held(answered(mine, 202, first, "/api/submissions/s1")), mine), {
      kind: "replay",
      status: 202,
      location: "/api/submissions/s1",
      body: first,
    });
    assert.deepEqual(decideKeyUse(held(answered(mine, 200, null)), mine), { kind: "replay", status: 200, body: null });
  });

  test.each([
    ["gone between the SET and the GET", null],
    ["not JSON", "{state: done"],
    ["JSON of another shape", JSON.stringify({ state: "finished", fingerprint: "x" })],
    ["done without a status", JSON.stringify({ state: "done", fingerprint: "x", body: {} })],
    ["a bare string", JSON.stringify("pending")],
  ])("an entry %s: 409, since the first request's fate is unknown", (_what, entry) => {
    const decision: KeyDecision = decideKeyUse(held(entry), mine);
    assert.equal(decision.kind, "refuse");
    assert.equal(decision.kind === "refuse" && decision.code, "CONFLICT");
    assert.equal(decision.kind === "refuse" && decision.retryAfterSeconds, 1);
  });
});

describe("afterAnswer", () => {
  test("a 4xx or 5xx first answer frees the key, so the client's retry really runs", () => {
    for (const status of [400, 401, 404, 409, 413, 429, 500, 503]) {
      assert.deepEqual(afterAnswer(mine, status, { error: { code: "X", message: "" } }, undefined), { kind: "free" }, String(status));
    }
  });

  test("a 2xx or 3xx answer is remembered; a Location only when it is one string", () => {
    for (const status of [200, 201, 202, 303]) assert.equal(afterAnswer(mine, status, {}, undefined).kind, "remember", String(status));
    const withoutLocation = decideKeyUse(held(answered(mine, 201, {}, undefined)), mine);
    assert.equal("location" in withoutLocation, false);
    const odd = afterAnswer(mine, 201, {}, ["/a", "/b"]);
    assert.equal(odd.kind === "remember" && "location" in JSON.parse(odd.entry), false);
  });
});

describe("entryTtlSeconds", () => {
  test("a reservation lives one request's lifetime; an answer the full TTL", () => {
    const ttls = { answeredSeconds: 24 * 3600, pendingSeconds: 60 };
    assert.equal(entryTtlSeconds("pending", ttls), 60);
    assert.equal(entryTtlSeconds("done", ttls), 24 * 3600);
  });

  test("a reservation never outlives what its answer would", () => {
    assert.equal(entryTtlSeconds("pending", { answeredSeconds: 30, pendingSeconds: 60 }), 30);
  });
});
