import assert from "node:assert/strict";
import { describe, it } from "vitest";
import { ApiError } from "../src/api/ApiError.ts";
import { sendIdempotent } from "../src/api/idempotent.ts";

const noSleep = () => Promise.resolve();

describe("sendIdempotent", () => {
  it("sends every retry of one intent with the same key, and the next intent with a new one", async () => {
    const keys: string[] = [];
    let failures = 2;
    const request = (key: string) => {
      keys.push(key);
      if (failures-- > 0) return Promise.reject(new ApiError(0, "NETWORK", "dropped"));
      return Promise.resolve(key);
    };
    const first = await sendIdempotent(request, { sleep: noSleep });
    assert.equal(keys.length, 3);
    assert.equal(new Set(keys).size, 1, "one key for the three attempts");
    assert.equal(first, keys[0]);
    const second = await sendIdempotent(request, { sleep: noSleep });
    assert.notEqual(second, first, "a new intent, a new key");
  });

  it("retries only what may not have been served, a bounded number of times, backing off", async () => {
    const delays: number[] = [];
    const sleep = (ms: number) => {
      delays.push(ms);
      return Promise.resolve();
    };
    let calls = 0;
    await assert.rejects(
      sendIdempotent(() => {
        calls++;
        return Promise.reject(new ApiError(503, "UNAVAILABLE", "down"));
      }, { sleep, attempts: 3, baseDelayMs: 100 }),
      (error: unknown) => error instanceof ApiError && error.code === "UNAVAILABLE",
    );
    assert.equal(calls, 3);
    assert.deepEqual(delays, [100, 200]);

    calls = 0;
    await assert.rejects(
      sendIdempotent(() => {
        calls++;
        return Promise.reject(new ApiError(400, "VALIDATION", "bad"));
      }, { sleep }),
    );
    assert.equal(calls, 1, "a refused request is final");
  });
});
