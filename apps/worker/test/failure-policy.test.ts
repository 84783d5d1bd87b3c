import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { SandboxError } from "../src/sandbox/errors.ts";
import { BundleFetchError } from "../src/test-bundle-cache.ts";
import {
  MalformedJobError,
  attemptFailures,
  decideAfterError,
  decideAfterFailure,
  failureOf,
  isLastAttempt,
  reasonOf,
  type AfterFailure,
  type AttemptFailure,
} from "../src/jobs/failure-policy.ts";

/** BullMQ's counters as a job carries them: `attemptsMade` attempts are over, this one is running. */
const job = (attemptsMade: number, attempts?: number) => ({ attemptsMade, opts: attempts === undefined ? {} : { attempts } });

describe("decideAfterFailure", () => {
  const table: [AttemptFailure, ReturnType<typeof job>, AfterFailure, string][] = [
    ["judge-error", job(0), "end-as-IE", "a job added without attempts has one, and this is it"],
    ["judge-error", job(0, 1), "end-as-IE", "one attempt in all"],
    ["judge-error", job(0, 3), "retry", "first of three"],
    ["judge-error", job(1, 3), "retry", "second of three"],
    ["judge-error", job(2, 3), "end-as-IE", "third of three"],
    ["judge-error", job(3, 3), "end-as-IE", "past the last (a failed job retried by hand): never retried forever"],
    ["malformed-job", job(0, 3), "drop", "attempts left, but the payload will not change"],
    ["malformed-job", job(2, 3), "drop", "the last attempt"],
    ["malformed-job", job(0), "drop", "the only attempt"],
  ];
  test.each(table)("%s with %o: %s (%s)", (failure, counts, expected) => {
    assert.equal(decideAfterFailure(failure, counts), expected);
  });

  test("on its last attempt no failure is retried: the job ends with an answer or is dropped", () => {
    for (const failure of attemptFailures) {
      for (const [made, attempts] of [[0, undefined], [0, 1], [4, 5], [9, 5]] as const) {
        assert.notEqual(decideAfterFailure(failure, job(made, attempts)), "retry", `${failure} ${made}/${attempts}`);
      }
    }
  });

  test("only a judge error may end as IE: a malformed job has no submission to give it to", () => {
    for (const failure of attemptFailures) {
      const last = decideAfterFailure(failure, job(0, 1));
      assert.equal(last === "end-as-IE", failure === "judge-error", failure);
    }
  });
});

describe("failureOf: the kind of failure by the error's code", () => {
  test("a malformed job is the only failure that is not a judge error", () => {
    assert.equal(failureOf(new MalformedJobError("bad")), "malformed-job");
    assert.equal(failureOf(new SandboxError("cgroup gone")), "judge-error");
    assert.equal(failureOf(new BundleFetchError("503")), "judge-error");
  });

  test("anything without a known code is a judge error (retried, then IE)", () => {
    assert.equal(failureOf(new TypeError("x is not a function")), "judge-error");
    assert.equal(failureOf(Object.assign(new Error("refused"), { code: "ECONNREFUSED" })), "judge-error");
    assert.equal(failureOf({ code: "MALFORMED_JOB" }), "malformed-job");
    assert.equal(failureOf("thrown string"), "judge-error");
    assert.equal(failureOf(null), "judge-error");
  });

  test("decideAfterError applies the table to the error's kind", () => {
    assert.equal(decideAfterError(new SandboxError("x"), job(0, 3)), "retry");
    assert.equal(decideAfterError(new SandboxError("x"), job(2, 3)), "end-as-IE");
    assert.equal(decideAfterError(new MalformedJobError("x"), job(0, 3)), "drop");
  });
});

describe("isLastAttempt", () => {
  test("attemptsMade counts the attempts already over", () => {
    assert.deepEqual(
      [0, 1, 2, 3].map((made) => isLastAttempt(job(made, 3))),
      [false, false, true, true],
    );
    assert.equal(isLastAttempt(job(0)), true);
  });
});

describe("reasonOf", () => {
  test("says it is the judge's fault and what went wrong, whatever was thrown", () => {
    assert.equal(reasonOf(new Error("sandbox crashed")), "internal error: sandbox crashed");
    assert.equal(reasonOf("ECONNREFUSED"), "internal error: ECONNREFUSED");
    assert.equal(reasonOf(undefined), "internal error: undefined");
    assert.equal(reasonOf(Object.assign(new TypeError("x is not a function"), { code: "E" })), "internal error: x is not a function");
  });

  test("is cut to 2000 characters, like any output shown with a verdict", () => {
    const reason = reasonOf(new Error("y".repeat(10_000)));
    assert.equal(reason.length, 2000);
    assert.ok(reason.startsWith("internal error: yyy"));
  });
});
