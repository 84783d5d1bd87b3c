import { createHash } from "node:crypto";
import { z } from "zod";

/**
 * The pure half of idempotent POSTs (idempotency.ts holds the Redis half): which keys are
 * valid, what identifies a request body, and what a request gets given what Redis holds
 * for its key. No I/O here, so every branch is a unit test.
 */

/** An `Idempotency-Key` header's value. */
export const IdempotencyKey = z.string().min(1).max(200).regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces");

/** What a replay sends back: the first response's status, Location and body. */
const StoredResponse = z.object({
  state: z.literal("done"),
  fingerprint: z.string(),
  status: z.number().int(),
  location: z.string().optional(),
  body: z.unknown(),
});
const Pending = z.object({ state: z.literal("pending"), fingerprint: z.string() });
const Entry = z.union([StoredResponse, Pending]);

/** The Redis key of one (scope, user, key). The client's key is hashed: it may hold ':' or be long. */
export function entryKeyOf(prefix: string, scope: string, owner: string, key: string): string {
  const digest = createHash("sha256").update(key).digest("hex");
  return `${prefix}:idempotency:${scope}:${owner}:${digest}`;
}

/** Identifies a request body, so that a key reused with another body is caught. */
export function fingerprintOf(body: unknown): string {
  return createHash("sha256").update(JSON.stringify(body ?? null)).digest("hex");
}

/** The entry that reserves a key while its first request runs. */
export function pendingEntry(fingerprint: string): string {
  return JSON.stringify({ state: "pending", fingerprint });
}

/** How long each kind of entry lives, in seconds. */
export interface EntryTtls {
  /** A stored answer: how long a retry is still served it. */
  answeredSeconds: number;
  /** A reservation: at most one request's lifetime, since a request that dies never frees it. */
  pendingSeconds: number;
}

/**
 * The TTL an entry is written with. A pending entry outlives its request only if the request
 * died (crash, killed process, lost Redis reply), and then it would block the key with 409:
 * so it lives for one request's lifetime, never longer than an answer would.
 */
export function entryTtlSeconds(state: "pending" | "done", ttls: EntryTtls): number {
  return state === "pending" ? Math.min(ttls.pendingSeconds, ttls.answeredSeconds) : ttls.answeredSeconds;
}

/** What Redis answered: our SET NX took the key, or it is held and GET then returned `held`. */
export type Reservation =
  | { taken: true }
  /** `held` is null when the entry expired or was freed between the SET and the GET. */
  | { taken: false; held: string | null };

export type KeyDecision =
  /** The key is this request's now: run the handler and remember its answer. */
  | { kind: "run" }
  | { kind: "refuse"; code: "CONFLICT" | "VALIDATION"; message: string; retryAfterSeconds?: number }
  /** The first request's answer, sent again. */
  | { kind: "replay"; status: number; location?: string; body: unknown };

const inUse = (message: string): KeyDecision => ({ kind: "refuse", code: "CONFLICT", message, retryAfterSeconds: 1 });

export function decideKeyUse(reservation: Reservation, fingerprint: string): KeyDecision {
  if (reservation.taken) return { kind: "run" };
  const entry = reservation.held === null ? null : Entry.safeParse(parsedOrNull(reservation.held));
  // Gone or unreadable: the first request's state is unknown, so neither run nor replay.
  if (!entry?.success) return inUse("this Idempotency-Key is being used; retry shortly");
  if (entry.data.fingerprint !== fingerprint) {
    return { kind: "refuse", code: "VALIDATION", message: "this Idempotency-Key was used with a different request body" };
  }
  if (entry.data.state === "pending") return inUse("a request with this Idempotency-Key is still in progress");
  const { status, location, body } = entry.data;
  return { kind: "replay", status, body, ...(location !== undefined ? { location } : {}) };
}

export type AfterAnswer =
  /** A failed first attempt frees the key, so that the client's retry really runs. */
  | { kind: "free" }
  /** The entry that replays this answer. */
  | { kind: "remember"; entry: string };

/** What becomes of the key once the handler answers with `status`, `body` and maybe a Location. */
export function afterAnswer(fingerprint: string, status: number, body: unknown, location: unknown): AfterAnswer {
  if (status >= 400) return { kind: "free" };
  const stored = { state: "done", fingerprint, status, body, ...(typeof location === "string" ? { location } : {}) };
  return { kind: "remember", entry: JSON.stringify(stored) };
}

function parsedOrNull(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
