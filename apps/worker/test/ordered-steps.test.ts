import assert from "node:assert/strict";
import { test } from "vitest";
import type { Step } from "@judge/protocol";
import { OrderedSteps } from "../src/ordered-steps.ts";

const running = (test: number): Step => ({ kind: "status", status: "running", test, total: 3 });

test("steps are applied one after another in push order while push itself does not wait", async () => {
  const applied: number[] = [];
  const releases: (() => void)[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const steps = new OrderedSteps(async (step) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise<void>((resolve) => releases.push(resolve));
    inFlight--;
    if (step.kind === "status") applied.push(step.test ?? 0);
  });
  // All three pushes return before any publish has finished.
  await Promise.all([steps.push(running(1)), steps.push(running(2)), steps.push(running(3))]);
  assert.deepEqual(applied, []);
  const drained = steps.drain();
  for (let i = 0; i < 3; i++) {
    while (releases.length === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    releases.shift()!();
  }
  await drained;
  assert.deepEqual(applied, [1, 2, 3]);
  assert.equal(maxInFlight, 1);
});

test("drain rethrows the first failure and later steps are not sent", async () => {
  const sent: number[] = [];
  const steps = new OrderedSteps(async (step) => {
    const n = step.kind === "status" ? (step.test ?? 0) : 0;
    sent.push(n);
    if (n === 2) throw new Error("redis said no");
  });
  await steps.push(running(1));
  await steps.push(running(2));
  await steps.push(running(3));
  await assert.rejects(steps.drain(), /redis said no/);
  assert.deepEqual(sent, [1, 2]);
});
