import assert from "node:assert/strict";
import { test } from "vitest";
import { calibratedTimeLimitMs, meetsExpectation, scoreWarning, verdictsMeeting } from "../src/index.ts";

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

test("a folder's expectation, as problemtools checks it: the verdict decides; a score short of the most (or at it) only warns", () => {
  assert.equal(meetsExpectation("accepted", "AC"), true);
  assert.equal(meetsExpectation("run_time_error", "MLE"), true, "Kattis counts a memory overrun as a run time error");
  assert.equal(meetsExpectation("wrong_answer", "TLE"), false);
  assert.equal(meetsExpectation("partially_accepted", "AC"), true);
  assert.equal(meetsExpectation("partially_accepted", "WA"), false);
  assert.equal(scoreWarning("accepted", { verdict: "AC", score: 100, maxScore: 100 }), null);
  assert.match(scoreWarning("accepted", { verdict: "AC", score: 30, maxScore: 100 }) ?? "", /partially_accepted/);
  assert.equal(scoreWarning("partially_accepted", { verdict: "AC", score: 30, maxScore: 100 }), null);
  assert.match(scoreWarning("partially_accepted", { verdict: "AC", score: 100, maxScore: 100 }) ?? "", /fully accepted/);
  assert.equal(scoreWarning("accepted", { verdict: "AC", score: null, maxScore: null }), null, "pass-fail: no score, nothing to say");
});
