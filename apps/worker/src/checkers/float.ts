import { compareTokens } from "./tokens.ts";

export interface FloatTolerance {
  /** |actual - expected| <= abs passes */
  abs: number;
  /** |actual - expected| <= rel * |expected| passes */
  rel: number;
}

/** A decimal number as written by printf/cout: no hex, no "Infinity" spelled by a JS engine. */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Two tokens agree when both are numbers within the tolerance, or when they are the same text
 * (so "YES", "nan" or an integer id can sit next to the floating-point values).
 */
export function floatTokensAgree(expected: string, actual: string, tolerance: FloatTolerance): boolean {
  if (expected === actual) return true;
  if (!NUMBER.test(expected) || !NUMBER.test(actual)) return false;
  const want = Number(expected);
  const got = Number(actual);
  if (!Number.isFinite(want) || !Number.isFinite(got)) return false;
  const error = Math.abs(got - want);
  return error <= tolerance.abs || error <= tolerance.rel * Math.abs(want);
}

export function floatChecker(expected: string, actual: string, tolerance: FloatTolerance): boolean {
  return compareTokens(expected, actual, (a, b) => floatTokensAgree(a, b, tolerance));
}
