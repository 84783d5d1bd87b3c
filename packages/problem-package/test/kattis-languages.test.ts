import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { LanguageId } from "@judge/protocol";
import { kattisLanguages, languageOfSubmission } from "../src/index.ts";

describe("Kattis languages", () => {
  test("a submission's file names its language as problemtools reads it", () => {
    assert.equal(languageOfSubmission("accepted.scala"), "scala");
    assert.equal(languageOfSubmission("sol.sc"), "scala");
    assert.equal(languageOfSubmission("sol.ml"), "ocaml");
    assert.equal(languageOfSubmission("sol.lisp"), "lisp");
    assert.equal(languageOfSubmission("sol.cl"), "lisp");
    assert.equal(languageOfSubmission("sol.pl"), "prolog");
    assert.equal(languageOfSubmission("sol.C"), "cpp");
    assert.equal(languageOfSubmission("sol.c"), "c");
    assert.equal(languageOfSubmission("sol.py3"), "python");
  });

  test("languages the judge lacks, and unknown or missing extensions, give null", () => {
    for (const name of ["sol.m", "sol.cob", "sol.fs", "sol.py2", "sol.txt", "Makefile", ".scala"]) {
      assert.equal(languageOfSubmission(name), null, name);
    }
  });

  test("every id in the table is one of the judge's, and no extension is claimed twice", () => {
    const seen = new Set<string>();
    for (const [key, { id, extensions }] of Object.entries(kattisLanguages)) {
      if (id !== null) assert.ok(LanguageId.safeParse(id).success, `${key}: ${id}`);
      for (const extension of extensions) {
        assert.ok(!seen.has(extension), extension);
        seen.add(extension);
      }
    }
  });
});
