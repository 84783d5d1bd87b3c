import assert from "node:assert/strict";
import { test } from "vitest";
import { PackageError, filesFromZip, parseKattisPackage } from "../src/index.ts";
import { samplePackage, zipOf } from "./sample-package.ts";

/** The sample package with its problem.yaml (and any other file) replaced; the warnings it gives. */
function imported(overrides: Record<string, string | null>) {
  const warnings: string[] = [];
  const files = filesFromZip(zipOf(samplePackage(overrides), null), "limits").files;
  const problem = parseKattisPackage(files, { slug: "limits", warn: (w) => warnings.push(w) });
  return { problem, warnings };
}

const legacy = (limits: string, extra = "") => ({ "problem.yaml": `name: L\nvalidation: custom\n${extra}${limits === "" ? "" : `limits:\n${limits}`}` });
const modern = (limits: string, extra = "") => legacy(limits, `problem_format_version: 2023-07-draft\n${extra}`);

test("legacy defaults: problemtools' 1024 MiB memory, 8 MiB output; no fixed limit: calibration ×5, margin ×2, whole seconds", () => {
  const { problem, warnings } = imported(legacy(""));
  assert.deepEqual(problem.limits, { timeMs: 1000, memoryKb: 1024 * 1024, outputKb: 8 * 1024 });
  assert.deepEqual(problem.timeCalibration, { acToTimeLimit: 5, timeLimitToTle: 2, resolutionMs: 1000 });
  assert.deepEqual(warnings, []);
});

test("2023-07 defaults: 2048 MiB memory, 8 MiB output; calibration ×2 and ×1.5, time_resolution 1 s", () => {
  const { problem } = imported(modern(""));
  assert.deepEqual(problem.limits, { timeMs: 1000, memoryKb: 2048 * 1024, outputKb: 8 * 1024 });
  assert.deepEqual(problem.timeCalibration, { acToTimeLimit: 2, timeLimitToTle: 1.5, resolutionMs: 1000 });
});

test("legacy explicit values: time_multiplier, time_safety_margin, memory, output", () => {
  const { problem, warnings } = imported(legacy("  time_multiplier: 3\n  time_safety_margin: 1.5\n  memory: 512\n  output: 2\n"));
  assert.deepEqual(problem.limits, { timeMs: 1000, memoryKb: 512 * 1024, outputKb: 2 * 1024 });
  assert.deepEqual(problem.timeCalibration, { acToTimeLimit: 3, timeLimitToTle: 1.5, resolutionMs: 1000 });
  assert.deepEqual(warnings, []);
});

test("2023-07 explicit values: time_multipliers, time_resolution (provisional limit: whole steps, at least 1 s)", () => {
  const { problem } = imported(modern("  time_multipliers:\n    ac_to_time_limit: 4\n    time_limit_to_tle: 3\n  time_resolution: 0.3\n  memory: 64\n"));
  assert.deepEqual(problem.limits, { timeMs: 1200, memoryKb: 64 * 1024, outputKb: 8 * 1024 });
  assert.deepEqual(problem.timeCalibration, { acToTimeLimit: 4, timeLimitToTle: 3, resolutionMs: 300 });
});

test("a fixed time limit (2023-07 time_limit, legacy .timelimit) gives no calibration; the unused multipliers are reported", () => {
  const fixed = imported(modern("  time_limit: 2.5\n  time_multipliers:\n    ac_to_time_limit: 3\n"));
  assert.equal(fixed.problem.limits.timeMs, 2500);
  assert.equal(fixed.problem.timeCalibration, undefined);
  assert.deepEqual(fixed.warnings, ["limits.time_multipliers is not used: the package fixes the time limit"]);

  const file = imported({ ...legacy(""), ".timelimit": "3\n" });
  assert.equal(file.problem.limits.timeMs, 3000);
  assert.equal(file.problem.timeCalibration, undefined);
});

test("limits the judge cannot apply are reported; memory and time beyond its bounds are clamped and reported", () => {
  const { problem, warnings } = imported(
    modern("  time_limit: 60\n  memory: 4096\n  output: 4096\n  code: 256\n  compilation_time: 30\n  validation_memory: 512\n  validation_passes: 3\n  turbo: 1\n"),
  );
  assert.deepEqual(problem.limits, { timeMs: 20_000, memoryKb: 2048 * 1024, outputKb: 1024 * 1024 });
  assert.deepEqual(warnings.sort(), [
    "limits.code is 256 KiB; the judge takes submissions of at most 64 KiB",
    "limits.compilation_time is not applied: submissions compile under the judge's own limits",
    "limits.memory is 4096 MiB; the judge gives at most 2048 MiB, so the limit is 2048 MiB",
    "limits.output is 4096 MiB; the judge keeps at most 1024 MiB, so the limit is 1024 MiB",
    "limits.validation_memory is not applied: output validators run under the judge's own limits",
    "limits.validation_passes is not applied: multi-pass problems are not supported",
    "problem.yaml: limits.turbo is not a 2023-07 limit; ignored",
    "the time limit is 60 s; the judge allows at most 20 s, so the limit is 20 s",
  ]);
});

test("a code limit below the judge's own 64 KiB is kept (the API applies it); the default 128 KiB is not", () => {
  assert.equal(imported(legacy("  code: 16\n")).problem.limits.codeKb, 16);
  assert.equal(imported(modern("")).problem.limits.codeKb, undefined);
});

test("a limit of the wrong type is refused, naming it", () => {
  assert.throws(() => imported(modern("  time_multipliers:\n    ac_to_time_limit: fast\n")), (e: unknown) => {
    assert.ok(e instanceof PackageError);
    assert.match(e.message, /problem\.yaml: limits\.time_multipliers\.ac_to_time_limit/);
    return true;
  });
});

test("every ignored problem.yaml key and unused top-level file or folder is reported; taken ones and submissions/ are not", () => {
  const { warnings } = imported({
    ...legacy("  time_limit: 1\n", "uuid: 1234\nauthor: A\nlanguages: [c, cpp]\nfrobnicate: yes\n"),
    "input_validators/check.py": "print()\n",
    "generators/gen.py": "print()\n",
    "include/c/stub.h": "\n",
    "submissions/accepted/ok.c": "int main(void) { return 0; }\n",
    "notes.txt": "todo\n",
    ".gitignore": "*.o\n",
    "data/secret/3.hint": "think\n",
    "data/secret/group1/2.hint": "harder\n",
    "data/secret/3.png": "not really\n",
    "data/invalid_input/1.in": "x\n",
  });
  assert.deepEqual(warnings, [
    "problem.yaml: languages is ignored: every language the judge has is offered for every problem",
    "problem.yaml: frobnicate is not a key the import knows; ignored",
    "generators/ is ignored: generators are not run: only the tests in data/ are imported",
    "include/ is ignored: files under include/ are not added to submissions",
    "input_validators/ is ignored: input validators are not run: test data is taken as it is",
    "notes.txt is not part of the format the import knows; ignored",
    "data/invalid_input/ is ignored: only data/sample/ and data/secret/ become tests",
    "data/: 2 .hint file(s) ignored: only .in/.ans pairs become tests",
    "data/: 1 .png file(s) ignored: only .in/.ans pairs become tests",
  ]);
});
