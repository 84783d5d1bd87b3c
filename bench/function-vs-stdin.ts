/**
 * A function problem's 60 tests judged in one process against the same 60 tests as a stdin
 * problem (one process per test), per language: the time from judge() to the verdict, both
 * compiled and cached first, median of a few rounds alternating the two, and their ratio.
 */
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createLogger } from "@judge/config";
import { functionLanguages } from "@judge/function-problems";
import type { FunctionSignature, LanguageId, TestBundle } from "@judge/protocol";
import { Judge } from "../apps/worker/src/judge/index.ts";
import type { BenchSection } from "./section.ts";

const TESTS = Number(process.env.BENCH_FUNCTION_TESTS ?? 60);
const ROUNDS = Number(process.env.BENCH_FUNCTION_ROUNDS ?? 5);
/** A uid block of its own, apart from any test's and the other benches'. */
const UID = 63_500 + (process.pid % 400) * 4;
const limits = { timeMs: 5000, memoryKb: 256 * 1024 };

const signature: FunctionSignature = {
  kind: "function",
  name: "add",
  params: [
    { name: "a", type: "integer" },
    { name: "b", type: "integer" },
  ],
  returns: "integer",
};

/** The same sum, as LeetCode's function and as a stdin program. */
const programs: Partial<Record<LanguageId, { function: string; stdin: string }>> = {
  python: {
    function: "class Solution:\n    def add(self, a: int, b: int) -> int:\n        return a + b\n",
    stdin: "a = int(input())\nb = int(input())\nprint(a + b)\n",
  },
  pypy: {
    function: "class Solution:\n    def add(self, a: int, b: int) -> int:\n        return a + b\n",
    stdin: "a = int(input())\nb = int(input())\nprint(a + b)\n",
  },
  cpp: {
    function: "class Solution {\npublic:\n    int add(int a, int b) {\n        return a + b;\n    }\n};\n",
    stdin: "#include <bits/stdc++.h>\nint main() {\n    long long a, b;\n    std::cin >> a >> b;\n    std::cout << a + b << \"\\n\";\n}\n",
  },
  java: {
    function: "class Solution {\n    public int add(int a, int b) {\n        return a + b;\n    }\n}\n",
    stdin:
      "import java.util.*;\n\npublic class Main {\n    public static void main(String[] args) {\n        Scanner in = new Scanner(System.in);\n        long a = in.nextLong(), b = in.nextLong();\n        System.out.println(a + b);\n    }\n}\n",
  },
  javascript: {
    function: "var add = function(a, b) {\n    return a + b;\n};\n",
    stdin: 'const [a, b] = require("fs").readFileSync(0, "utf8").split(/\\s+/).map(Number);\nconsole.log(a + b);\n',
  },
  go: {
    function: "func add(a int, b int) int {\n    return a + b\n}\n",
    stdin: 'package main\n\nimport "fmt"\n\nfunc main() {\n\tvar a, b int64\n\tfmt.Scan(&a, &b)\n\tfmt.Println(a + b)\n}\n',
  },
  rust: {
    function: "impl Solution {\n    pub fn add(a: i32, b: i32) -> i32 {\n        a + b\n    }\n}\n",
    stdin:
      "use std::io::Read;\n\nfn main() {\n    let mut s = String::new();\n    std::io::stdin().read_to_string(&mut s).unwrap();\n    let v: Vec<i64> = s.split_whitespace().map(|x| x.parse().unwrap()).collect();\n    println!(\"{}\", v[0] + v[1]);\n}\n",
  },
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export const functionVsStdin: BenchSection = {
  name: "function-vs-stdin",
  async run() {
    const logger = createLogger("bench-function", "warn");
    const dir = await mkdtemp(join(tmpdir(), "bench-function-"));
    await chmod(dir, 0o711);
    const judge = await Judge.create({
      workDir: join(dir, "work"),
      cacheDir: join(dir, "cache"),
      logger,
      sandboxUsers: { uid: UID, gid: UID, count: 4 },
      cgroupParent: "judge-bench",
      only: Object.keys(programs) as LanguageId[],
    });
    const tests = Array.from({ length: TESTS }, (_, i) => ({ input: `${i}\n${3 * i}`, output: `${4 * i}` }));
    const stdinBundle: TestBundle = { hash: "0".repeat(64), limits, checker: { kind: "tokens" }, tests };
    const functionBundle: TestBundle = {
      ...stdinBundle,
      function: { signature, comparison: { anyOrder: 0, tolerance: { abs: 1e-5, rel: 1e-5 } }, references: [{ language: "python", code: programs.python!.function }] },
    };
    const quiet = { compiling: async () => {}, running: async () => {}, tested: async () => {} };
    const rows: Record<string, { functionMs: number; stdinMs: number; ratio: number }> = {};
    try {
      const here = new Set(judge.languages().map((l) => l.id));
      for (const [language, code] of Object.entries(programs) as Array<[LanguageId, { function: string; stdin: string }]>) {
        if (!here.has(language) || functionLanguages[language] === undefined) continue;
        const timed = async (source: string, bundle: TestBundle) => {
          const started = performance.now();
          const outcome = await judge.judge({ language, code: source, bundle }, quiet);
          if (outcome.verdict !== "AC") throw new Error(`${language}: ${outcome.verdict} ${outcome.compileOutput ?? ""}`);
          return performance.now() - started;
        };
        // Warm-up: compiled (or syntax-checked) once and cached, as a resubmission would be.
        await timed(code.function, functionBundle);
        await timed(code.stdin, stdinBundle);
        const asFunction: number[] = [];
        const asStdin: number[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          asFunction.push(await timed(code.function, functionBundle));
          asStdin.push(await timed(code.stdin, stdinBundle));
        }
        rows[language] = { functionMs: median(asFunction), stdinMs: median(asStdin), ratio: median(asStdin) / median(asFunction) };
      }
    } finally {
      await judge.close();
      await rm(dir, { recursive: true, force: true });
    }
    process.stdout.write(`${TESTS} tests, median of ${ROUNDS} judgings each, cached programs\n`);
    process.stdout.write("language  one process ms  process per test ms  stdin/function\n");
    for (const [language, r] of Object.entries(rows)) {
      process.stdout.write(`${language.padEnd(9)} ${r.functionMs.toFixed(0).padStart(14)} ${r.stdinMs.toFixed(0).padStart(20)} ${r.ratio.toFixed(1).padStart(15)}\n`);
    }
    return { tests: TESTS, rounds: ROUNDS, languages: rows };
  },
};
