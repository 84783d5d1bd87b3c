import assert from "node:assert/strict";
import { test } from "vitest";
import { packageSubmissionsOf, parseKattisPackage } from "../src/index.ts";
import { encoder, samplePackage } from "./sample-package.ts";

const filesOf = (files: Record<string, string>) => new Map(Object.entries(files).map(([p, c]) => [p, encoder.encode(c)]));

test("submissions/<expected>/: the expected result by folder, the language by extension, a folder as one multi-file submission, what cannot be judged skipped with why", () => {
  const found = packageSubmissionsOf(
    filesOf(
      samplePackage({
        "submissions/accepted/sol.cc": "int main() {}\n",
        "submissions/accepted/sol.py": "print(3)\n",
        "submissions/accepted/old.py": "#!/usr/bin/env python2\nprint 3\n",
        "submissions/wrong_answer/off.c": "int main(void) { return 0; }\n",
        "submissions/time_limit_exceeded/Slow.java": "class Slow {}\n",
        "submissions/run_time_error/crash.rb": "raise 'x'\n",
        "submissions/brute_force/all.go": "package main\n",
        "submissions/rejected/no.rs": "fn main() {}\n",
        "submissions/partially_accepted/half.py": "print(1)\n",
        "submissions/accepted/sol.cob": "IDENTIFICATION DIVISION.\n",
        "submissions/accepted/lua-pair/a.lua": "print(1)\n",
        "submissions/accepted/lua-pair/b.lua": "print(2)\n",
        "submissions/accepted/multi/main.cpp": "#include \"lib.h\"\n",
        "submissions/accepted/multi/lib.h": "int f();\n",
        "submissions/submissions.yaml": "{}\n",
        "submissions/not_a_verdict/x.py": "print()\n",
        "submissions/wrong_answer/huge.py": `# ${"x".repeat(64 * 1024)}\n`,
      }),
    ),
  );
  assert.deepEqual(
    found.map((s) => [s.path, s.expected, s.language, s.skipped]),
    [
      ["accepted/lua-pair", "accepted", "lua", "lua takes one file; several files are accepted for c, cpp, java, python, pypy, prolog"],
      ["accepted/multi", "accepted", "cpp", null],
      ["accepted/old.py", "accepted", null, "Python 2 (its #! line says so), which the judge does not offer"],
      ["accepted/sol.cc", "accepted", "cpp", null],
      ["accepted/sol.cob", "accepted", null, "no language here for .cob"],
      ["accepted/sol.py", "accepted", "python", null],
      ["brute_force/all.go", "brute_force", "go", null],
      ["partially_accepted/half.py", "partially_accepted", "python", null],
      ["rejected/no.rs", "rejected", "rust", null],
      ["run_time_error/crash.rb", "run_time_error", "ruby", null],
      ["time_limit_exceeded/Slow.java", "time_limit_exceeded", "java", null],
      ["wrong_answer/huge.py", "wrong_answer", "python", "over 64 KiB, the most a submission may have"],
      ["wrong_answer/off.c", "wrong_answer", "c", null],
    ],
  );
  assert.deepEqual(found[5]!.files, { "sol.py": "print(3)\n" });
  assert.deepEqual(found[1]!.files, { "main.cpp": '#include "lib.h"\n', "lib.h": "int f();\n" });
});

test("no fixed time limit: the package's multipliers become the time calibration (legacy and 2023-07 defaults)", () => {
  const parse = (overrides: Record<string, string | null>) => parseKattisPackage(filesOf(samplePackage(overrides)), { slug: "abs-sum" });
  assert.equal(parse({}).timeCalibration, undefined, "time_limit: 2 is fixed");
  assert.equal(parse({ "problem.yaml": "name: A\n", ".timelimit": "3\n" }).timeCalibration, undefined);
  assert.deepEqual(parse({ "problem.yaml": "name: A\nlimits:\n  time_multiplier: 3\n" }).timeCalibration, {
    acToTimeLimit: 3,
    timeLimitToTle: 2,
    resolutionMs: 1000,
  });
  assert.deepEqual(
    parse({ "problem.yaml": "problem_format_version: 2023-07-draft\nname: A\nlimits:\n  time_resolution: 0.1\n" }).timeCalibration,
    { acToTimeLimit: 2, timeLimitToTle: 1.5, resolutionMs: 100 },
  );
});
