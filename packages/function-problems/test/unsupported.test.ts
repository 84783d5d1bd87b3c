import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { functionUnsupportedReason } from "../src/index.ts";

describe("languages a function problem cannot take", () => {
  test("Kattis' OCaml, Common Lisp and Prolog have no LeetCode convention, as Haskell has none", () => {
    for (const id of ["ocaml", "lisp", "prolog", "haskell"] as const) {
      assert.equal(functionUnsupportedReason(id), "LeetCode has no function-call convention for this language", id);
    }
  });

  test("Scala has one on LeetCode: the reason says the driver is what is missing", () => {
    assert.equal(functionUnsupportedReason("scala"), "no driver for LeetCode's Scala convention yet");
  });

  test("a language with a driver has no reason", () => {
    assert.equal(functionUnsupportedReason("python"), null);
  });
});
