import { z } from "zod";
import { LanguageId } from "./languages.ts";
import { ProgramFile } from "./program-files.ts";
import { Status, Verdict } from "./verdicts.ts";

export const SubmissionId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "not a submission id");
export type SubmissionId = z.infer<typeof SubmissionId>;

/** One judged test. Times are CPU ms of the whole process tree, memory is peak RSS in KiB. */
export const TestResult = z.object({
  index: z.number().int().min(1),
  verdict: Verdict,
  timeMs: z.number().int().min(0),
  memoryKb: z.number().int().min(0),
  /** A grouped problem's test: its group's path under data/ ("secret/group1"). */
  group: z.string().max(300).optional(),
});
export type TestResult = z.infer<typeof TestResult>;

/**
 * One case as the user sees it (LeetCode's Test Result). A function problem's: its input lines,
 * what the code returned and what was expected (JSON, null when there is none), and its prints.
 * A stdin problem's failing test: its input, the expected output, the program's stdout as
 * `output` (null for an interactive problem, whose output went to the interactor), `stdout`
 * empty, and its `stderr`. Each text is cut at MAX_CASE_TEXT_BYTES; `truncated` says one was.
 */
export const CaseReport = z.object({
  index: z.number().int().min(1),
  input: z.string(),
  output: z.string().nullable(),
  expected: z.string().nullable(),
  stdout: z.string(),
  verdict: Verdict.nullable(),
  /** A stdin problem's failing test: what the program wrote to stderr. */
  stderr: z.string().optional(),
  truncated: z.boolean().optional(),
});
export type CaseReport = z.infer<typeof CaseReport>;
export const MAX_CASE_TEXT_BYTES = 4 * 1024;

/** What a run printed (the Run button). Each stream is cut at MAX_RUN_OUTPUT_BYTES. */
export const RunOutput = z.object({
  stdout: z.string(),
  stderr: z.string(),
  exitCode: z.number().int().nullable(),
  truncated: z.boolean(),
  /** A function problem's run: every case, with the reference solution's answer as expected. */
  cases: z.array(CaseReport).optional(),
});
export type RunOutput = z.infer<typeof RunOutput>;

/** Where an accepted submission stands among the accepted ones in its language (0..1). */
export const SubmissionStats = z.object({
  fasterThan: z.number().min(0).max(1),
  lessMemoryThan: z.number().min(0).max(1),
  acceptedInLanguage: z.number().int().min(0),
});
export type SubmissionStats = z.infer<typeof SubmissionStats>;

/** The submission as `GET /api/submissions/:id` returns it and as a WebSocket snapshot carries it. */
export const SubmissionView = z.object({
  id: SubmissionId,
  problem: z.string(),
  language: LanguageId,
  status: Status,
  verdict: Verdict.nullable(),
  passed: z.number().int().min(0),
  total: z.number().int().min(0),
  /** Max CPU ms over the tests run. */
  timeMs: z.number().int().min(0).nullable(),
  /** Max peak RSS in KiB over the tests run. */
  memoryKb: z.number().int().min(0).nullable(),
  compileOutput: z.string().nullable().optional(),
  /** The test being run now (1-based) while status is `running`. */
  currentTest: z.number().int().min(1).nullable().optional(),
  tests: z.array(TestResult),
  createdAt: z.string(),
  judgedAt: z.string().nullable(),
  /** Only for its owner (and admins) from `GET /api/submissions/:id`; never in lists or snapshots. */
  code: z.string().optional(),
  /** A multi-file submission's files: the same rule as `code` (owner and admins, never in lists or snapshots). */
  files: z.array(ProgramFile).optional(),
  /** `run` for the Run button (not stored; `output` holds what it printed). */
  kind: z.enum(["submission", "run"]).optional(),
  output: RunOutput.nullable().optional(),
  /**
   * The first failing test (a function problem's case), for its owner only and as the problem's
   * `failureDetails` policy allows (LeetCode's "last executed input").
   */
  failure: CaseReport.nullable().optional(),
  /** For an accepted submission, from `GET /api/submissions/:id`. */
  stats: SubmissionStats.nullable().optional(),
  /** A scoring problem's score (so far, while running) and the most it can be. */
  score: z.number().nullable().optional(),
  maxScore: z.number().nullable().optional(),
});
export type SubmissionView = z.infer<typeof SubmissionView>;

/** A page of `GET /api/submissions`, newest first. */
export const SubmissionPage = z.object({ items: z.array(SubmissionView), nextCursor: z.string().nullable() });
export type SubmissionPage = z.infer<typeof SubmissionPage>;

/** A submission or run the moment it is made: queued, nothing judged yet. */
export function queuedView(
  made: Pick<SubmissionView, "id" | "problem" | "language" | "createdAt"> & Partial<SubmissionView>,
): SubmissionView {
  return {
    status: "queued",
    verdict: null,
    passed: 0,
    total: 0,
    timeMs: null,
    memoryKb: null,
    compileOutput: null,
    tests: [],
    judgedAt: null,
    ...made,
  };
}
