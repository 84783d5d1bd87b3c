/** Byte for byte, final newline included. */
export function exactChecker(expected: string, actual: string): boolean {
  return expected === actual;
}
