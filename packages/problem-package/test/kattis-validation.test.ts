import assert from "node:assert/strict";
import { test } from "vitest";
import { PackageError, filesFromZip, parseKattisPackage } from "../src/index.ts";
import { zipOf } from "./sample-package.ts";

/** A legacy-layout package of our own with no output validator: the default validator judges it. */
function legacyPackage(overrides: Record<string, string | null> = {}): Record<string, string> {
  const files: Record<string, string | null> = {
    "problem.yaml": "name: Circle Ratio\n",
    "problem_statement/problem.en.md": "# Circle Ratio\n\nPrint the circle's area over its radius.\n",
    "data/sample/1.in": "1\n",
    "data/sample/1.ans": "3.141593\n",
    "data/secret/1.in": "2\n",
    "data/secret/1.ans": "6.283185\n",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => e[1] !== null));
}

const parse = (files: Record<string, string>) => parseKattisPackage(filesFromZip(zipOf(files, null), "circle-ratio").files, { slug: "circle-ratio" });
const checkerOf = (overrides: Record<string, string | null>) => parse(legacyPackage(overrides)).checker;

test("legacy validator_flags: float_tolerance 1e-6 sets both tolerances of the default validator", () => {
  assert.deepEqual(checkerOf({ "problem.yaml": "name: Circle Ratio\nvalidation: default\nvalidator_flags: float_tolerance 1e-6\n" }), {
    kind: "kattis-default",
    caseSensitive: false,
    spaceChangeSensitive: false,
    floatAbs: 1e-6,
    floatRel: 1e-6,
  });
});

test("legacy validator_flags: case_sensitive and space_change_sensitive", () => {
  assert.deepEqual(checkerOf({ "problem.yaml": "name: Circle Ratio\nvalidator_flags: case_sensitive\n" }), {
    kind: "kattis-default",
    caseSensitive: true,
    spaceChangeSensitive: false,
  });
  assert.deepEqual(checkerOf({ "problem.yaml": "name: Circle Ratio\nvalidator_flags: space_change_sensitive   case_sensitive\n" }), {
    kind: "kattis-default",
    caseSensitive: true,
    spaceChangeSensitive: true,
  });
});

test("flags apply in order: float_tolerance then a narrower absolute one; a negative tolerance is none", () => {
  assert.deepEqual(checkerOf({ "problem.yaml": "name: C\nvalidator_flags: float_tolerance 1e-4 float_absolute_tolerance 1e-9\n" }), {
    kind: "kattis-default",
    caseSensitive: false,
    spaceChangeSensitive: false,
    floatAbs: 1e-9,
    floatRel: 1e-4,
  });
  assert.deepEqual(checkerOf({ "problem.yaml": "name: C\nvalidator_flags: float_relative_tolerance 0.01 float_absolute_tolerance -1\n" }), {
    kind: "kattis-default",
    caseSensitive: false,
    spaceChangeSensitive: false,
    floatRel: 0.01,
  });
});

test("data/testdata.yaml: output_validator_flags (problemtools) or output_validator_args (2023-07) for the default validator", () => {
  assert.deepEqual(checkerOf({ "problem.yaml": "problem_format_version: 2023-07-draft\nname: C\n", "data/testdata.yaml": "output_validator_args: [float_absolute_tolerance, '0.5']\n" }), {
    kind: "kattis-default",
    caseSensitive: false,
    spaceChangeSensitive: false,
    floatAbs: 0.5,
  });
  assert.deepEqual(checkerOf({ "data/testdata.yaml": "output_validator_flags: case_sensitive\n", "data/secret/testdata.yaml": "output_validator_flags: case_sensitive\n" }), {
    kind: "kattis-default",
    caseSensitive: true,
    spaceChangeSensitive: false,
  });
});

test("unknown flags, a tolerance without a number and per-group flags are refused, naming the file", () => {
  const refused = (overrides: Record<string, string | null>, file: RegExp, message: RegExp) =>
    assert.throws(() => checkerOf(overrides), (error: unknown) => {
      assert.ok(error instanceof PackageError, String(error));
      assert.match(error.message, file);
      assert.match(error.message, message);
      return true;
    });
  refused({ "problem.yaml": "name: C\nvalidator_flags: ignore_case\n" }, /problem\.yaml/, /no flag "ignore_case"/);
  refused({ "problem.yaml": "name: C\nvalidator_flags: float_tolerance\n" }, /problem\.yaml/, /needs a number/);
  refused({ "problem.yaml": "name: C\nvalidator_flags: float_tolerance big\n" }, /problem\.yaml/, /needs a number/);
  refused({ "data/secret/testdata.yaml": "output_validator_flags: case_sensitive\n" }, /data\/secret\/testdata\.yaml/, /differ between test groups/);
});

