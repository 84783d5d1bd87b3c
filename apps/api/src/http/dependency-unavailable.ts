import { MaxRetriesPerRequestError } from "ioredis/built/errors/index.js";
import redisErrors from "redis-errors";
import { Prisma } from "@judge/db";

/**
 * Decides whether an error means "a dependency (Redis, PostgreSQL) cannot be reached right
 * now" — a 503 the client may retry — rather than a bug (500). Pure: it looks only at error
 * classes, `code`s and `cause` chains, never at free text, except for the few messages that
 * ioredis and pg throw as plain `Error`s with no class or code (listed below by source).
 */

/** Node system errors (`err.code`) of a socket to a dependency that is away or cut. */
const SYSTEM_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * Prisma's connection-level codes (https://www.prisma.io/docs/orm/reference/error-reference):
 * P1001 can't reach server, P1002 reached but timed out, P1008 operation timed out (socket),
 * P1017 server closed the connection, P2024 timed out waiting for a pool connection,
 * P2037 too many connections.
 */
const PRISMA_CODES: ReadonlySet<string> = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);

/**
 * `@prisma/adapter-pg` maps pg socket errors to these driver-adapter kinds; a raw query
 * (`$queryRaw`) carries them in `meta.driverAdapterError` under the generic code P2010.
 */
const ADAPTER_KINDS: ReadonlySet<string> = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/**
 * PostgreSQL SQLSTATEs passed through as kind "postgres": class 08 (connection exception) and
 * the server refusing work while it shuts down or starts (57P01–57P03), or is full (53300).
 */
function isUnavailableSqlState(state: string): boolean {
  return state.startsWith("08") || state === "57P01" || state === "57P02" || state === "57P03" || state === "53300";
}

/**
 * Plain `Error`s with no class or code, so their fixed text is all there is:
 * ioredis (`CONNECTION_CLOSED_ERROR_MSG`, the offline-queue-off rejection, `commandTimeout`)
 * and pg/pg-pool (`client.js` connection end, `pg-pool` connect timeouts), which
 * `@prisma/adapter-pg` rethrows unchanged because they carry no `code`.
 */
const LIBRARY_MESSAGES: ReadonlySet<string> = new Set([
  "Connection is closed.",
  "Stream isn't writeable and enableOfflineQueue options is false",
  "Command timed out",
  "Connection terminated unexpectedly",
  "Connection terminated due to connection timeout",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error and is not queryable",
]);

/** How deep to follow `cause` chains: wrappers nest a few levels at most; cycles must not loop. */
const MAX_DEPTH = 8;

/** ioredis rejects with this (and its subclass MaxRetriesPerRequestError) when a command dies with its connection. */
const RedisAbortError = redisErrors.AbortError;

export function isDependencyUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: Array<{ value: unknown; depth: number }> = [{ value: err, depth: 0 }];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { value, depth } = next;
    if (typeof value !== "object" || value === null || seen.has(value) || depth > MAX_DEPTH) continue;
    seen.add(value);
    if (isUnavailableItself(value)) return true;
    for (const inner of innerErrors(value)) queue.push({ value: inner, depth: depth + 1 });
  }
  return false;
}

function isUnavailableItself(value: object): boolean {
  if (value instanceof RedisAbortError || value instanceof MaxRetriesPerRequestError) return true;
  if (value instanceof Prisma.PrismaClientKnownRequestError) {
    return PRISMA_CODES.has(value.code) || isUnavailableAdapterError((value.meta as Record<string, unknown> | undefined)?.driverAdapterError);
  }
  if (value instanceof Prisma.PrismaClientInitializationError) return value.errorCode !== undefined && PRISMA_CODES.has(value.errorCode);
  const code = (value as { code?: unknown }).code;
  if (typeof code === "string" && SYSTEM_CODES.has(code)) return true;
  return value instanceof Error && value.constructor === Error && LIBRARY_MESSAGES.has(value.message);
}

/** `{ name: "DriverAdapterError", cause: { kind, code? } }` as Prisma keeps it in `meta`. */
function isUnavailableAdapterError(adapterError: unknown): boolean {
  const cause = (adapterError as { cause?: { kind?: unknown; code?: unknown; originalCode?: unknown } } | undefined)?.cause;
  if (!cause) return false;
  if (typeof cause.kind === "string" && ADAPTER_KINDS.has(cause.kind)) return true;
  const state = cause.kind === "postgres" ? cause.code : cause.originalCode;
  return typeof state === "string" && isUnavailableSqlState(state);
}

/** `cause` (ES2022, pg-pool, ioredis), and each of an `AggregateError`'s (Node's dual-stack connect). */
function innerErrors(value: object): unknown[] {
  const inner: unknown[] = [];
  if ("cause" in value) inner.push(value.cause);
  if (value instanceof AggregateError) inner.push(...value.errors);
  return inner;
}
