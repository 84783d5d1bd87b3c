import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { ClientMessage, ServerMessage, queuedView } from "../src/index.ts";

const view = queuedView({ id: "s1", problem: "a-plus-b", language: "python", createdAt: "2025-01-01T00:00:00.000Z" });

describe("ClientMessage", () => {
  test("subscribe (with or without a resume point) and unsubscribe are accepted as sent", () => {
    for (const message of [
      { op: "subscribe", submissionId: "s1" },
      { op: "subscribe", submissionId: "s1", lastSeq: 0 },
      { op: "subscribe", submissionId: "A-z_09", lastSeq: 41 },
      { op: "unsubscribe", submissionId: "s1" },
    ]) {
      assert.deepEqual(ClientMessage.parse(message), message);
    }
  });

  test("fields the protocol does not know are dropped, not passed on", () => {
    assert.deepEqual(ClientMessage.parse({ op: "unsubscribe", submissionId: "s1", lastSeq: 3, admin: true }), {
      op: "unsubscribe",
      submissionId: "s1",
    });
  });

  test.each([
    ["an unknown op", { op: "watch", submissionId: "s1" }],
    ["no op", { submissionId: "s1" }],
    ["no submission id", { op: "subscribe" }],
    ["an empty submission id", { op: "subscribe", submissionId: "" }],
    ["a submission id with a path in it", { op: "subscribe", submissionId: "../s1" }],
    ["a submission id with a Redis key separator", { op: "subscribe", submissionId: "s1:events" }],
    ["a submission id over 64 characters", { op: "subscribe", submissionId: "s".repeat(65) }],
    ["a numeric submission id", { op: "subscribe", submissionId: 17 }],
    ["a negative lastSeq", { op: "subscribe", submissionId: "s1", lastSeq: -1 }],
    ["a fractional lastSeq", { op: "subscribe", submissionId: "s1", lastSeq: 1.5 }],
    ["a lastSeq as text", { op: "subscribe", submissionId: "s1", lastSeq: "3" }],
    ["an array", [{ op: "subscribe", submissionId: "s1" }]],
    ["null", null],
  ])("refuses %s", (_what, message) => {
    assert.equal(ClientMessage.safeParse(message).success, false);
  });

  test("the longest submission id is accepted", () => {
    assert.equal(ClientMessage.safeParse({ op: "subscribe", submissionId: "s".repeat(64) }).success, true);
  });
});

describe("ServerMessage", () => {
  test("a snapshot, an event of each kind and an error are all server messages", () => {
    const messages = [
      { type: "snapshot", submissionId: "s1", seq: 0, submission: view },
      { type: "event", submissionId: "s1", seq: 1, kind: "status", status: "compiling" },
      { type: "event", submissionId: "s1", seq: 2, kind: "test", result: { index: 1, verdict: "AC", timeMs: 3, memoryKb: 900 }, total: 2 },
      {
        type: "event",
        submissionId: "s1",
        seq: 3,
        kind: "verdict",
        verdict: "CE",
        passed: 0,
        total: 0,
        timeMs: null,
        memoryKb: null,
        compileOutput: "main.c:1: error",
        judgedAt: "2025-01-01T00:00:01.000Z",
      },
      { type: "error", code: "FORBIDDEN", message: "not yours", submissionId: "s1" },
      { type: "error", code: "BAD_MESSAGE", message: "not JSON" },
    ];
    for (const message of messages) assert.deepEqual(ServerMessage.parse(message), message, JSON.stringify(message));
  });

  test.each([
    ["an event numbered 0: seq starts at 1", { type: "event", submissionId: "s1", seq: 0, kind: "status", status: "running" }],
    ["an event without its step", { type: "event", submissionId: "s1", seq: 1 }],
    ["an event of an unknown kind", { type: "event", submissionId: "s1", seq: 1, kind: "progress" }],
    ["an event with a status no submission has", { type: "event", submissionId: "s1", seq: 1, kind: "status", status: "paused" }],
    ["a snapshot without its submission", { type: "snapshot", submissionId: "s1", seq: 0 }],
    ["a snapshot whose submission lacks its tests", { type: "snapshot", submissionId: "s1", seq: 0, submission: { ...view, tests: undefined } }],
    ["an error with a code outside the catalog", { type: "error", code: "OOPS", message: "?" }],
    ["an error without a message", { type: "error", code: "LIMIT" }],
    ["an unknown type", { type: "hello" }],
  ])("refuses %s", (_what, message) => {
    assert.equal(ServerMessage.safeParse(message).success, false);
  });
});