const header = "#pragma once\nint judge_answer(const char *path);\n";
const mainSource = '#include "validate.h"\nint main(int argc, char **argv) { return judge_answer(argv[2]) ? 42 : 43; }\n';
const helperSource = '#include "validate.h"\nint judge_answer(const char *path) { return path != 0; }\n';

test("a multi-file C++ validator travels whole: entry as source, header and other sources as files, flags as flags", () => {
  const checker = checkerOf({
    "problem.yaml": "name: C\nvalidation: custom\nvalidator_flags: float_tolerance 1e-6 case_sensitive\n",
    "output_validators/ratio/validate.cc": mainSource,
    "output_validators/ratio/validate.h": header,
    "output_validators/ratio/validate_io.cpp": helperSource,
  });
  assert.deepEqual(checker, {
    kind: "program",
    language: "cpp",
    source: mainSource,
    convention: "kattis",
    files: { "validate.h": header, "validate_io.cpp": helperSource },
    flags: ["float_tolerance", "1e-6", "case_sensitive"],
  });
});

test("2023-07 output_validator/: a Python entry with a helper module; a one-file validator has neither files nor flags", () => {
  const checker = checkerOf({
    "problem.yaml": "problem_format_version: 2023-07-draft\nname: C\n",
    "output_validator/check.py": "import helper\nif __name__ == '__main__':\n    helper.run()\n",
    "output_validator/helper.py": "import sys\ndef run():\n    sys.exit(42)\n",
  });
  assert.equal(checker.kind, "program");
  assert.ok(checker.kind === "program");
  assert.equal(checker.language, "python");
  assert.match(checker.source, /import helper/);
  assert.deepEqual(Object.keys(checker.files ?? {}), ["helper.py"]);
  assert.equal(checker.flags, undefined);

  const single = checkerOf({ "output_validators/v/validate.c": "int main(void) { return 42; }\n" });
  assert.deepEqual(single, { kind: "program", language: "c", source: "int main(void) { return 42; }\n", convention: "kattis" });
});

test("the entry is problemtools' {mainfile}: main.* in any case, else the smallest name; .C is C++", () => {
  const entry = (names: string[]) => {
    const checker = checkerOf(Object.fromEntries(names.map((name) => [`output_validators/v/${name}`, `# ${name}\n`])));
    assert.ok(checker.kind === "program");
    return { language: checker.language, source: checker.source, files: Object.keys(checker.files ?? {}).sort() };
  };
  assert.deepEqual(entry(["zeta.py", "Main.py", "alpha.py"]), { language: "python", source: "# Main.py\n", files: ["alpha.py", "zeta.py"] });
  assert.deepEqual(entry(["b.py", "a.py"]), { language: "python", source: "# a.py\n", files: ["b.py"] });
  assert.deepEqual(entry(["check.C", "check.h"]), { language: "cpp", source: "# check.C\n", files: ["check.h"] });
  assert.deepEqual(entry(["util.c", "validate.c"]), { language: "c", source: "# util.c\n", files: ["validate.c"] });
});

test("validators this judge cannot build whole are refused", () => {
  const refused = (overrides: Record<string, string | null>, message: RegExp) =>
    assert.throws(() => checkerOf(overrides), (error: unknown) => {
      assert.ok(error instanceof PackageError, String(error));
      assert.match(error.message, message);
      return true;
    });
  refused({ "output_validators/a/validate.c": "", "output_validators/b/validate.c": "" }, /more than one output validator/);
  refused({ "output_validators/v/Main.java": "class Main {}", "output_validators/v/Util.java": "class Util {}" }, /must be C\/C\+\+ or Python/);
  refused({ "output_validators/v/validate.cc": mainSource, "output_validators/v/lib/util.h": header }, /subdirectories/);
  refused({ "output_validators/v/README": "notes" }, /no validator source/);
});
