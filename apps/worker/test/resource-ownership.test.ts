import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { test } from "vitest";
import { ownerState, ownerToken, processStartTime } from "../src/sandbox/box-owner.ts";
import { instanceOwnerState } from "../src/sandbox/stale-boxes.ts";
import { planEviction } from "../src/judge/cache-eviction.ts";

test("owner tokens: this process is live, an exited one is dead, a foreign pid namespace or garbage is unknown", async () => {
  assert.equal(ownerState(ownerToken()), "live");
  const child = spawn("/bin/sleep", ["1000"], { stdio: "ignore" });
  const start = processStartTime(child.pid!);
  const [namespace] = ownerToken().split(".");
  const token = `${namespace}.${child.pid}.${start}`;
  assert.equal(ownerState(token), "live");
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
  assert.equal(ownerState(token), "dead");
  // Same pid, another start time: the pid was reused, the owner is gone.
  assert.equal(ownerState(`${namespace}.${process.pid}.1`), "dead");
  assert.equal(ownerState(`1.${process.pid}.${processStartTime("self")}`), "unknown");
  assert.equal(ownerState("not-a-token"), "unknown");
  assert.equal(instanceOwnerState(`w${ownerToken()}-3`), "live");
  assert.equal(instanceOwnerState("probe"), "unknown");
});

test("eviction: least recently used first, down to the target, nothing while under the bound", () => {
  const entries = [
    { dir: "a", bytes: 40, usedAtMs: 3 },
    { dir: "b", bytes: 40, usedAtMs: 1 },
    { dir: "c", bytes: 40, usedAtMs: 2 },
  ];
  assert.deepEqual(planEviction(entries, 120, 100), { remove: [], keptBytes: 120 });
  assert.deepEqual(planEviction(entries, 100, 90), { remove: [entries[1]], keptBytes: 80 });
  assert.deepEqual(planEviction(entries, 100, 50), { remove: [entries[1], entries[2]], keptBytes: 40 });
  assert.deepEqual(planEviction(entries, 110, 80), { remove: [entries[1]], keptBytes: 80 });
});
