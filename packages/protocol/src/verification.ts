import { z } from "zod";
import { LanguageId } from "./languages.ts";
import { Limits, Slug } from "./problem.ts";
import { Status, Verdict } from "./verdicts.ts";

/**
 * What a package's `submissions/<folder>/` says its submissions must get (both format versions;
 * `rejected` and `brute_force` are 2023-07's).
 */
export const ExpectedResult = z.enum([
  "accepted",
  "wrong_answer",
  "time_limit_exceeded",
  "run_time_error",
  "partially_accepted",
  "rejected",
  "brute_force",
]);
export type ExpectedResult = z.infer<typeof ExpectedResult>;

/**
 * The verdicts that satisfy each expectation. Kattis reports a memory overrun as a run time
 * error; the 2023-07 format's `rejected` is anything but accepted, `brute_force` a TLE or a run
 * time error; `partially_accepted` is an AC whose score falls short (scoreWarning).
 */
export const verdictsMeeting: Record<ExpectedResult, readonly Verdict[]> = {
  accepted: ["AC"],
  wrong_answer: ["WA"],
  time_limit_exceeded: ["TLE"],
  run_time_error: ["RE", "MLE"],
  partially_accepted: ["AC"],
  rejected: ["WA", "TLE", "MLE", "RE", "CE", "OLE"],
  brute_force: ["TLE", "RE", "MLE"],
};

/**
 * Whether a judged submission got what its folder says, as problemtools' verifyproblem decides
 * it: by the verdict alone (`partially_accepted` needs AC). The score only makes a warning
 * (scoreWarning), as it does there.
 */
export function meetsExpectation(expected: ExpectedResult, verdict: Verdict): boolean {
  return verdictsMeeting[expected].includes(verdict);
}

/**
 * problemtools' warnings on a scoring problem: an accepted submission short of the most (it
 * belongs in partially_accepted), a partially accepted one with the most.
 */
export function scoreWarning(expected: ExpectedResult, result: { verdict: Verdict; score: number | null; maxScore: number | null }): string | null {
  if (result.verdict !== "AC" || result.score === null || result.maxScore === null) return null;
  if (expected === "accepted" && result.score < result.maxScore) return `scored ${result.score} of ${result.maxScore}: not full score (consider moving it to partially_accepted)`;
  if (expected === "partially_accepted" && result.score >= result.maxScore) return `scored the most, ${result.score}: fully accepted`;
  return null;
}

export const VerificationPhase = z.enum(["calibrating", "judging"]);
export type VerificationPhase = z.infer<typeof VerificationPhase>;

/** One package submission in a verification report. */
export const VerificationItem = z.object({
  /** under submissions/, e.g. "accepted/sol.c" */
  path: z.string(),
  expected: ExpectedResult,
  language: LanguageId.nullable(),
  /** why it is not judged; then the fields below are null */
  skipped: z.string().nullable(),
  submissionId: z.string().nullable(),
  status: Status.nullable(),
  verdict: Verdict.nullable(),
  /** CPU ms, the largest over its tests */
  timeMs: z.number().int().min(0).nullable(),
  /** the time limit it was judged under, ms */
  timeLimitMs: z.number().int().nullable(),
  /** a scoring problem's score and the most it could be; null otherwise */
  score: z.number().nullable().optional(),
  maxScore: z.number().nullable().optional(),
  /** null until judged (or when skipped) */
  matches: z.boolean().nullable(),
  /** what problemtools would warn about a judged submission that matches (its score) */
  warning: z.string().nullable().optional(),
});
export type VerificationItem = z.infer<typeof VerificationItem>;

/** `GET /api/problems/:slug/verification` (admin); `POST /api/problems/:slug/verify` answers 202 with it. */
export const VerificationReport = z.object({
  problem: Slug,
  /** null: never verified */
  phase: VerificationPhase.nullable(),
  /** every judged submission is done */
  complete: z.boolean(),
  /** complete, and every judged submission got what its folder says */
  passed: z.boolean(),
  /** the problem's time limit now (the calibrated one once calibration is over), ms */
  timeLimitMs: z.number().int(),
  /** present when the package gives no fixed time limit */
  calibration: z
    .object({
      acToTimeLimit: z.number(),
      resolutionMs: z.number(),
      /** the accepted submissions ran under this, ms: the Limits' maximum */
      generousLimitMs: z.number().int(),
      /** the largest CPU time of the accepted submissions, ms; null until they are judged */
      maxAcceptedMs: z.number().int().nullable(),
    })
    .nullable(),
  items: z.array(VerificationItem),
});
export type VerificationReport = z.infer<typeof VerificationReport>;

/** The time limit the calibration sets: the largest accepted time × the multiplier, rounded up to the resolution, within Limits' bounds. */
export function calibratedTimeLimitMs(maxAcceptedMs: number, calibration: { acToTimeLimit: number; resolutionMs: number }): number {
  const resolution = Math.max(1, calibration.resolutionMs);
  const rounded = Math.max(resolution, Math.ceil((maxAcceptedMs * calibration.acToTimeLimit) / resolution) * resolution);
  return Math.min(Limits.shape.timeMs.maxValue ?? rounded, Math.max(Limits.shape.timeMs.minValue ?? 0, rounded));
}

/** The Limits' maximum time, ms: what the accepted submissions get while they calibrate. */
export const GENEROUS_TIME_LIMIT_MS = Limits.shape.timeMs.maxValue ?? 20_000;
