import { Prng } from "../prng.ts";
import { MIB_IN_KB } from "../problem-definition.ts";
import { type FunctionCase, functionProblem } from "./define.ts";

/** `nums` after rotating right by k: what the in-place method must leave in its argument. */
export function rotated(nums: readonly number[], k: number): number[] {
  const shift = k % nums.length;
  return [...nums.slice(nums.length - shift), ...nums.slice(0, nums.length - shift)];
}

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

const test = (nums: number[], k: number): FunctionCase => ({ args: [nums, k], expected: rotated(nums, k) });

export const rotateArrayProblem = functionProblem({
  slug: "rotate-array",
  title: "Rotate Array",
  difficulty: "medium",
  tags: ["array", "math", "two-pointers"],
  limits: { timeMs: 2000, memoryKb: 256 * MIB_IN_KB },
  signature: {
    kind: "function",
    name: "rotate",
    params: [
      { name: "nums", type: "integer[]" },
      { name: "k", type: "integer" },
    ],
    returns: "void",
    // LeetCode checks nums after the call: "Do not return anything, modify nums in-place instead."
    output: { paramIndex: 0 },
  },
  statement: `Given an integer array \`nums\`, rotate it to the right by \`k\` steps, where \`k\` is
non-negative. Modify \`nums\` in place; return nothing.

**Example 1**

    Input: nums = [1,2,3,4,5,6,7], k = 3
    Output: [5,6,7,1,2,3,4]
    Explanation:
    rotate 1 step to the right: [7,1,2,3,4,5,6]
    rotate 2 steps to the right: [6,7,1,2,3,4,5]
    rotate 3 steps to the right: [5,6,7,1,2,3,4]

**Example 2**

    Input: nums = [-1,-100,3,99], k = 2
    Output: [3,99,-1,-100]
    Explanation:
    rotate 1 step to the right: [99,-1,-100,3]
    rotate 2 steps to the right: [3,99,-1,-100]

**Constraints**

- $1 \\le$ \`nums.length\` $\\le 10^5$
- $-2^{31} \\le$ \`nums[i]\` $\\le 2^{31} - 1$
- $0 \\le$ \`k\` $\\le 10^5$

*Follow-up:* can you do it in place with $O(1)$ extra space?
`,
  examples: [test([1, 2, 3, 4, 5, 6, 7], 3), test([-1, -100, 3, 99], 2)],
  hidden() {
    const prng = new Prng(0x70a7e);
    const tests: FunctionCase[] = [
      test([1], 0),
      test([1], 100_000),
      test([1, 2], 1),
      test([1, 2], 2),
      test([1, 2], 3),
      test([1, 2, 3], 0),
      test([1, 2, 3, 4, 5, 6], 6),
      test([1, 2, 3, 4, 5, 6], 4),
      test([INT_MIN, INT_MAX, 0], 1),
      test([INT_MAX, INT_MAX, INT_MIN, INT_MIN], 5),
      test([1, 2, 3, 4, 5, 6, 7, 8, 9], 99_999),
      test([7, 7, 7, 7], 3),
      test([1, 2, 3, 4, 5, 6, 7], 7),
      test([1, 2, 3, 4, 5, 6, 7], 8),
      test([0, -1], 100_000),
    ];
    for (let k = 0; k < 8; k++) {
      const n = prng.int(1, 20);
      tests.push(test(prng.ints(n, -100, 100), prng.int(0, 3 * n)));
    }
    for (let k = 0; k < 6; k++) tests.push(test(prng.ints(prng.int(100, 1000), INT_MIN, INT_MAX), prng.int(0, 100_000)));
    // A shift sharing a large factor with n: cyclic-replacement solutions must cover every cycle.
    tests.push(test(prng.ints(1200, -1000, 1000), 900));
    tests.push(test(prng.ints(5000, -1000, 1000), 100_000));
    tests.push(test(prng.ints(5000, -1000, 1000), 4999));
    return tests;
  },
  references: {
    python: `class Solution:
    def rotate(self, nums: List[int], k: int) -> None:
        """
        Do not return anything, modify nums in-place instead.
        """
        k %= len(nums)
        nums[:] = nums[len(nums) - k:] + nums[:len(nums) - k]
`,
    cpp: `class Solution {
public:
    void rotate(vector<int>& nums, int k) {
        k %= nums.size();
        reverse(nums.begin(), nums.end());
        reverse(nums.begin(), nums.begin() + k);
        reverse(nums.begin() + k, nums.end());
    }
};
`,
    java: `class Solution {
    public void rotate(int[] nums, int k) {
        k %= nums.length;
        reverse(nums, 0, nums.length - 1);
        reverse(nums, 0, k - 1);
        reverse(nums, k, nums.length - 1);
    }

    private void reverse(int[] nums, int i, int j) {
        for (; i < j; i++, j--) {
            int t = nums[i];
            nums[i] = nums[j];
            nums[j] = t;
        }
    }
}
`,
  },
});
