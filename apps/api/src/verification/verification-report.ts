import type { PrismaClient } from "@judge/db";
import {
  ExpectedResult,
  GENEROUS_TIME_LIMIT_MS,
  LanguageId,
  Status,
  Verdict,
  meetsExpectation,
  scoreWarning,
  type VerificationItem,
  type VerificationReport,
} from "@judge/protocol";
import { notFound } from "../http/api-error.ts";
import { calibrationOf } from "./package-verification.ts";

/** The problem's package submissions with the verdicts of its latest verification. */
export async function verificationReport(prisma: PrismaClient, slug: string): Promise<VerificationReport> {
  const problem = await prisma.problem.findUnique({
    where: { slug },
    select: {
      slug: true,
      timeLimitMs: true,
      timeCalibration: true,
      verification: true,
      packageSubmissions: { orderBy: { path: "asc" }, include: { submission: { select: { id: true, status: true, verdict: true, timeMs: true, score: true, maxScore: true } } } },
    },
  });
  if (!problem) throw notFound("problem");
  const calibration = calibrationOf(problem.timeCalibration);
  const verification = problem.verification;
  // The accepted ones ran under the generous limit when this verification calibrated.
  const calibrated = calibration !== null && verification !== null && (verification.phase === "calibrating" || verification.calibrationMaxMs !== null);
  const items: VerificationItem[] = problem.packageSubmissions.map((row) => {
    const expected = ExpectedResult.parse(row.expected);
    const run = row.submission;
    const verdict = run?.verdict ? Verdict.parse(run.verdict) : null;
    const done = run?.status === "done";
    return {
      path: row.path,
      expected,
      language: row.language === null ? null : LanguageId.parse(row.language),
      skipped: row.skipped,
      submissionId: run?.id ?? null,
      status: run ? Status.parse(run.status) : null,
      verdict,
      timeMs: run?.timeMs ?? null,
      timeLimitMs: run ? (calibrated && expected === "accepted" ? GENEROUS_TIME_LIMIT_MS : problem.timeLimitMs) : null,
      score: run?.score ?? null,
      maxScore: run?.maxScore ?? null,
      matches: done && verdict !== null ? meetsExpectation(expected, verdict) : null,
      warning: done && verdict !== null ? scoreWarning(expected, { verdict, score: run.score, maxScore: run.maxScore }) : null,
    };
  });
  const judged = items.filter((i) => i.skipped === null);
  const complete = verification?.phase === "judging" && judged.every((i) => i.status === "done");
  return {
    problem: problem.slug,
    phase: verification?.phase ?? null,
    complete,
    passed: complete && judged.every((i) => i.matches === true),
    timeLimitMs: problem.timeLimitMs,
    calibration:
      calibration === null
        ? null
        : {
          acToTimeLimit: calibration.acToTimeLimit,
          resolutionMs: calibration.resolutionMs,
          generousLimitMs: GENEROUS_TIME_LIMIT_MS,
          maxAcceptedMs: verification?.calibrationMaxMs ?? null,
        },
    items,
  };
}
