import assert from "node:assert/strict";
import { test } from "vitest";
import { formatScore } from "../src/ui/format.ts";

test("a score shows as X / Y, rounded to hundredths; no score, nothing to show", () => {
  assert.equal(formatScore({ score: 30, maxScore: 100 }), "30 / 100");
  assert.equal(formatScore({ score: 100 / 3, maxScore: 100 }), "33.33 / 100");
  assert.equal(formatScore({ score: 0, maxScore: null }), "0");
  assert.equal(formatScore({ score: null, maxScore: 100 }), null);
  assert.equal(formatScore({}), null);
});
