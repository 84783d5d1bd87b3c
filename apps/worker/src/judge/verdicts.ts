import type { TestResult, Verdict } from "@judge/protocol";
import type { SandboxOutcome } from "../sandbox/outcome.ts";

/**
 * The one table from how a run ended to its verdict; "check" means the run finished cleanly and
 * the checker decides between AC and WA. A `Record`, so a new outcome must be mapped to compile.
 */
export const verdictByOutcome: Record<SandboxOutcome, Verdict | "check"> = {
  ok: "check",
  "runtime-error": "RE",
  "time-limit": "TLE",
  "memory-limit": "MLE",
  "output-limit": "OLE",
};

/** A judging's verdict and figures from the tests it ran: the first failure's verdict, the largest time and memory. */
export function summarizeTests(tests: readonly TestResult[], total: number) {
  const failed = tests.find((t) => t.verdict !== "AC");
  return {
    verdict: failed?.verdict ?? ("AC" as Verdict),
    passed: tests.filter((t) => t.verdict === "AC").length,
    total,
    timeMs: Math.max(...tests.map((t) => t.timeMs)),
    memoryKb: Math.max(...tests.map((t) => t.memoryKb)),
  };
}
