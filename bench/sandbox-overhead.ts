/**
 * The sandbox's own cost: the median of one sandboxed run of /bin/true, of a Python
 * a-plus-b and of a C++ a-plus-b, against the same programs started bare (spawn, stdin, wait),
 * as ratios. Sandboxed and bare runs alternate, so the machine's other load weighs on both
 * alike. Then judged tests per second per core for a trivial C program (compiled once).
 */
import { execFile, spawn } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { createLogger } from "@judge/config";
import type { TestBundle } from "@judge/protocol";
import { Judge } from "../apps/worker/src/judge/index.ts";
import { defaultJudgeLimits, runLimits } from "../apps/worker/src/judge/limits.ts";
import { runSpec } from "../apps/worker/src/judge/run-spec.ts";
import { Sandbox } from "../apps/worker/src/sandbox/sandbox.ts";
import type { BenchSection } from "./section.ts";

const RUNS = Number(process.env.BENCH_SANDBOX_RUNS ?? 40);
const JUDGED_TESTS = Number(process.env.BENCH_JUDGED_TESTS ?? 200);
/** A uid of its own, so its boxes are apart from any test's. */
const UID = 62_500 + (process.pid % 400);
const limits = { timeMs: 5000, memoryKb: 256 * 1024 };

const PY = "a, b = map(int, input().split())\nprint(a + b)\n";
const CPP = "#include <cstdio>\nint main(){long long a,b;if(scanf(\"%lld %lld\",&a,&b)!=2)return 1;printf(\"%lld\\n\",a+b);}\n";
const C = '#include <stdio.h>\nint main(void){long a,b;if(scanf("%ld %ld",&a,&b)!=2)return 1;printf("%ld\\n",a+b);return 0;}\n';

interface Program {
  name: string;
  sandboxed: readonly string[];
  bare: readonly string[];
}

function bareRun(argv: readonly string[], stdin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(argv[0]!, argv.slice(1), { env: { PATH: "/usr/bin:/bin", LANG: "C.UTF-8" }, stdio: ["pipe", "pipe", "pipe"] });
    child.stdout.resume();
    child.stderr.resume();
    child.stdin.on("error", () => {}); // /bin/true exits without reading its input
    child.stdin.end(stdin);
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${argv[0]} exited ${code}`))));
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

export const sandboxOverhead: BenchSection = {
  name: "sandbox-overhead",
  async run() {
    const logger = createLogger("bench-sandbox", "warn");
    const dir = await mkdtemp(join(tmpdir(), "bench-sandbox-"));
    await chmod(dir, 0o755);
    const sandbox = await Sandbox.create({ users: { uid: UID, gid: UID, count: 4 }, cgroupVersion: "auto", cgroupParent: "judge-bench", logger });
    const judge = await Judge.create({
      workDir: join(dir, "work"),
      cacheDir: join(dir, "cache"),
      logger,
      sandboxUsers: { uid: UID + 4, gid: UID + 4, count: 4 },
      cgroupParent: "judge-bench",
      only: ["c"],
    });
    try {
      await writeFile(join(dir, "main.py"), PY, { mode: 0o644 });
      await writeFile(join(dir, "main.cpp"), CPP, { mode: 0o644 });
      await promisify(execFile)("/usr/bin/g++", ["-O2", "-o", join(dir, "main"), join(dir, "main.cpp")]);
      await chmod(join(dir, "main"), 0o755);
      const programs: Program[] = [
        { name: "/bin/true", sandboxed: ["/bin/true"], bare: ["/bin/true"] },
        { name: "python a+b", sandboxed: ["/usr/bin/python3", "-I", "-B", "/prog/main.py"], bare: ["/usr/bin/python3", "-I", "-B", join(dir, "main.py")] },
        { name: "c++ a+b", sandboxed: ["/prog/main"], bare: [join(dir, "main")] },
      ];
      const rows: Record<string, { sandboxedMs: number; bareMs: number; ratio: number; overheadMs: number }> = {};
      for (const program of programs) {
        const boxed: number[] = [];
        const bare: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const started = performance.now();
          const result = await sandbox.run(
            runSpec({
              step: { argv: program.sandboxed },
              programDir: dir,
              stdin: "1 2\n",
              scratch: { kind: "tmpfs", bytes: defaultJudgeLimits.runScratchBytes },
              limits: runLimits(defaultJudgeLimits, limits),
            }),
          );
          if (result.outcome !== "ok") throw new Error(`${program.name}: ${result.outcome} ${result.stderr.toString()}`);
          boxed.push(performance.now() - started);
          bare.push(await bareRun(program.bare, "1 2\n"));
        }
        const row = { sandboxedMs: median(boxed), bareMs: median(bare), ratio: median(boxed) / median(bare), overheadMs: median(boxed) - median(bare) };
        rows[program.name] = row;
      }
      process.stdout.write(`median of ${RUNS} runs each, sandboxed and bare alternating\n`);
      process.stdout.write("program       sandboxed ms  bare ms  ratio  overhead ms\n");
      for (const [name, r] of Object.entries(rows)) {
        process.stdout.write(
          `${name.padEnd(13)} ${r.sandboxedMs.toFixed(1).padStart(12)} ${r.bareMs.toFixed(1).padStart(8)} ${r.ratio.toFixed(2).padStart(6)} ${r.overheadMs.toFixed(1).padStart(12)}\n`,
        );
      }

      // Judged tests per second per core: one bundle of trivial tests, the program compiled once.
      const bundle: TestBundle = {
        hash: "0".repeat(64),
        limits,
        checker: { kind: "tokens" },
        tests: Array.from({ length: JUDGED_TESTS }, (_, i) => ({ input: `${i} ${i}\n`, output: `${2 * i}\n` })),
      };
      const quiet = { compiling: async () => {}, running: async () => {}, tested: async () => {} };
      const warm = await judge.judge({ language: "c", code: C, bundle: { ...bundle, tests: bundle.tests.slice(0, 1) } }, quiet);
      if (warm.verdict !== "AC") throw new Error(`warm-up: ${warm.verdict} ${warm.compileOutput}`);
      const cores = cpus().length;
      const started = performance.now();
      const outcomes = await Promise.all(Array.from({ length: cores }, () => judge.judge({ language: "c", code: C, bundle }, quiet)));
      const seconds = (performance.now() - started) / 1000;
      if (outcomes.some((o) => o.verdict !== "AC")) throw new Error("a judged bundle was not AC");
      const perCore = (JUDGED_TESTS * cores) / seconds / cores;
      process.stdout.write(`\njudged tests (trivial C a+b, ${cores} judgings of ${JUDGED_TESTS} tests in parallel on ${cores} cores): ${perCore.toFixed(1)} tests/s per core\n`);
      return { runs: RUNS, programs: rows, judgedTestsPerSecondPerCore: perCore, judgedTests: JUDGED_TESTS * cores, cores };
    } finally {
      await judge.close();
      await sandbox.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
