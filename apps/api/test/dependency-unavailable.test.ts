import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { MaxRetriesPerRequestError } from "ioredis/built/errors/index.js";
import redisErrors from "redis-errors";
import { DbError, Prisma } from "@judge/db";
import { isDependencyUnavailable } from "../src/http/dependency-unavailable.ts";

const { AbortError, ReplyError } = redisErrors;

/** A Node system error as `net` builds it (`code`, `errno`, `syscall`). */
function systemError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:6379`), { code, errno: -111, syscall: "connect" });
}

function prismaKnown(code: string, meta?: Record<string, unknown>): Error {
  return new Prisma.PrismaClientKnownRequestError("prisma failed", { code, clientVersion: "7.10.1", meta });
}

/** What a `$queryRaw` over `@prisma/adapter-pg` throws: generic P2010, the adapter's kind in meta. */
function rawQueryError(cause: Record<string, unknown>): Error {
  return prismaKnown("P2010", { driverAdapterError: { name: "DriverAdapterError", cause } });
}

describe("isDependencyUnavailable: a dependency that is down", () => {
  const down: Array<[string, unknown]> = [
    ["ECONNREFUSED", systemError("ECONNREFUSED")],
    ["ECONNRESET", systemError("ECONNRESET")],
    ["ETIMEDOUT", systemError("ETIMEDOUT")],
    ["EPIPE", systemError("EPIPE")],
    ["ioredis MaxRetriesPerRequestError", new MaxRetriesPerRequestError(1)],
    ["ioredis AbortError (command aborted on close)", new AbortError("Command aborted due to connection close")],
    ["ioredis closed connection", new Error("Connection is closed.")],
    ["ioredis with the offline queue off", new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    ["Prisma P1001 (can't reach)", prismaKnown("P1001")],
    ["Prisma P1017 (server closed the connection)", prismaKnown("P1017")],
    ["Prisma P2024 (pool timeout)", prismaKnown("P2024")],
    ["raw query, DatabaseNotReachable", rawQueryError({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 })],
    ["raw query, ConnectionClosed", rawQueryError({ kind: "ConnectionClosed" })],
    ["raw query, postgres shutting down (57P01)", rawQueryError({ kind: "postgres", code: "57P01", severity: "FATAL", message: "terminating" })],
    ["pg connection ended (rethrown by the adapter)", Object.assign(new Error("Connection terminated unexpectedly"), { clientVersion: "7.10.1" })],
    ["Prisma initialization P1001", new Prisma.PrismaClientInitializationError("can't reach", "7.10.1", "P1001")],
    ["a system error as the cause of a wrapper", new Error("enqueue failed", { cause: systemError("ECONNREFUSED") })],
    ["a cause two levels down", new DbError("MIGRATION_FAILED", "x", { cause: new Error("y", { cause: prismaKnown("P1001") }) })],
    ["one of an AggregateError's errors", new AggregateError([new Error("x"), systemError("ECONNREFUSED")], "connect failed")],
  ];
  for (const [name, err] of down) {
    test(`${name} → unavailable`, () => assert.equal(isDependencyUnavailable(err), true));
  }
});

describe("isDependencyUnavailable: a bug or a client mistake", () => {
  const cycle = new Error("a");
  (cycle as { cause?: unknown }).cause = new Error("b", { cause: cycle });
  const notDown: Array<[string, unknown]> = [
    ["a TypeError", new TypeError("cannot read properties of undefined (reading 'connect')")],
    ["text that mentions a connection", new Error("failed to connect the dots: ECONNREFUSED in a message")],
    ["a Redis reply error (WRONGTYPE)", new ReplyError("WRONGTYPE Operation against a key holding the wrong kind of value")],
    ["Prisma P2002 (unique constraint)", prismaKnown("P2002")],
    ["Prisma P2025 (record not found)", prismaKnown("P2025")],
    ["raw query, syntax error (42601)", rawQueryError({ kind: "postgres", code: "42601", severity: "ERROR", message: "syntax" })],
    ["a subclass that reuses a library message", new RangeError("Connection is closed.")],
    ["a cause cycle with nothing in it", cycle],
    ["not an error", "ECONNREFUSED"],
    ["null", null],
  ];
  for (const [name, err] of notDown) {
    test(`${name} → not unavailable`, () => assert.equal(isDependencyUnavailable(err), false));
  }
});
