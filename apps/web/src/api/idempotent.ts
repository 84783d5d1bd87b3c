import { isApiError } from "./ApiError.ts";

/** The header the API reads to serve a POST once per key (apps/api/src/http/idempotency.ts). */
export const IDEMPOTENCY_HEADER = "Idempotency-Key";

export interface IdempotentOptions {
  /** Attempts in all, the first included. */
  attempts?: number;
  /** Delay before the second attempt (ms); doubles for each later one. */
  baseDelayMs?: number;
  newKey?: () => string;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Failures after which the request may or may not have been served: the network dropped the
 * answer, the API was briefly down, or (409) an earlier attempt with this key is still running.
 * Only these are retried; with the same key, so a retry can never make a second submission.
 */
function isRetryable(error: unknown): boolean {
  return isApiError(error, "NETWORK") || isApiError(error, "UNAVAILABLE") || isApiError(error, "CONFLICT");
}

/**
 * One user intent (a click, a keyboard shortcut) → one `Idempotency-Key`, reused by every
 * retry of that intent's request; the next intent gets a fresh key. The API serves a key
 * once, so "the answer got lost, try again" is safe.
 */
export async function sendIdempotent<T>(request: (key: string) => Promise<T>, options: IdempotentOptions = {}): Promise<T> {
  const { attempts = 3, baseDelayMs = 500, newKey = () => crypto.randomUUID(), sleep = wait } = options;
  const key = newKey();
  for (let attempt = 1; ; attempt++) {
    try {
      return await request(key);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await sleep(baseDelayMs * 2 ** (attempt - 1));
    }
  }
}
