import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test } from "vitest";
import { PackageError, filesFromDirectory, filesFromZip, parseKattisPackage } from "../src/index.ts";
import { encoder, samplePackage, zipOf } from "./sample-package.ts";

const parseZip = (files: Record<string, string>, slug = "abs-sum") =>
  parseKattisPackage(filesFromZip(zipOf(files, null), slug).files, { slug });

test("a Kattis package: title, statement, limits, samples, secret tests in natural order, validator", () => {
  const problem = parseZip(samplePackage());
  assert.equal(problem.slug, "abs-sum");
  assert.equal(problem.title, "Absolute Sum");
  assert.match(problem.statement, /Print \|a \+ b\|/);
  assert.deepEqual(problem.limits, { timeMs: 2000, memoryKb: 128 * 1024, outputKb: 8 * 1024 });
  assert.deepEqual(problem.tags, ["math", "easy-io"]);
  assert.deepEqual(problem.samples.map((s) => s.input), ["1 2\n", "-1 -2\n"]);
  assert.deepEqual(problem.tests.map((s) => s.output), ["2\n", "0\n", "10\n"]);
  assert.deepEqual(problem.checker, { kind: "program", language: "c", source: "int main(void) { return 42; }\n", convention: "kattis" });
  assert.equal(problem.published, false);
  // A failed submission's owner sees a sample's details, never a secret test's.
  assert.equal(problem.failureDetails, "public");
});

test("a zip with one top directory: stripped, and its name offered as the slug", () => {
  const { files, topDir } = filesFromZip(zipOf(samplePackage(), "abs-sum"), "upload");
  assert.equal(topDir, "abs-sum");
  assert.ok(files.has("problem.yaml"));
});

test("the same package from a directory", async () => {
  const root = await mkdtemp(join(tmpdir(), "kattis-"));
  try {
    for (const [path, content] of Object.entries(samplePackage())) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), content);
    }
    const problem = parseKattisPackage(await filesFromDirectory(root), { slug: "abs-sum" });
    assert.equal(problem.tests.length, 3);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test("no validator: problemtools' default validator, its flags from validator_flags", () => {
  const plain = parseZip(samplePackage({ "problem.yaml": "name: P\n", "output_validators/abs/validate.c": null }));
  assert.deepEqual(plain.checker, { kind: "kattis-default", caseSensitive: false, spaceChangeSensitive: false });
  assert.equal(plain.limits.timeMs, 1000);
  const float = parseZip(samplePackage({ "problem.yaml": "name: P\nvalidator_flags: float_tolerance 1e-6\n", "output_validators/abs/validate.c": null }));
  assert.deepEqual(float.checker, { kind: "kattis-default", caseSensitive: false, spaceChangeSensitive: false, floatAbs: 1e-6, floatRel: 1e-6 });
});

test("bad packages are refused with the problem and the file named", () => {
  const refused = (files: Record<string, string>, file: RegExp) => {
    assert.throws(() => parseZip(files), (error: unknown) => {
      assert.ok(error instanceof PackageError, String(error));
      assert.match(error.message, /problem "abs-sum"/);
      assert.match(error.message, file);
      return true;
    });
  };
  refused(samplePackage({ "problem.yaml": null }), /problem\.yaml: missing/);
  refused(samplePackage({ "problem.yaml": "name: [unclosed\n" }), /problem\.yaml: not valid YAML/);
  refused(samplePackage({ "problem.yaml": "name: P\nlimits:\n  memory: -5\n" }), /problem\.yaml: limits\.memory/);
  refused(samplePackage({ "data/secret/3.ans": null }), /data\/secret\/3\.in: has no answer file/);
  refused(samplePackage({ "problem_statement/problem.en.md": null, "problem_statement/notes.txt": "x" }), /statement\/: missing/);
  refused(samplePackage({ "output_validators/abs/validate.c": null, "output_validators/abs/validate.pl": "x" }), /output_validators\/abs\/: no validator source/);
  refused(
    Object.fromEntries(Object.entries(samplePackage()).filter(([p]) => !p.startsWith("data/secret/"))),
    /data\/secret\/: no tests/,
  );
  assert.throws(() => filesFromZip(encoder.encode("not a zip"), "upload"), /problem "upload": not a readable zip/);
  assert.throws(() => parseKattisPackage(new Map(), { slug: "Bad Name" }), /not a valid slug/);
});
