/**
 * A starter with its empty bodies filled in, in order: the n-th occurrence of `empty` becomes
 * `bodies[n]`. A starter with a different number of empty bodies than expected throws, so a
 * fixture never judges code it did not mean to write.
 */
export function fillBodies(starter: string, empty: string, bodies: readonly string[]): string {
  const parts = starter.split(empty);
  if (parts.length - 1 !== bodies.length) {
    throw new Error(`starter has ${parts.length - 1} empty bodies ${JSON.stringify(empty)}, expected ${bodies.length}`);
  }
  return parts.reduce((code, part, i) => code + bodies[i - 1]! + part);
}
