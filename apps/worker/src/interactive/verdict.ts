import type { Verdict } from "@judge/protocol";
import { checkerVerdictByExit } from "../checkers/program.ts";
import type { SandboxOutcome } from "../sandbox/outcome.ts";

/** What was seen of one interactive test: how each box ended, and which ended first. */
export interface InteractionFacts {
  interactor: { outcome: SandboxOutcome; exitCode: number | null };
  /** the submission's verdict from its own run alone: "check" when it ended cleanly */
  submission: Verdict | "check";
  /** the interactor's box ended before the submission's */
  interactorFirst: boolean;
}

/**
 * A test's verdict, by problemtools' rules (judge/execute.py, run through its `interactive`
 * proxy): an interactor that did not exit 42 or 43 (a crash, a limit hit) is the judge's
 * failure, IE; an interactor that rejected before the submission ended decides WA whatever
 * the submission then did (its broken pipe, its timeout); else the submission's own failure
 * (TLE, then RE, MLE, OLE) wins; else the interactor's 42 (AC) or 43 (WA).
 */
export function interactiveVerdict(facts: InteractionFacts): Verdict {
  const { outcome, exitCode } = facts.interactor;
  const said = outcome === "ok" || outcome === "runtime-error" ? checkerVerdictByExit("kattis", exitCode) : "IE";
  if (said === "IE") return "IE";
  if (said === "WA" && facts.interactorFirst) return "WA";
  if (facts.submission !== "check") return facts.submission;
  return said;
}
