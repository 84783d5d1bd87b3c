import type { Prisma } from "@judge/db";
import type { JudgeResult } from "@judge/protocol";

/**
 * What storing a final result writes, and the guard that makes it happen once per judging;
 * record-result.ts runs them in one transaction. Pure, and type-only imports of the client,
 * so they are unit-tested without a database or a generated client.
 */

/**
 * The rows a result may land on: its submission, not yet `done`, on the judging the result
 * belongs to. A result delivered twice finds the row `done`; a late result of an earlier
 * judging carries an older `judging` than a rejudged row. Results without `judging` (from
 * workers older than rejudging) land on whatever judging is open.
 */
export function openJudgingOf(result: JudgeResult): Prisma.SubmissionWhereInput {
  return {
    id: result.submissionId,
    status: { not: "done" },
    ...(result.judging !== undefined ? { judging: result.judging } : {}),
  };
}

/** The submission's columns once its result is stored. */
export function judgedColumnsOf(result: JudgeResult): Prisma.SubmissionUpdateManyMutationInput {
  return {
    status: "done",
    verdict: result.verdict,
    passed: result.passed,
    total: result.total,
    timeMs: result.timeMs,
    memoryKb: result.memoryKb,
    compileOutput: result.compileOutput,
    // A rejudge clears them; a pass-fail problem's result has none.
    ...(result.score !== undefined ? { score: result.score, maxScore: result.maxScore ?? null } : {}),
    // The column is null until now (a rejudge clears it), so only a failure is written.
    // It is read back through CaseReport.parse, for the owner only (submission-service.ts).
    ...(result.failure ? { failure: result.failure } : {}),
    judgedAt: new Date(result.judgedAt),
  };
}

/** One row per judged test; they replace the rows of any earlier judging. */
export function testRowsOf(result: JudgeResult): Prisma.SubmissionTestCreateManyInput[] {
  return result.tests.map((t) => ({ submissionId: result.submissionId, ...t }));
}
