import assert from "node:assert/strict";
import { test } from "vitest";
import { calibratedTimeLimitMs, verdictsMeeting } from "../src/index.ts";

test("the calibrated limit: the slowest accepted time × the multiplier, rounded up to the resolution, within the judge's bounds", () => {
  const legacy = { acToTimeLimit: 5, resolutionMs: 1000 };
  assert.equal(calibratedTimeLimitMs(0, legacy), 1000, "at least one resolution step");
  assert.equal(calibratedTimeLimitMs(200, legacy), 1000);
  assert.equal(calibratedTimeLimitMs(201, legacy), 2000);
  assert.equal(calibratedTimeLimitMs(130, { acToTimeLimit: 2, resolutionMs: 100 }), 300);
  assert.equal(calibratedTimeLimitMs(0, { acToTimeLimit: 2, resolutionMs: 10 }), 100, "never under the judge's 100 ms");
  assert.equal(calibratedTimeLimitMs(9000, legacy), 20_000, "never over its 20 s");
  assert.deepEqual(verdictsMeeting.rejected?.includes("AC"), false);
  assert.equal(verdictsMeeting.partially_accepted, null);
});
