import type { ProblemDefinition } from "../problem-definition.ts";
import { bestTimeToBuyAndSellStockProblem } from "./best-time-to-buy-and-sell-stock.ts";
import { groupAnagramsProblem } from "./group-anagrams.ts";
import { lruCacheProblem } from "./lru-cache.ts";
import { maximumDepthOfBinaryTreeProblem } from "./maximum-depth-of-binary-tree.ts";
import { medianOfTwoSortedArraysProblem } from "./median-of-two-sorted-arrays.ts";
import { mergeTwoSortedListsProblem } from "./merge-two-sorted-lists.ts";
import { rotateArrayProblem } from "./rotate-array.ts";
import { twoSumProblem } from "./two-sum.ts";
import { validParenthesesProblem } from "./valid-parentheses.ts";
import type { FunctionProblemSeed } from "./define.ts";

export { storedCase, type FunctionCase, type FunctionProblemSeed, type References } from "./define.ts";

/** The seeded LeetCode-style problems, in LeetCode's own order of their numbers. */
export const functionProblems: readonly (ProblemDefinition & { seed: FunctionProblemSeed })[] = [
  twoSumProblem,
  validParenthesesProblem,
  mergeTwoSortedListsProblem,
  maximumDepthOfBinaryTreeProblem,
  bestTimeToBuyAndSellStockProblem,
  groupAnagramsProblem,
  medianOfTwoSortedArraysProblem,
  rotateArrayProblem,
  lruCacheProblem,
];
