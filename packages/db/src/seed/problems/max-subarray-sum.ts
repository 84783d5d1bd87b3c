import { Prng } from "../prng.ts";
import { MIB_IN_KB, type ProblemDefinition } from "../problem-definition.ts";

/** Kadane's algorithm; the subarray is non-empty, so all-negative input gives the largest value. */
export function maxSubarraySum(values: readonly number[]): number {
  let best = -Infinity;
  let endingHere = 0;
  for (const v of values) {
    endingHere = Math.max(v, endingHere + v);
    best = Math.max(best, endingHere);
  }
  return best;
}

function test(values: readonly number[]) {
  return { input: `${values.length}\n${values.join(" ")}\n`, output: `${maxSubarraySum(values)}\n` };
}

export const maxSubarraySumProblem: ProblemDefinition = {
  slug: "max-subarray-sum",
  title: "Maximum Subarray Sum",
  difficulty: "medium",
  tags: ["dynamic-programming", "greedy"],
  limits: { timeMs: 1000, memoryKb: 256 * MIB_IN_KB },
  checker: { kind: "tokens" },
  statement: `Find the largest sum of a non-empty contiguous subarray $a_l + a_{l+1} + \\cdots + a_r$
($1 \\le l \\le r \\le n$).

## Input

The first line holds $n$ ($1 \\le n \\le 10^5$). The second line holds $n$ integers
$a_1, \\ldots, a_n$ ($|a_i| \\le 10^4$).

## Output

The largest subarray sum.
`,
  samples: [test([-2, 1, -3, 4, -1, 2, 1, -5, 4])],
  hidden() {
    const prng = new Prng(0x3a5);
    return [
      test([5]),
      test([-7]),
      test([-3, -1, -2]),
      test(Array.from({ length: 100_000 }, () => 10_000)),
      test(prng.ints(1000, -10_000, 10_000)),
      test(prng.ints(100_000, -10_000, 10_000)),
      test(prng.ints(100_000, -10_000, 9_000)),
    ];
  },
};
