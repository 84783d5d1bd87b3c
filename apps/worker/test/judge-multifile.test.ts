import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { Judge } from "../src/judge/index.ts";
import { bundle, createTestJudge, judgeOnce } from "./judge-fixtures.ts";

/**
 * Multi-file submissions, judged as Kattis builds them (docs/problem-packages.md): every source
 * compiled together, Java's main class found, Python's main file picked. One judge for the file.
 */
let judge: Judge;
beforeAll(async () => {
  judge = await createTestJudge({ only: ["c", "cpp", "java", "python", "prolog"] });
});
afterAll(async () => {
  await judge.close();
});

const sum = bundle([["1 2\n", "3\n"], ["20 22\n", "42\n"]]);
const has = (language: string) => judge.languages().some((l) => l.id === language);

describe("C and C++: every source compiled and linked, headers beside them", () => {
  test("C++ main.cpp + helper.cpp + helper.h is AC", async () => {
    const files = {
      "helper.h": "#pragma once\nlong long add(long long a, long long b);\n",
      // The same static name in both files: a real multi-file build, not one pasted unit.
      "helper.cpp": '#include "helper.h"\nstatic long long twice(long long x) { return x; }\nlong long add(long long a, long long b) { return twice(a) + b; }\n',
      "main.cpp": '#include <bits/stdc++.h>\n#include "helper.h"\nstatic int twice = 0;\nint main() { long long a, b; std::cin >> a >> b; std::cout << add(a, b) + twice << "\\n"; }\n',
    };
    const outcome = await judgeOnce(judge, "cpp", "", sum, files);
    assert.equal(outcome.verdict, "AC", JSON.stringify(outcome));
    assert.equal(outcome.passed, 2);
  });

  test("C++ without any main is CE with the linker's message", async () => {
    const files = {
      "helper.h": "long long add(long long a, long long b);\n",
      "helper.cpp": '#include "helper.h"\nlong long add(long long a, long long b) { return a + b; }\n',
    };
    const outcome = await judgeOnce(judge, "cpp", "", sum, files);
    assert.equal(outcome.verdict, "CE");
    assert.match(outcome.compileOutput ?? "", /main/);
  });

  test("C: two .c files and a header is AC", async () => {
    const files = {
      "sum.h": "long long sum(long long a, long long b);\n",
      "sum.c": '#include "sum.h"\nlong long sum(long long a, long long b) { return a + b; }\n',
      "solve.c": '#include <stdio.h>\n#include "sum.h"\nint main(void) { long long a, b; scanf("%lld %lld", &a, &b); printf("%lld\\n", sum(a, b)); return 0; }\n',
    };
    assert.equal((await judgeOnce(judge, "c", "", sum, files)).verdict, "AC");
  });
});

describe("Java: the class with main is run, whatever its name", () => {
  const solution = (name: string) =>
    `import java.util.*;\npublic class ${name} {\n  public static void main(String[] args) {\n    Scanner in = new Scanner(System.in);\n    System.out.println(in.nextLong() + in.nextLong());\n  }\n}\n`;

  test("a single file with public class Solution is AC, as code and as one file", async (ctx) => {
    if (!has("java")) return ctx.skip("no JDK here");
    assert.equal((await judgeOnce(judge, "java", solution("Solution"), sum)).verdict, "AC");
    assert.equal((await judgeOnce(judge, "java", "", sum, { "Solution.java": solution("Solution") })).verdict, "AC");
  });

  test("two classes in two files is AC; a set with no main is CE saying so", async (ctx) => {
    if (!has("java")) return ctx.skip("no JDK here");
    const adder = "public class Adder {\n  static long add(long a, long b) { return a + b; }\n}\n";
    const app =
      "import java.util.*;\npublic class App {\n  static class Pair { long a, b; }\n  public static void main(String[] args) {\n    Scanner in = new Scanner(System.in);\n    System.out.println(Adder.add(in.nextLong(), in.nextLong()));\n  }\n}\n";
    const ok = await judgeOnce(judge, "java", "", sum, { "Adder.java": adder, "App.java": app });
    assert.equal(ok.verdict, "AC", JSON.stringify(ok));
    const none = await judgeOnce(judge, "java", "", sum, { "Adder.java": adder, "Other.java": "public class Other {}\n" });
    assert.equal(none.verdict, "CE");
    assert.match(none.compileOutput ?? "", /no class has a `public static void main/);
  });
});

describe("Python: the main file imports its sibling modules", () => {
  test("two modules: the one with if __name__ == '__main__' is run", async () => {
    const files = {
      "arith.py": "def add(a, b):\n    return a + b\n",
      "solve.py": "import arith\n\nif __name__ == '__main__':\n    a, b = map(int, input().split())\n    print(arith.add(a, b))\n",
    };
    const outcome = await judgeOnce(judge, "python", "", sum, files);
    assert.equal(outcome.verdict, "AC", JSON.stringify(outcome));
  });

  test("a syntax error in a module that is not the main one is a CE naming it", async () => {
    const files = { "main.py": "import helper\nprint(helper.f())\n", "helper.py": "def f(:\n    return 1\n" };
    const outcome = await judgeOnce(judge, "python", "", sum, files);
    assert.equal(outcome.verdict, "CE");
    assert.match(outcome.compileOutput ?? "", /helper\.py/);
  });
});

test("Prolog: every file consulted into one program (a package's main file with its kattio.pl)", async (ctx) => {
  if (!has("prolog")) {
    assert.ok(process.env.CI !== "true", "prolog must be installed in CI");
    ctx.skip("prolog is not installed here");
    return;
  }
  const files = {
    "kattio.pl": "read_two(A, B) :- read_term(A, []), read_term(B, []).\n",
    "sum.pl": "main :- read_two(A, B), C is A + B, write(C), nl.\n",
  };
  // SWI-Prolog's read_term wants terms ending in '.': the tests say "1. 2." here.
  const outcome = await judgeOnce(judge, "prolog", "", bundle([["1. 2.\n", "3\n"]]), files);
  assert.equal(outcome.verdict, "AC", JSON.stringify(outcome));
});

test("several files in a language that builds one file is CE naming the ones that take several", async () => {
  const outcome = await judgeOnce(judge, "c", "", sum, { "a.txt": "x", "b.txt": "y" });
  assert.equal(outcome.verdict, "CE");
  assert.match(outcome.compileOutput ?? "", /no c source file/);
});
