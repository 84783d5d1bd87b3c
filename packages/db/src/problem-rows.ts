import type { ProblemInput } from "@judge/protocol";
import { hashTestBundle } from "./bundle.ts";

/**
 * A problem as the admin API and package imports give it, as the columns and test rows it is
 * stored in: samples first, then hidden tests, numbered from 1 (the order the judge runs them).
 */
export function problemRowsOf(input: ProblemInput) {
  const tests = [
    ...input.samples.map((t) => ({ ...t, sample: true })),
    ...input.tests.map((t) => ({ ...t, sample: false })),
  ].map((t, i) => ({ ...t, index: i + 1 }));
  return {
    fields: {
      title: input.title,
      difficulty: input.difficulty,
      tags: input.tags,
      statement: input.statement,
      timeLimitMs: input.limits.timeMs,
      memoryLimitKb: input.limits.memoryKb,
      checker: input.checker,
      published: input.published,
      // Workers cache test data by this hash: new tests, a new hash, a fresh download.
      testsHash: hashTestBundle(input.limits, input.checker, tests),
    },
    tests,
  };
}
