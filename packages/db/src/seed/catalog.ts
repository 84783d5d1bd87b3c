import { functionProblems } from "./function-problems/index.ts";
import type { ProblemDefinition } from "./problem-definition.ts";
import { aPlusB } from "./problems/a-plus-b.ts";
import { circleArea } from "./problems/circle-area.ts";
import { countInversionsProblem } from "./problems/count-inversions.ts";
import { fizzbuzz } from "./problems/fizzbuzz.ts";
import { maxSubarraySumProblem } from "./problems/max-subarray-sum.ts";
import { reverseString } from "./problems/reverse-string.ts";

export { functionProblems };

/** The sample problems `npm start` seeds, in the order a newcomer would try them: stdin first, then LeetCode style. */
export const sampleProblems: readonly ProblemDefinition[] = [
  aPlusB,
  reverseString,
  fizzbuzz,
  circleArea,
  maxSubarraySumProblem,
  countInversionsProblem,
  ...functionProblems,
];
