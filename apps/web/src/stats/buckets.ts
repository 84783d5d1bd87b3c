import type { DistributionBucket } from "@judge/protocol";

/** The bar a value falls in, [from, to); -1 for none. */
export function bucketIndexOf(buckets: readonly DistributionBucket[], value: number | null): number {
  if (value === null) return -1;
  return buckets.findIndex((b) => value >= b.from && value < b.to);
}
