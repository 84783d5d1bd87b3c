import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { Credentials, ErrorBody, ErrorCode, MAX_CODE_BYTES, MAX_RUN_INPUT_BYTES, ProblemInput, RunCreate, SubmissionCreate, httpStatusOf } from "../src/index.ts";

describe("error catalog", () => {
  test("the statuses the design names for each code", () => {
    // From DESIGN.md "Public HTTP API": the code picks the status.
    assert.equal(httpStatusOf.VALIDATION, 400);
    assert.equal(httpStatusOf.UNAUTHORIZED, 401);
    assert.equal(httpStatusOf.FORBIDDEN, 403);
    assert.equal(httpStatusOf.NOT_FOUND, 404);
    assert.equal(httpStatusOf.RATE_LIMITED, 429);
    assert.equal(httpStatusOf.PAYLOAD_TOO_LARGE, 413);
    assert.equal(httpStatusOf.UNAVAILABLE, 503);
    assert.equal(httpStatusOf.INTERNAL, 500);
  });

  test("only the judge's own failures are 5xx; every other code is the client's 4xx", () => {
    for (const code of ErrorCode.options) {
      const serverSide = code === "INTERNAL" || code === "UNAVAILABLE";
      const status = httpStatusOf[code];
      assert.ok(serverSide ? status >= 500 && status < 600 : status >= 400 && status < 500, `${code} → ${status}`);
    }
  });

  test("an error body names a code from the catalog and a message; details are free", () => {
    assert.equal(ErrorBody.safeParse({ error: { code: "CONFLICT", message: "in progress" } }).success, true);
    assert.equal(ErrorBody.safeParse({ error: { code: "VALIDATION", message: "bad", details: [{ path: ["code"] }] } }).success, true);
    assert.equal(ErrorBody.safeParse({ error: { code: "TEAPOT", message: "?" } }).success, false);
    assert.equal(ErrorBody.safeParse({ error: { code: "INTERNAL" } }).success, false);
    assert.equal(ErrorBody.safeParse({ code: "INTERNAL", message: "flat" }).success, false);
  });
});

describe("Credentials", () => {
  test("usernames of 3 to 32 letters, digits, '_', '.', '-' and passwords of 8 to 200 characters", () => {
    assert.equal(Credentials.safeParse({ username: "ann", password: "12345678" }).success, true);
    assert.equal(Credentials.safeParse({ username: "a.b-c_D9", password: "p".repeat(200) }).success, true);
    assert.equal(Credentials.safeParse({ username: "u".repeat(32), password: "12345678" }).success, true);
  });

  test.each([
    ["a 2-character username", { username: "an", password: "12345678" }],
    ["a 33-character username", { username: "u".repeat(33), password: "12345678" }],
    ["a username with a space", { username: "ann lee", password: "12345678" }],
    ["a username with a non-ASCII letter", { username: "zoë", password: "12345678" }],
    ["a 7-character password", { username: "ann", password: "1234567" }],
    ["a 201-character password", { username: "ann", password: "p".repeat(201) }],
    ["a numeric password", { username: "ann", password: 12345678 }],
    ["no password", { username: "ann" }],
  ])("refuses %s", (_what, body) => {
    assert.equal(Credentials.safeParse(body).success, false);
  });
});

describe("SubmissionCreate and RunCreate", () => {
  const submission = { problem: "a-plus-b", language: "python", code: "print(sum(map(int, input().split())))" };

  test("a submission names a problem slug, a known language and non-empty code", () => {
    assert.deepEqual(SubmissionCreate.parse(submission), submission);
  });

  test.each([
    ["empty code", { code: "" }],
    ["code one byte over the bound", { code: "x".repeat(MAX_CODE_BYTES + 1) }],
    ["a slug with capitals", { problem: "A-plus-b" }],
    ["a slug with a double dash", { problem: "a--b" }],
    ["a slug that ends with a dash", { problem: "a-" }],
    ["a language the judge does not know", { language: "python2" }],
    ["no problem", { problem: undefined }],
  ])("a submission with %s is refused", (_what, change) => {
    assert.equal(SubmissionCreate.safeParse({ ...submission, ...change }).success, false);
  });

  test("the code bound is in bytes and says what it is", () => {
    assert.equal(SubmissionCreate.safeParse({ ...submission, code: "x".repeat(MAX_CODE_BYTES) }).success, true);
    const over = SubmissionCreate.safeParse({ ...submission, code: "é".repeat(MAX_CODE_BYTES / 2 + 1) });
    assert.equal(over.success, false);
    assert.match(over.error!.issues[0]!.message, new RegExp(String(MAX_CODE_BYTES)));
  });

  test("a run needs no problem, may have empty input, and its input is bounded in bytes", () => {
    const run = { language: "python", code: "print(input())", input: "" };
    assert.deepEqual(RunCreate.parse(run), run);
    assert.equal(RunCreate.safeParse({ ...run, problem: "a-plus-b" }).success, true);
    assert.equal(RunCreate.safeParse({ ...run, input: "x".repeat(MAX_RUN_INPUT_BYTES) }).success, true);
    assert.equal(RunCreate.safeParse({ ...run, input: "x".repeat(MAX_RUN_INPUT_BYTES + 1) }).success, false);
    assert.equal(RunCreate.safeParse({ ...run, input: undefined }).success, false);
    assert.equal(RunCreate.safeParse({ ...run, code: "" }).success, false);
  });
});

