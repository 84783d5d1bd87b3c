import assert from "node:assert/strict";
import { test } from "vitest";
import { queuedView, type Status } from "@judge/protocol";
import { decideRecovery, type Recovery } from "../src/jobs/job-recovery.ts";

const live = (status: Status) => ({ view: { ...queuedView({ id: "s1", problem: "p", language: "c", createdAt: "" }), status } });

const table: [stalled: number, status: Status | null, kind: Recovery["kind"], why: string][] = [
  [0, null, "judge", "no live state (expired): judge, the result still reaches the database"],
  [0, "queued", "judge", "a first delivery"],
  [1, "running", "judge", "a worker died once mid-run: judge again"],
  [0, "done", "already-final", "a re-delivered job whose verdict is out"],
  [5, "done", "already-final", "a verdict out wins over the stall count: nothing is owed"],
  [2, "running", "give-up", "stalled as often as allowed: a poison pill"],
  [3, null, "give-up", "past the bound, without live state"],
];
test.each(table)("stalled %i times, live status %s: %s (%s)", (stalledCounter, status, kind) => {
  assert.equal(decideRecovery({ stalledCounter }, status === null ? null : live(status), 2).kind, kind);
});

test("giving up says how often the worker died, for the IE verdict's reason", () => {
  const recovery = decideRecovery({ stalledCounter: 4 }, live("running"), 2);
  assert.equal(recovery.kind, "give-up");
  assert.match(recovery.kind === "give-up" ? recovery.reason : "", /4 times/);
});
