import { Prng } from "../prng.ts";
import { MIB_IN_KB } from "../problem-definition.ts";
import { type FunctionCase, functionProblem } from "./define.ts";

/** By merging: the tests are small, and the point is the expected value, not the speed. */
export function findMedianSortedArrays(a: readonly number[], b: readonly number[]): number {
  const all = [...a, ...b].sort((x, y) => x - y);
  const mid = all.length >> 1;
  return all.length % 2 === 1 ? all[mid]! : (all[mid - 1]! + all[mid]!) / 2;
}

const LIMIT = 1_000_000;

function sorted(prng: Prng, n: number, lo = -LIMIT, hi = LIMIT): number[] {
  return prng.ints(n, lo, hi).sort((x, y) => x - y);
}

const test = (a: number[], b: number[]): FunctionCase => ({ args: [a, b], expected: findMedianSortedArrays(a, b) });

export const medianOfTwoSortedArraysProblem = functionProblem({
  slug: "median-of-two-sorted-arrays",
  title: "Median of Two Sorted Arrays",
  difficulty: "hard",
  tags: ["array", "binary-search", "divide-and-conquer"],
  limits: { timeMs: 2000, memoryKb: 256 * MIB_IN_KB },
  signature: {
    kind: "function",
    name: "findMedianSortedArrays",
    params: [
      { name: "nums1", type: "integer[]" },
      { name: "nums2", type: "integer[]" },
    ],
    returns: "double",
  },
  statement: `Given two sorted arrays \`nums1\` and \`nums2\` of sizes \`m\` and \`n\`, return the median
of the two arrays taken together. Answers within $10^{-5}$ of the exact median are accepted.

The overall run time should be $O(\\log (m+n))$.

**Example 1**

    Input: nums1 = [1,3], nums2 = [2]
    Output: 2.00000
    Explanation: merged array = [1,2,3] and median is 2.

**Example 2**

    Input: nums1 = [1,2], nums2 = [3,4]
    Output: 2.50000
    Explanation: merged array = [1,2,3,4] and median is (2 + 3) / 2 = 2.5.

**Constraints**

- \`nums1.length\` $= m$, \`nums2.length\` $= n$
- $0 \\le m \\le 1000$, $0 \\le n \\le 1000$
- $1 \\le m + n \\le 2000$
- $-10^6 \\le$ \`nums1[i]\`, \`nums2[i]\` $\\le 10^6$
`,
  examples: [test([1, 3], [2]), test([1, 2], [3, 4])],
  hidden() {
    const prng = new Prng(0x3ed1a);
    const tests: FunctionCase[] = [
      test([], [1]),
      test([2], []),
      test([0, 0], [0, 0]),
      test([], [2, 3]),
      test([1], [2]),
      test([-LIMIT], [LIMIT]),
      test([LIMIT, LIMIT], [LIMIT]),
      test([-LIMIT, -LIMIT + 1], [LIMIT - 1, LIMIT]),
      test([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]),
      test([6, 7, 8, 9, 10], [1, 2, 3, 4, 5]),
      test([1, 3, 5, 7], [2, 4, 6]),
      test([1, 1, 1, 1], [1, 1, 1, 2]),
      test([], sorted(prng, 1000)),
      test(sorted(prng, 1000), []),
      test(sorted(prng, 1000), sorted(prng, 1000)),
      test(sorted(prng, 1000), sorted(prng, 999)),
      test(sorted(prng, 1), sorted(prng, 1000)),
    ];
    for (let k = 0; k < 8; k++) tests.push(test(sorted(prng, prng.int(0, 10), -20, 20), sorted(prng, prng.int(1, 10), -20, 20)));
    for (let k = 0; k < 6; k++) tests.push(test(sorted(prng, prng.int(0, 300)), sorted(prng, prng.int(1, 300))));
    return tests;
  },
  references: {
    python: `class Solution:
    def findMedianSortedArrays(self, nums1: List[int], nums2: List[int]) -> float:
        a, b = (nums1, nums2) if len(nums1) <= len(nums2) else (nums2, nums1)
        m, n = len(a), len(b)
        half = (m + n + 1) // 2
        lo, hi = 0, m
        while lo <= hi:
            i = (lo + hi) // 2
            j = half - i
            a_left = a[i - 1] if i > 0 else -math.inf
            a_right = a[i] if i < m else math.inf
            b_left = b[j - 1] if j > 0 else -math.inf
            b_right = b[j] if j < n else math.inf
            if a_left <= b_right and b_left <= a_right:
                if (m + n) % 2:
                    return float(max(a_left, b_left))
                return (max(a_left, b_left) + min(a_right, b_right)) / 2
            if a_left > b_right:
                hi = i - 1
            else:
                lo = i + 1
        return 0.0
`,
    cpp: `class Solution {
public:
    double findMedianSortedArrays(vector<int>& nums1, vector<int>& nums2) {
        if (nums1.size() > nums2.size()) return findMedianSortedArrays(nums2, nums1);
        int m = nums1.size(), n = nums2.size();
        int half = (m + n + 1) / 2, lo = 0, hi = m;
        while (lo <= hi) {
            int i = (lo + hi) / 2, j = half - i;
            long long aLeft = i > 0 ? nums1[i - 1] : LLONG_MIN;
            long long aRight = i < m ? nums1[i] : LLONG_MAX;
            long long bLeft = j > 0 ? nums2[j - 1] : LLONG_MIN;
            long long bRight = j < n ? nums2[j] : LLONG_MAX;
            if (aLeft <= bRight && bLeft <= aRight) {
                if ((m + n) % 2) return max(aLeft, bLeft);
                return (max(aLeft, bLeft) + min(aRight, bRight)) / 2.0;
            }
            if (aLeft > bRight) hi = i - 1;
            else lo = i + 1;
        }
        return 0.0;
    }
};
`,
    java: `class Solution {
    public double findMedianSortedArrays(int[] nums1, int[] nums2) {
        if (nums1.length > nums2.length) return findMedianSortedArrays(nums2, nums1);
        int m = nums1.length, n = nums2.length;
        int half = (m + n + 1) / 2, lo = 0, hi = m;
        while (lo <= hi) {
            int i = (lo + hi) / 2, j = half - i;
            long aLeft = i > 0 ? nums1[i - 1] : Long.MIN_VALUE;
            long aRight = i < m ? nums1[i] : Long.MAX_VALUE;
            long bLeft = j > 0 ? nums2[j - 1] : Long.MIN_VALUE;
            long bRight = j < n ? nums2[j] : Long.MAX_VALUE;
            if (aLeft <= bRight && bLeft <= aRight) {
                if ((m + n) % 2 == 1) return Math.max(aLeft, bLeft);
                return (Math.max(aLeft, bLeft) + Math.min(aRight, bRight)) / 2.0;
            }
            if (aLeft > bRight) hi = i - 1;
            else lo = i + 1;
        }
        return 0.0;
    }
}
`,
  },
});
