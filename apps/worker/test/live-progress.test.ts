import assert from "node:assert/strict";
import { test } from "vitest";
import type { LiveState } from "@judge/live-state";
import { queuedView, type Step, type SubmissionView } from "@judge/protocol";
import { liveProgressFrom, openLiveProgress } from "../src/live-progress.ts";

/** The live state's two calls the progress makes, recorded in memory. */
function recordingLive(start: SubmissionView | null) {
  const appended: { id: string; step: Step; view: SubmissionView }[] = [];
  const live = {
    snapshot: async () => (start ? { ownerId: "u1", seq: 0, view: start } : null),
    append: async (id: string, step: Step, view: SubmissionView) => appended.push({ id, step, view }),
  } as unknown as LiveState;
  return { live, appended };
}

const queued = queuedView({ id: "s1", problem: "p", language: "c", createdAt: "2025-01-01T00:00:00.000Z" });

test("each step is appended with the view it leads to, built on the view before it", async () => {
  const { live, appended } = recordingLive(queued);
  const progress = await openLiveProgress(live, "s1");
  await progress.publish({ kind: "status", status: "running", test: 1, total: 2 });
  await progress.publish({ kind: "test", result: { index: 1, verdict: "AC", timeMs: 5, memoryKb: 100 }, total: 2 });
  assert.deepEqual(
    appended.map((a) => [a.id, a.step.kind, a.view.status, a.view.total, a.view.tests.length]),
    [
      ["s1", "status", "running", 2, 0],
      ["s1", "test", "running", 2, 1],
    ],
  );
  assert.equal(appended[1]!.view.currentTest, 1, "the second view keeps what the first step set");
});

test("without live state (expired or never made) nothing is appended and nothing fails", async () => {
  const { live, appended } = recordingLive(null);
  const progress = await openLiveProgress(live, "s1");
  await progress.publish({ kind: "status", status: "compiling" });
  assert.deepEqual(appended, []);
  await liveProgressFrom(live, "s1", null).publish({ kind: "status", status: "compiling" });
  assert.deepEqual(appended, []);
});
