import type { Step } from "@judge/protocol";

/** The final step of a submission that did not compile: what a worker publishes for a CE. */
export function compileErrorStep(compileOutput: string, judgedAt = new Date()): Extract<Step, { kind: "verdict" }> {
  return { kind: "verdict", verdict: "CE", passed: 0, total: 0, timeMs: null, memoryKb: null, compileOutput, judgedAt: judgedAt.toISOString() };
}
