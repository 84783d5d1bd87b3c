import { Prng } from "../prng.ts";
import { MIB_IN_KB } from "../problem-definition.ts";
import { type FunctionCase, functionProblem } from "./define.ts";

/** The one pair (i < j) that sums to target, by a hash map of values seen. */
export function twoSum(nums: readonly number[], target: number): number[] {
  const seen = new Map<number, number>();
  for (const [j, v] of nums.entries()) {
    const i = seen.get(target - v);
    if (i !== undefined) return [i, j];
    if (!seen.has(v)) seen.set(v, j);
  }
  throw new Error("no pair");
}

function pairsSumming(nums: readonly number[], target: number): number {
  const count = new Map<number, number>();
  let pairs = 0;
  for (const v of nums) {
    pairs += count.get(target - v) ?? 0;
    count.set(v, (count.get(v) ?? 0) + 1);
  }
  return pairs;
}

const LIMIT = 1_000_000_000;

/** nums of length n in [lo, hi] with exactly one pair summing to a target inside ±10^9 (LeetCode's promise). */
function generate(prng: Prng, n: number, lo: number, hi: number): FunctionCase {
  for (;;) {
    const nums = prng.ints(n, lo, hi);
    const i = prng.int(0, n - 2);
    const j = prng.int(i + 1, n - 1);
    const target = nums[i]! + nums[j]!;
    if (Math.abs(target) > LIMIT || pairsSumming(nums, target) !== 1) continue;
    return { args: [nums, target], expected: twoSum(nums, target) };
  }
}

const fixed = (nums: number[], target: number): FunctionCase => ({ args: [nums, target], expected: twoSum(nums, target) });

export const twoSumProblem = functionProblem({
  slug: "two-sum",
  title: "Two Sum",
  difficulty: "easy",
  tags: ["array", "hash-table"],
  limits: { timeMs: 2000, memoryKb: 256 * MIB_IN_KB },
  signature: {
    kind: "function",
    name: "twoSum",
    params: [
      { name: "nums", type: "integer[]" },
      { name: "target", type: "integer" },
    ],
    returns: "integer[]",
  },
  // LeetCode: "You can return the answer in any order."
  comparison: { anyOrder: 1 },
  statement: `Given an array of integers \`nums\` and an integer \`target\`, return the indices of the two
numbers that add up to \`target\`.

Each input has exactly one solution, and the same element may not be used twice. The answer
may be returned in any order.

**Example 1**

    Input: nums = [2,7,11,15], target = 9
    Output: [0,1]
    Explanation: nums[0] + nums[1] == 9, so we return [0, 1].

**Example 2**

    Input: nums = [3,2,4], target = 6
    Output: [1,2]

**Example 3**

    Input: nums = [3,3], target = 6
    Output: [0,1]

**Constraints**

- $2 \\le$ \`nums.length\` $\\le 10^4$
- $-10^9 \\le$ \`nums[i]\` $\\le 10^9$
- $-10^9 \\le$ \`target\` $\\le 10^9$
- Exactly one valid answer exists.

*Follow-up:* can you do better than $O(n^2)$ time?
`,
  examples: [fixed([2, 7, 11, 15], 9), fixed([3, 2, 4], 6), fixed([3, 3], 6)],
  hidden() {
    const prng = new Prng(0x2501);
    const tests: FunctionCase[] = [
      fixed([1, 2], 3),
      fixed([-1, -2], -3),
      fixed([0, 0], 0),
      fixed([0, 4, 3, 0], 0),
      fixed([-3, 4, 3, 90], 0),
      fixed([1_000_000_000, -1_000_000_000], 0),
      fixed([500_000_000, 500_000_000], 1_000_000_000),
      fixed([-500_000_000, 7, -500_000_000], -1_000_000_000),
      fixed([5, 75, 25], 100),
      fixed([2, 5, 5, 11], 10),
    ];
    for (let k = 0; k < 8; k++) tests.push(generate(prng, prng.int(2, 10), -10, 10));
    for (let k = 0; k < 8; k++) tests.push(generate(prng, prng.int(10, 200), -LIMIT, LIMIT));
    for (let k = 0; k < 4; k++) tests.push(generate(prng, prng.int(500, 2000), -LIMIT, LIMIT));
    // The pair at the very end, past every other value: a quadratic scan's worst case.
    const far = Array.from({ length: 3000 }, (_, i) => i * 2 + 1);
    far.push(100_000, 200_000);
    tests.push(fixed(far, 300_000));
    return tests;
  },
  references: {
    python: `class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        seen = {}
        for j, v in enumerate(nums):
            if target - v in seen:
                return [seen[target - v], j]
            seen.setdefault(v, j)
        return []
`,
    cpp: `class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        unordered_map<int, int> seen;
        for (int j = 0; j < (int)nums.size(); j++) {
            auto it = seen.find(target - nums[j]);
            if (it != seen.end()) return {it->second, j};
            seen.emplace(nums[j], j);
        }
        return {};
    }
};
`,
    java: `class Solution {
    public int[] twoSum(int[] nums, int target) {
        Map<Integer, Integer> seen = new HashMap<>();
        for (int j = 0; j < nums.length; j++) {
            Integer i = seen.get(target - nums[j]);
            if (i != null) return new int[] {i, j};
            seen.putIfAbsent(nums[j], j);
        }
        return new int[0];
    }
}
`,
  },
});
