import assert from "node:assert/strict";
import { test } from "vitest";
import { JobTimings } from "../src/jobs/job-timings.ts";

/** A clock the test moves by hand. */
function manualClock(start = 1000) {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

test("compile and run phases leave out the time spent publishing steps inside them", async () => {
  const clock = manualClock();
  const timings = new JobTimings({ timestamp: 5_000, processedOn: 5_012 }, clock.now);
  clock.advance(3); // job setup: snapshot, test data
  timings.fetched();
  timings.compiling();
  await timings.publishing(Promise.resolve().then(() => clock.advance(2))); // "compiling" step
  clock.advance(100); // the compiler
  timings.running();
  await timings.publishing(Promise.resolve().then(() => clock.advance(1))); // "running 1"
  clock.advance(40); // test 1
  await timings.publishing(Promise.resolve().then(() => clock.advance(1))); // "test 1"
  timings.running(); // a later test does not restart the run phase
  clock.advance(40); // test 2
  timings.judged();
  await timings.resulting(Promise.resolve().then(() => clock.advance(4)));

  const t = timings.snapshot();
  assert.equal(t.queueMs, 12);
  assert.equal(t.takenAt, 5_012);
  assert.equal(t.fetchMs, 3);
  assert.equal(t.compileMs, 100);
  assert.equal(t.runMs, 80);
  assert.equal(t.publishMs, 4);
  assert.equal(t.resultMs, 4);
  assert.ok(Math.abs(t.publishedAt - Date.now()) < 60_000, "publishedAt is wall-clock epoch ms");
});

test("a job that never compiled or ran (an internal error) reports zeros, not negatives", () => {
  const clock = manualClock();
  const timings = new JobTimings({ timestamp: 5_000 }, clock.now);
  clock.advance(7);
  const t = timings.snapshot();
  assert.equal(t.queueMs, 0);
  assert.equal(t.compileMs, 0);
  assert.equal(t.runMs, 0);
  assert.equal(t.fetchMs, 0);
});
