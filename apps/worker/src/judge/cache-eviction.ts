/** One artifact cache entry as a scan saw it. */
export interface CacheEntry {
  dir: string;
  /** bytes of its files */
  bytes: number;
  /** last use (its directory's mtime, set on every checkout), ms since the epoch */
  usedAtMs: number;
}

/**
 * Least recently used first: when the entries hold more than `maxBytes`, which to remove so that
 * at most `targetBytes` are left. Pure, so the policy is tested without a file system.
 */
export function planEviction(entries: readonly CacheEntry[], maxBytes: number, targetBytes: number): { remove: CacheEntry[]; keptBytes: number } {
  let total = entries.reduce((sum, e) => sum + e.bytes, 0);
  if (total <= maxBytes) return { remove: [], keptBytes: total };
  const oldestFirst = [...entries].sort((a, b) => a.usedAtMs - b.usedAtMs);
  const remove: CacheEntry[] = [];
  for (const entry of oldestFirst) {
    if (total <= targetBytes) break;
    remove.push(entry);
    total -= entry.bytes;
  }
  return { remove, keptBytes: total };
}
