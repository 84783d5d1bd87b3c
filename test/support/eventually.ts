/** Generous: it bounds a failing wait, never a passing one. ms */
export const DEFAULT_WAIT_MS = 30_000;

export interface EventuallyOptions {
  /** ms */
  timeoutMs?: number;
  /** ms between two looks */
  intervalMs?: number;
}

/**
 * Looks at `check` until it returns something other than undefined or false and resolves with
 * it; rejects, naming `what` and the last value seen, once `timeoutMs` has passed. A `check`
 * that throws fails at once: an assertion inside it is a failure, not a "not yet".
 *
 * For conditions nothing announces (a database row, a counter in another process). Where an
 * event announces the condition, wait on the event instead (WsTestClient.until, LogWatch.next).
 */
export async function eventually<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  { timeoutMs = DEFAULT_WAIT_MS, intervalMs = 10 }: EventuallyOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
