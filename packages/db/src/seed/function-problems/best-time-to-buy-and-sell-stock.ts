import { Prng } from "../prng.ts";
import { MIB_IN_KB } from "../problem-definition.ts";
import { type FunctionCase, functionProblem } from "./define.ts";

export function maxProfit(prices: readonly number[]): number {
  let low = Infinity;
  let best = 0;
  for (const p of prices) {
    low = Math.min(low, p);
    best = Math.max(best, p - low);
  }
  return best;
}

const test = (prices: number[]): FunctionCase => ({ args: [prices], expected: maxProfit(prices) });

export const bestTimeToBuyAndSellStockProblem = functionProblem({
  slug: "best-time-to-buy-and-sell-stock",
  title: "Best Time to Buy and Sell Stock",
  difficulty: "easy",
  tags: ["array", "dynamic-programming"],
  limits: { timeMs: 2000, memoryKb: 256 * MIB_IN_KB },
  signature: { kind: "function", name: "maxProfit", params: [{ name: "prices", type: "integer[]" }], returns: "integer" },
  statement: `You are given an array \`prices\` where \`prices[i]\` is the price of a stock on day \`i\`.

Choose one day to buy one share and a later day to sell it. Return the largest profit this can
make; if no profit is possible, return \`0\`.

**Example 1**

    Input: prices = [7,1,5,3,6,4]
    Output: 5
    Explanation: buy on day 1 (price 1), sell on day 4 (price 6): 6 - 1 = 5.
    Buying on day 1 and selling on day 0 is not allowed: you must buy before you sell.

**Example 2**

    Input: prices = [7,6,4,3,1]
    Output: 0
    Explanation: prices only fall, so no trade makes a profit.

**Constraints**

- $1 \\le$ \`prices.length\` $\\le 10^5$
- $0 \\le$ \`prices[i]\` $\\le 10^4$
`,
  examples: [test([7, 1, 5, 3, 6, 4]), test([7, 6, 4, 3, 1])],
  hidden() {
    const prng = new Prng(0x57c4);
    const tests: FunctionCase[] = [
      test([5]),
      test([0]),
      test([10_000]),
      test([1, 2]),
      test([2, 1]),
      test([3, 3, 3]),
      test([0, 10_000]),
      test([10_000, 0]),
      test([2, 4, 1]),
      test([3, 2, 6, 5, 0, 3]),
      test([2, 1, 2, 1, 0, 1, 2]),
      test(Array.from({ length: 2000 }, (_, i) => 2000 - i)),
      test(Array.from({ length: 2000 }, (_, i) => i * 5)),
    ];
    for (let k = 0; k < 8; k++) tests.push(test(prng.ints(prng.int(1, 20), 0, 20)));
    for (let k = 0; k < 6; k++) tests.push(test(prng.ints(prng.int(100, 1000), 0, 10_000)));
    // The minimum after the maximum: a greedy that tracks the global extremes fails.
    tests.push(test([...prng.ints(500, 5000, 6000), 10_000, ...prng.ints(500, 100, 200), 0, 4000]));
    tests.push(test(prng.ints(20_000, 0, 10_000)));
    tests.push(test(prng.ints(20_000, 9_990, 10_000)));
    return tests;
  },
  references: {
    python: `class Solution:
    def maxProfit(self, prices: List[int]) -> int:
        low, best = float("inf"), 0
        for p in prices:
            low = min(low, p)
            best = max(best, p - low)
        return best
`,
    cpp: `class Solution {
public:
    int maxProfit(vector<int>& prices) {
        int low = INT_MAX, best = 0;
        for (int p : prices) {
            low = min(low, p);
            best = max(best, p - low);
        }
        return best;
    }
};
`,
    java: `class Solution {
    public int maxProfit(int[] prices) {
        int low = Integer.MAX_VALUE, best = 0;
        for (int p : prices) {
            low = Math.min(low, p);
            best = Math.max(best, p - low);
        }
        return best;
    }
}
`,
  },
});
