import { Prng } from "../prng.ts";
import { MIB_IN_KB, type ProblemDefinition } from "../problem-definition.ts";

const MAX_N = 200_000;
const MAX_A = 1_000_000;

/** Merge sort count, O(n log n); the answer reaches n(n-1)/2 ≈ 2·10^10, exact in a double. */
export function countInversions(values: readonly number[]): number {
  let a = Int32Array.from(values);
  let b = new Int32Array(a.length);
  let count = 0;
  for (let width = 1; width < a.length; width *= 2) {
    for (let lo = 0; lo < a.length; lo += 2 * width) {
      const mid = Math.min(lo + width, a.length);
      const hi = Math.min(lo + 2 * width, a.length);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        // Strictly greater only: equal values are not an inversion.
        if (a[j]! < a[i]!) {
          count += mid - i;
          b[k++] = a[j++]!;
        } else {
          b[k++] = a[i++]!;
        }
      }
      while (i < mid) b[k++] = a[i++]!;
      while (j < hi) b[k++] = a[j++]!;
    }
    [a, b] = [b, a];
  }
  return count;
}

function test(values: readonly number[]) {
  return { input: `${values.length}\n${values.join(" ")}\n`, output: `${countInversions(values)}\n` };
}

/**
 * Needs O(n log n): at n = 2·10^5 the O(n^2) double loop does 2·10^10 comparisons, several
 * seconds even in C++, against a 1 s limit. Inputs stay under ~1.5 MB each (values ≤ 10^6).
 */
export const countInversionsProblem: ProblemDefinition = {
  slug: "count-inversions",
  title: "Count Inversions",
  difficulty: "hard",
  tags: ["sorting", "divide-and-conquer", "fenwick-tree"],
  limits: { timeMs: 1000, memoryKb: 256 * MIB_IN_KB },
  checker: { kind: "tokens" },
  statement: `An *inversion* of an array $a_1, a_2, \\ldots, a_n$ is a pair of indices $(i, j)$ with
$i < j$ and $a_i > a_j$. Count the inversions.

## Input

The first line holds $n$ ($1 \\le n \\le 2 \\cdot 10^5$). The second line holds $n$ integers
$a_1, \\ldots, a_n$ ($1 \\le a_i \\le 10^6$), separated by spaces.

## Output

The number of inversions. It can exceed $2^{31}$: use 64-bit integers.

## Note

An $O(n^2)$ solution is too slow; think of merge sort or a Fenwick tree.
`,
  samples: [test([2, 4, 1, 3, 5]), test([5, 4, 3, 2, 1])],
  hidden() {
    const prng = new Prng(0x1a7);
    const descending = Array.from({ length: MAX_N }, (_, i) => MAX_N - i);
    return [
      test([1]),
      test([7, 7, 7, 7]),
      test([1, 2, 3, 4, 5, 6]),
      test(prng.ints(1000, 1, 50)),
      test(prng.ints(5000, 1, MAX_A)),
      test(prng.ints(MAX_N, 1, MAX_A)),
      test(descending),
      test(prng.ints(MAX_N, 1, 100)),
    ];
  },
};
