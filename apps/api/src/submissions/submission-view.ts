import type { LanguageId, Status, SubmissionView, Verdict } from "@judge/protocol";

/** The columns a view needs; Prisma rows with `problem.slug` and `tests` fit it. */
export interface SubmissionRow {
  id: string;
  language: string;
  status: Status;
  verdict: Verdict | null;
  passed: number;
  total: number;
  timeMs: number | null;
  memoryKb: number | null;
  compileOutput: string | null;
  /** absent on rows selected without them (older callers) */
  score?: number | null;
  maxScore?: number | null;
  createdAt: Date;
  judgedAt: Date | null;
  problem: { slug: string };
  tests: { index: number; verdict: Verdict; timeMs: number; memoryKb: number; group?: string | null }[];
}

/** The whole view, with the compiler's output: pass it through viewFor before it leaves. */
export function toSubmissionView(row: SubmissionRow): SubmissionView {
  return {
    id: row.id,
    problem: row.problem.slug,
    language: row.language as LanguageId,
    status: row.status,
    verdict: row.verdict,
    passed: row.passed,
    total: row.total,
    timeMs: row.timeMs,
    memoryKb: row.memoryKb,
    compileOutput: row.compileOutput,
    tests: row.tests
      .map((t) => ({ index: t.index, verdict: t.verdict, timeMs: t.timeMs, memoryKb: t.memoryKb, ...(t.group ? { group: t.group } : {}) }))
      .sort((a, b) => a.index - b.index),
    createdAt: row.createdAt.toISOString(),
    judgedAt: row.judgedAt?.toISOString() ?? null,
    ...(row.score !== null && row.score !== undefined ? { score: row.score, maxScore: row.maxScore ?? null } : {}),
  };
}

export const submissionViewInclude = {
  problem: { select: { slug: true, published: true, failureDetails: true } },
  tests: true,
} as const;
