import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { createLogger } from "@judge/config";
import type { JudgeResult } from "@judge/protocol";
import type { RecordedResult } from "../src/results/record-result.ts";
import { storeDeliveredResult } from "../src/results/result-consumer.ts";

const result: JudgeResult = {
  v: 1,
  submissionId: "s1",
  verdict: "AC",
  passed: 1,
  total: 1,
  timeMs: 3,
  memoryKb: 700,
  compileOutput: null,
  tests: [{ index: 1, verdict: "AC", timeMs: 3, memoryKb: 700 }],
  judgedAt: "2025-01-01T00:00:01.000Z",
  workerId: "w1",
  judging: 1,
};
const row: RecordedResult = { createdAt: new Date("2025-01-01T00:00:00.000Z"), userId: "u1" };

/** A store that answers as the guard would, and remembers what it was asked. */
function store(answer: () => Promise<RecordedResult | null>) {
  const recorded: JudgeResult[] = [];
  const heard: [JudgeResult, RecordedResult][] = [];
  const deps = {
    record: (r: JudgeResult) => (recorded.push(r), answer()),
    logger: createLogger("test", "silent"),
    onRecorded: (r: JudgeResult, stored: RecordedResult) => void heard.push([r, stored]),
  };
  return { deps, recorded, heard };
}

describe("storeDeliveredResult", () => {
  test("a result the guard stores is told to onRecorded, with the stored row", async () => {
    const { deps, recorded, heard } = store(async () => row);
    await storeDeliveredResult(structuredClone(result), "s1-r1", deps);
    assert.deepEqual(recorded, [result]);
    assert.deepEqual(heard, [[result, row]]);
  });

  test("a result the guard turns away (a duplicate, an earlier judging) is not told to anyone", async () => {
    const { deps, recorded, heard } = store(async () => null);
    await storeDeliveredResult(result, "s1-r1", deps);
    assert.equal(recorded.length, 1);
    assert.deepEqual(heard, []);
  });

  test("a malformed result is dropped without an error: a retry would read the same bytes", async () => {
    const { deps, recorded, heard } = store(async () => row);
    for (const junk of [null, "s1", { ...result, verdict: "OK" }, { ...result, v: 2 }, { ...result, submissionId: "a b" }]) {
      await storeDeliveredResult(junk, "j", deps);
    }
    assert.deepEqual(recorded, []);
    assert.deepEqual(heard, []);
  });

  test("a failure to store is thrown, so that BullMQ retries the delivery", async () => {
    const { deps, heard } = store(async () => {
      throw new Error("connection refused");
    });
    await assert.rejects(storeDeliveredResult(result, "s1-r1", deps), /connection refused/);
    assert.deepEqual(heard, []);
  });

  test("without a listener a stored result is still stored", async () => {
    const { deps, recorded } = store(async () => row);
    await storeDeliveredResult(result, "s1-r1", { ...deps, onRecorded: undefined });
    assert.equal(recorded.length, 1);
  });
});
