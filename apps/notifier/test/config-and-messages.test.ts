import assert from "node:assert/strict";
import { describe, it } from "vitest";
import { ConfigError } from "@judge/config";
import { generateTokenKeys } from "@judge/tokens";
import { loadNotifierConfig } from "../src/config.ts";
import { parseClientMessage } from "../src/client-messages.ts";

describe("loadNotifierConfig", () => {
  it("names a missing JWT_PUBLIC_KEY", () => {
    assert.throws(
      () => loadNotifierConfig({}),
      (err: unknown) => err instanceof ConfigError && err.problems.some((p) => p.startsWith("JWT_PUBLIC_KEY is required")),
    );
  });

  it("accepts a one-line key with literal \\n and fills the defaults", async () => {
    const { publicKey } = await generateTokenKeys();
    const config = loadNotifierConfig({ JWT_PUBLIC_KEY: publicKey.trim().replace(/\n/g, "\\n") });
    assert.equal(config.jwtPublicKey, publicKey.trim());
    assert.equal(config.port, 8080);
    assert.equal(config.redisPrefix, "judge");
    assert.equal(config.limits.maxPayloadBytes, 4096);
  });

  it("refuses a key that is not a public key", () => {
    assert.throws(() => loadNotifierConfig({ JWT_PUBLIC_KEY: "-----BEGIN PRIVATE KEY-----\nabc" }), ConfigError);
  });
});

describe("parseClientMessage", () => {
  const text = (s: string) => parseClientMessage(Buffer.from(s), false);

  it("accepts subscribe with and without lastSeq, and unsubscribe", () => {
    assert.deepEqual(text('{"op":"subscribe","submissionId":"abc"}'), { ok: true, message: { op: "subscribe", submissionId: "abc" } });
    assert.deepEqual(text('{"op":"subscribe","submissionId":"abc","lastSeq":3}'), {
      ok: true,
      message: { op: "subscribe", submissionId: "abc", lastSeq: 3 },
    });
    assert.deepEqual(text('{"op":"unsubscribe","submissionId":"abc"}'), { ok: true, message: { op: "unsubscribe", submissionId: "abc" } });
    assert.deepEqual(text('{"op":"ping"}'), { ok: true, message: { op: "ping" } });
  });

  it("refuses anything else without throwing", () => {
    for (const bad of ["", "{", "1", "null", '{"op":"x"}', '{"op":"subscribe","submissionId":""}', '{"op":"subscribe","submissionId":"a","lastSeq":1.5}']) {
      assert.equal(text(bad).ok, false, bad);
    }
    assert.equal(parseClientMessage(Buffer.from("{}"), true).ok, false);
    assert.equal(parseClientMessage([Buffer.from('{"op":"unsub'), Buffer.from('scribe","submissionId":"a"}')], false).ok, true);
  });

  it("an ArrayBuffer frame is read as UTF-8 text like a Buffer", () => {
    const frame = new TextEncoder().encode('{"op":"unsubscribe","submissionId":"a"}');
    const buffer = frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.byteLength);
    assert.deepEqual(parseClientMessage(buffer, false), { ok: true, message: { op: "unsubscribe", submissionId: "a" } });
  });

  it("the error names what is wrong: the frame, the JSON, or the field", () => {
    const error = (frame: string, isBinary = false) => {
      const parsed = parseClientMessage(Buffer.from(frame), isBinary);
      return parsed.ok ? "accepted" : parsed.error;
    };
    assert.match(error('{"op":"subscribe","submissionId":"a"}', true), /binary/);
    assert.equal(error("{"), "not JSON");
    assert.match(error("null"), /^message: /);
    assert.match(error('{"op":"watch","submissionId":"a"}'), /^op: /);
    assert.match(error('{"op":"subscribe"}'), /^submissionId: /);
    assert.match(error('{"op":"subscribe","submissionId":"a","lastSeq":-1}'), /^lastSeq: /);
  });
});
