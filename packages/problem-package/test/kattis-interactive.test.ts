import assert from "node:assert/strict";
import { test } from "vitest";
import { PackageError, filesFromZip, parseKattisPackage } from "../src/index.ts";
import { zipOf } from "./sample-package.ts";

/** A guess-the-number package of our own; its interactor goes in by override. */
function guessPackage(overrides: Record<string, string | null>): Record<string, string> {
  const files: Record<string, string | null> = {
    "problem.yaml": "name: Guess\n",
    "problem_statement/problem.en.md": "# Guess\n\nFind the number in 1..1000; each guess is answered lower, higher or correct.\n",
    "data/sample/1.in": "10\n",
    "data/sample/1.ans": "",
    "data/secret/1.in": "737\n",
    "data/secret/1.ans": "",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => e[1] !== null));
}

const parse = (files: Record<string, string>) => parseKattisPackage(filesFromZip(zipOf(files, null), "guess").files, { slug: "guess" });
const checkerOf = (overrides: Record<string, string | null>) => parse(guessPackage(overrides)).checker;

const interactorH = "#pragma once\nint secret_of(const char *input_path);\n";
const interactorC = '#include "interact.h"\n#include <stdio.h>\nint main(int argc, char **argv) { return secret_of(argv[1]) > 0 ? 42 : 43; }\n';
const readerC = '#include "interact.h"\n#include <stdio.h>\nint secret_of(const char *p) { FILE *f = fopen(p, "r"); int s = 0; if (f) fscanf(f, "%d", &s); return s; }\n';

test("legacy `validation: custom interact`: the output validator, multi-file C with its flags, becomes the interactor", () => {
  const checker = checkerOf({
    "problem.yaml": "name: Guess\nvalidation: custom interact\nvalidator_flags: max_guesses 10\n",
    "output_validators/guesser/interact.c": interactorC,
    "output_validators/guesser/interact.h": interactorH,
    "output_validators/guesser/reader.c": readerC,
  });
  assert.deepEqual(checker, {
    kind: "interactor",
    language: "c",
    source: interactorC,
    files: { "interact.h": interactorH, "reader.c": readerC },
    flags: ["max_guesses", "10"],
  });
});

test("legacy `custom score interact` (any order) is interactive too; plain `custom` stays an output validator", () => {
  const validator = { "output_validators/g/interact.c": interactorC };
  assert.equal(checkerOf({ "problem.yaml": "name: Guess\nvalidation: custom score interact\n", ...validator }).kind, "interactor");
  assert.equal(checkerOf({ "problem.yaml": "name: Guess\nvalidation: custom interactive\n", ...validator }).kind, "interactor");
  assert.equal(checkerOf({ "problem.yaml": "name: Guess\nvalidation: custom\n", ...validator }).kind, "program");
});

test("2023-07 `type: interactive`, as a string or in a list, takes output_validator/ (a Python interactor with a module; the entry is the smallest name)", () => {
  const validator = {
    "output_validator/interactor.py": "import tools\ntools.play()\n",
    "output_validator/tools.py": "import sys\ndef play():\n    sys.exit(42)\n",
  };
  const single = checkerOf({ "problem.yaml": "problem_format_version: 2023-07-draft\nname: Guess\ntype: interactive\n", ...validator });
  assert.deepEqual(single, { kind: "interactor", language: "python", source: "import tools\ntools.play()\n", files: { "tools.py": validator["output_validator/tools.py"] } });
  const listed = checkerOf({ "problem.yaml": "problem_format_version: 2023-07-draft\nname: Guess\ntype: [scoring, interactive]\n", ...validator });
  assert.equal(listed.kind, "interactor");
  const passFail = checkerOf({ "problem.yaml": "problem_format_version: 2023-07-draft\nname: Guess\ntype: pass-fail\n", ...validator });
  assert.equal(passFail.kind, "program");
});

test("an interactive problem without an interactor is refused, naming the folder", () => {
  assert.throws(
    () => checkerOf({ "problem.yaml": "problem_format_version: 2023-07-draft\nname: Guess\ntype: interactive\n" }),
    (error: unknown) => {
      assert.ok(error instanceof PackageError, String(error));
      assert.match(error.message, /output_validators\//);
      assert.match(error.message, /interactor/);
      return true;
    },
  );
});

test("2023-07 output_validator/<name>/: a program in a named directory, as problemtools finds it (its own guess example)", () => {
  const checker = checkerOf({
    "problem.yaml": "problem_format_version: 2023-07-draft\nname: Guess\ntype: interactive\n",
    "output_validator/guess_validator/interact.c": interactorC,
    "output_validator/guess_validator/interact.h": interactorH,
    "output_validator/guess_validator/reader.c": readerC,
  });
  assert.deepEqual(checker, { kind: "interactor", language: "c", source: interactorC, files: { "interact.h": interactorH, "reader.c": readerC } });
});