describe("ProblemInput", () => {
  const problem = {
    slug: "a-plus-b",
    title: "A + B",
    difficulty: "easy",
    statement: "Add two numbers.",
    limits: { timeMs: 1000, memoryKb: 262144 },
    tests: [{ input: "1 2\n", output: "3\n" }],
  };

  test("the least a problem needs gets the defaults: token checker, no tags, no samples, unpublished", () => {
    const parsed = ProblemInput.parse(problem);
    assert.deepEqual(parsed.checker, { kind: "tokens" });
    assert.deepEqual(parsed.tags, []);
    assert.deepEqual(parsed.samples, []);
    assert.equal(parsed.published, false);
  });

  test("test groups get problemtools' defaults: break, worst_error, sum, 1 and 0", () => {
    const parsed = ProblemInput.parse({ ...problem, scoring: { scored: true, groups: [{ path: "" }, { path: "secret" }], tests: ["secret"] } });
    assert.deepEqual(parsed.scoring?.groups[1], {
      path: "secret",
      onReject: "break",
      verdictRule: "worst_error",
      acceptIfAnyAccepted: false,
      ignoreSample: false,
      aggregation: "sum",
      acceptScore: 1,
      rejectScore: 0,
    });
    assert.equal(parsed.scoring?.validatorScore, "never");
  });

  test("a checker program defaults to the testlib convention", () => {
    const parsed = ProblemInput.parse({ ...problem, checker: { kind: "program", language: "cpp", source: "int main(){}" } });
    assert.deepEqual(parsed.checker, { kind: "program", language: "cpp", source: "int main(){}", convention: "testlib" });
  });

  test.each([
    ["no tests", { tests: [] }],
    ["1001 tests", { tests: Array.from({ length: 1001 }, () => ({ input: "", output: "" })) }],
    ["51 samples", { samples: Array.from({ length: 51 }, () => ({ input: "", output: "" })) }],
    ["21 tags", { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }],
    ["a 41-character tag", { tags: ["t".repeat(41)] }],
    ["an empty title", { title: "" }],
    ["a statement over 200,000 characters", { statement: "s".repeat(200_001) }],
    ["a difficulty outside the three", { difficulty: "insane" }],
    ["a float checker without tolerances", { checker: { kind: "float" } }],
    ["a float checker with a negative tolerance", { checker: { kind: "float", abs: -1, rel: 0 } }],
    ["a checker program with empty source", { checker: { kind: "program", language: "cpp", source: "" } }],
    ["a checker program of an unknown convention", { checker: { kind: "program", language: "cpp", source: "x", convention: "icpc" } }],
    ["a checker of an unknown kind", { checker: { kind: "regex" } }],
    ["a test without its output", { tests: [{ input: "1 2\n" }] }],
    ["a group for each of 2 tests but 1 test", { scoring: { scored: true, groups: [{ path: "" }], tests: ["", ""] } }],
    ["a test in a group that is not listed", { scoring: { scored: true, groups: [{ path: "" }], tests: ["secret"] } }],
    ["groups without the root", { scoring: { scored: true, groups: [{ path: "secret" }], tests: ["secret"] } }],
    ["a group whose parent is missing", { scoring: { scored: true, groups: [{ path: "" }, { path: "secret/a" }], tests: ["secret/a"] } }],
  ])("refuses a problem with %s", (_what, change) => {
    assert.equal(ProblemInput.safeParse({ ...problem, ...change }).success, false);
  });
});
