import assert from "node:assert/strict";
import { describe, it } from "vitest";
import { diffOutput, normalizeOutput, outputMatches } from "../src/runs/outputDiff.ts";

describe("the Run button's comparison with a sample's expected output", () => {
  it("ignores trailing white space, CRLF and trailing blank lines, like the default checker", () => {
    assert.equal(normalizeOutput("3 \r\n4\t\n\n\n"), "3\n4");
    assert.ok(outputMatches("3  \n", "3"));
    assert.ok(!outputMatches("3 4", "3  4"), "inner white space still counts");
    assert.ok(!outputMatches("-1\n", "3\n"));
  });

  it("marks the lines that are missing and the ones that are extra", () => {
    assert.deepEqual(diffOutput("1\n5\n3\n", "1\n2\n3\n"), [
      { kind: "same", text: "1" },
      { kind: "missing", text: "2" },
      { kind: "extra", text: "5" },
      { kind: "same", text: "3" },
    ]);
  });

  it("shows an empty output as every expected line missing, with no empty line of yours", () => {
    assert.deepEqual(diffOutput("", "1\n2\n"), [
      { kind: "missing", text: "1" },
      { kind: "missing", text: "2" },
    ]);
    assert.deepEqual(diffOutput("1\n2\n3\n", "1\n2\n"), [
      { kind: "same", text: "1" },
      { kind: "same", text: "2" },
      { kind: "extra", text: "3" },
    ]);
  });

  it("shows every line as the same when only trailing white space differs", () => {
    assert.deepEqual(diffOutput("7 \n", "7"), [{ kind: "same", text: "7" }]);
  });
});
