import type { Verdict } from "@judge/protocol";
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
