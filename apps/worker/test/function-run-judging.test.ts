import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import type { FunctionSignature } from "@judge/protocol";
import type { Judge } from "../src/judge/index.ts";
import { createTestJudge } from "./judge-fixtures.ts";
import { functionBundle } from "./function-fixtures/bundles.ts";
import { type RunJobHarness, startRunJobHarness } from "./run-job-harness.ts";

/**
 * The Run button's job for a function problem, through the real glue: the bundle fetched from an
 * HTTP endpoint standing in for the API's internal one, the live state in Redis (a prefix of its
 * own), the real Judge. The verdict step carries every case and the count that matched.
 */
const signature: FunctionSignature = { kind: "function", name: "square", params: [{ name: "n", type: "integer" }], returns: "long" };
const bundle = {
  ...functionBundle(signature, [["3", "9"]], {
    references: [{ language: "python", code: "class Solution:\n    def square(self, n: int) -> int:\n        return n * n\n" }],
  }),
  hash: "c".repeat(64),
};

let judge: Judge;
let runs: RunJobHarness;
beforeAll(async () => {
  judge = await createTestJudge({ only: ["python"] });
  runs = await startRunJobHarness(judge, { "p-square": bundle });
});
afterAll(async () => {
  await runs?.close();
  await judge?.close();
});

test("a function problem's run publishes every case with the reference's answers and how many matched", async () => {
  const view = await runs.run(
    {
      language: "python",
      // Wrong past 2^31: an int32 overflow, as a Java solution would have.
      code: "class Solution:\n    def square(self, n: int) -> int:\n        print('n =', n)\n        return (n * n + 2**31) % 2**32 - 2**31\n",
      input: "3\n-4\n65536",
      limits: bundle.limits,
      function: { problemId: "p-square", testsHash: bundle.hash },
    },
    "square",
  );
  assert.equal(view?.verdict, "WA", JSON.stringify(view));
  assert.equal(view?.passed, 2);
  assert.equal(view?.total, 3);
  assert.deepEqual(
    view?.output?.cases?.map((c) => [c.input, c.output, c.expected, c.stdout, c.verdict]),
    [
      ["3", "9", "9", "n = 3\n", "AC"],
      ["-4", "16", "16", "n = -4\n", "AC"],
      ["65536", "0", "4294967296", "n = 65536\n", "WA"],
    ],
  );
});
