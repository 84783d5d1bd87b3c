import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { Judge } from "../src/judge/index.ts";
import { bundle, createTestJudge, judgeOnce, verdictSuite } from "./judge-fixtures.ts";

let judge: Judge;
beforeAll(async () => {
  judge = await createTestJudge({ only: ["javascript"] });
});
afterAll(async () => {
  await judge.close();
});

const read = 'const [a, b] = require("fs").readFileSync(0, "utf8").trim().split(/\\s+/).map(Number);\n';

describe("javascript verdicts", () => {
  verdictSuite(() => judge, "javascript", {
    ac: `${read}console.log(a + b);\n`,
    wa: `${read}console.log(a - b);\n`,
    tle: "for (;;) {}\n",
    re: `${read}throw new Error("boom");\n`,
    // Plain heap objects: V8 reaches the heap size it was given and aborts, reported as MLE.
    mle: "const keep = [];\nfor (;;) keep.push(new Array(1 << 20).fill(1.5));\n",
  });
});

test("javascript: an off-heap 512 MiB buffer is MLE too (the cgroup, not V8, stops it)", async () => {
  const outcome = await judgeOnce(judge, "javascript", "const b = Buffer.alloc(512 << 20, 1);\nconsole.log(b.length);\n", bundle([["", ""]], { memoryKb: 64 * 1024 }));
  assert.equal(outcome.verdict, "MLE", JSON.stringify(outcome));
});

test("javascript: V8 is not killed for reserving address space under a small limit", async () => {
  const outcome = await judgeOnce(judge, "javascript", `${read}console.log(a + b);\n`, bundle([["1 2", "3"]], { memoryKb: 32 * 1024 }));
  assert.equal(outcome.verdict, "AC", JSON.stringify(outcome));
});
