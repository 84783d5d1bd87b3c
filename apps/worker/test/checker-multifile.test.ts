import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import type { CheckerSpec } from "@judge/protocol";
import type { Judge } from "../src/judge/index.ts";
import { bundle, createTestJudge, judgeOnce } from "./judge-fixtures.ts";

let judge: Judge;
beforeAll(async () => {
  judge = await createTestJudge({ only: ["python", "cpp"] });
});
afterAll(async () => {
  await judge.close();
});

/**
 * A Kattis output validator of three files, as a package's output_validators/<name>/ holds
 * them: the main file needs the header and the functions of a second source file. Its flags
 * (after input, answer, feedback dir): `tolerance T`, and `exact_words`, which makes it compare
 * words case-sensitively. Without flags it wants the answer exactly.
 */
const validateH = `#pragma once
#include <string>
double tolerance_from(int argc, char **argv);
bool exact_words(int argc, char **argv);
bool same_word(const std::string &a, const std::string &b, bool exact);
`;
const flagsCpp = `#include "validate.h"
#include <cstdlib>
#include <cstring>
#include <cctype>
double tolerance_from(int argc, char **argv) {
  for (int i = 4; i + 1 < argc; i++) if (std::strcmp(argv[i], "tolerance") == 0) return std::atof(argv[i + 1]);
  return 0;
}
bool exact_words(int argc, char **argv) {
  for (int i = 4; i < argc; i++) if (std::strcmp(argv[i], "exact_words") == 0) return true;
  return false;
}
bool same_word(const std::string &a, const std::string &b, bool exact) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); i++) {
    if (exact ? a[i] != b[i] : std::tolower(a[i]) != std::tolower(b[i])) return false;
  }
  return true;
}
`;
const validateCc = `#include "validate.h"
#include <cmath>
#include <fstream>
#include <iostream>
int main(int argc, char **argv) {
  if (argc < 4) return 1;
  std::ifstream answer(argv[2]);
  std::string wantWord, gotWord;
  double want, got;
  if (!(answer >> wantWord >> want)) return 1;
  if (!(std::cin >> gotWord >> got)) return 43;
  if (!same_word(wantWord, gotWord, exact_words(argc, argv))) return 43;
  return std::fabs(want - got) <= tolerance_from(argc, argv) ? 42 : 43;
}
`;

const validator = (flags?: string[], extra: Record<string, string> = {}): CheckerSpec => ({
  kind: "program",
  language: "cpp",
  source: validateCc,
  convention: "kattis",
  files: { "validate.h": validateH, "flags.cpp": flagsCpp, ...extra },
  ...(flags === undefined ? {} : { flags }),
});

const tests = (checker: CheckerSpec) => bundle([["1\n", "Area 3.14159\n"], ["2\n", "Area 12.56637\n"]], {}, checker);
/** Prints "area" and pi*r*r to two decimals: near, not exact, and in the wrong case. */
const twoDecimals = "import math\nr = int(input())\nprint('area %.2f' % (math.pi * r * r))\n";
const exact = "import math\nr = int(input())\nprint('Area %.5f' % (math.pi * r * r))\n";

test("a multi-file C++ validator builds as a whole and gets its flags: AC within the flagged tolerance", async () => {
  const outcome = await judgeOnce(judge, "python", twoDecimals, tests(validator(["tolerance", "0.01"])));
  assert.equal(outcome.verdict, "AC", JSON.stringify(outcome));
  assert.equal(outcome.passed, 2);
});

test("the same validator: WA outside the tolerance, WA without the flags, WA when a flag makes case count", async () => {
  const far = "r = int(input())\nprint('Area', 3 * r * r)\n";
  assert.equal((await judgeOnce(judge, "python", far, tests(validator(["tolerance", "0.01"])))).verdict, "WA");
  assert.equal((await judgeOnce(judge, "python", twoDecimals, tests(validator()))).verdict, "WA");
  assert.equal((await judgeOnce(judge, "python", twoDecimals, tests(validator(["exact_words", "tolerance", "0.01"])))).verdict, "WA");
  assert.equal((await judgeOnce(judge, "python", exact, tests(validator(["exact_words", "tolerance", "0.01"])))).verdict, "AC");
});

test("a multi-file validator that does not build is IE, its compiler message kept from the contestant", async () => {
  const broken = validator(["tolerance", "0.01"], { "flags.cpp": flagsCpp.replace("return false;\n}\nbool same_word", "return nope;\n}\nbool same_word") });
  const outcome = await judgeOnce(judge, "python", exact, tests(broken));
  assert.equal(outcome.verdict, "IE");
  assert.doesNotMatch(outcome.compileOutput ?? "", /nope/);
});

test("a Python validator with a helper module: the module imports, the flags arrive", async () => {
  const checker: CheckerSpec = {
    kind: "program",
    language: "python",
    source: "import sys\nfrom areas import close_enough\nif __name__ == '__main__':\n    sys.exit(42 if close_enough(sys.argv[2], sys.stdin.read(), float(sys.argv[5])) else 43)\n",
    convention: "kattis",
    files: {
      "areas.py": "def close_enough(answer_path, output, tolerance):\n    want = float(open(answer_path).read().split()[1])\n    got = float(output.split()[1])\n    return abs(want - got) <= tolerance\n",
    },
    flags: ["tolerance", "0.01"],
  };
  assert.equal((await judgeOnce(judge, "python", twoDecimals, tests(checker))).verdict, "AC");
  assert.equal((await judgeOnce(judge, "python", "r = int(input())\nprint('Area', 3 * r * r)\n", tests(checker))).verdict, "WA");
});
