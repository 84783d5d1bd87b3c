import assert from "node:assert/strict";
import { test } from "vitest";
import { calibratedTimeLimitMs, meetsExpectation, verdictsMeeting } from "../src/index.ts";

test("the calibrated limit: the slowest accepted time × the multiplier, rounded up to the resolution, within the judge's bounds", () => {
  const legacy = { acToTimeLimit: 5, resolutionMs: 1000 };
  assert.equal(calibratedTimeLimitMs(0, legacy), 1000, "at least one resolution step");
  assert.equal(calibratedTimeLimitMs(200, legacy), 1000);
  assert.equal(calibratedTimeLimitMs(201, legacy), 2000);
  assert.equal(calibratedTimeLimitMs(130, { acToTimeLimit: 2, resolutionMs: 100 }), 300);
  assert.equal(calibratedTimeLimitMs(0, { acToTimeLimit: 2, resolutionMs: 10 }), 100, "never under the judge's 100 ms");
  assert.equal(calibratedTimeLimitMs(9000, legacy), 20_000, "never over its 20 s");
  assert.deepEqual(verdictsMeeting.rejected.includes("AC"), false);
});

test("a folder's expectation: the verdict, and on a scoring problem the score (accepted scores the most, partially_accepted less)", () => {
  const passFail = { score: null, maxScore: null };
  assert.equal(meetsExpectation("accepted", { verdict: "AC", ...passFail }), true);
  assert.equal(meetsExpectation("run_time_error", { verdict: "MLE", ...passFail }), true, "Kattis counts a memory overrun as a run time error");
  assert.equal(meetsExpectation("wrong_answer", { verdict: "TLE", ...passFail }), false);
  assert.equal(meetsExpectation("partially_accepted", { verdict: "AC", ...passFail }), false, "no score, nothing partial");
  assert.equal(meetsExpectation("accepted", { verdict: "AC", score: 100, maxScore: 100 }), true);
  assert.equal(meetsExpectation("accepted", { verdict: "AC", score: 30, maxScore: 100 }), false);
  assert.equal(meetsExpectation("partially_accepted", { verdict: "AC", score: 30, maxScore: 100 }), true);
  assert.equal(meetsExpectation("partially_accepted", { verdict: "AC", score: 100, maxScore: 100 }), false);
  assert.equal(meetsExpectation("partially_accepted", { verdict: "WA", score: 0, maxScore: 100 }), false);
});
