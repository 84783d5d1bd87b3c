import { z } from "zod";
import { LanguageId } from "./languages.ts";
import { MAX_PROGRAM_FILES, ProgramFileName } from "./program-files.ts";
import { Limits } from "./problem.ts";
import { CaseReport, SubmissionId, TestResult } from "./submission.ts";
import { Verdict } from "./verdicts.ts";

/** Code is at most 64 KiB (UTF-8 bytes), checked at the API and again by the worker. */
export const MAX_CODE_BYTES = 64 * 1024;

const encoder = new TextEncoder();
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** Custom input for the Run button is at most 64 KiB too. */
export const MAX_RUN_INPUT_BYTES = 64 * 1024;
/** What a run shows of stdout and stderr, each (bytes); the rest is cut with a marker. */
export const MAX_RUN_OUTPUT_BYTES = 64 * 1024;

const Code = z.string().refine((c) => utf8Length(c) <= MAX_CODE_BYTES, "code is over 64 KiB");

/** A submission to judge against a problem's tests. Job id = `submissionId`. */
export const SubmissionJob = z.object({
  v: z.literal(1),
  kind: z.literal("submission").default("submission"),
  submissionId: SubmissionId,
  language: LanguageId,
  /** The program's single source file; with `files`, the main file's content ("" when only compiling can tell). */
  code: Code,
  /** A multi-file submission: name -> content (docs/problem-packages.md). */
  files: z
    .record(ProgramFileName, z.string())
    .refine((files) => Object.keys(files).length >= 1 && Object.keys(files).length <= MAX_PROGRAM_FILES, "1 to 64 files")
    .refine((files) => Object.values(files).reduce((sum, c) => sum + utf8Length(c), 0) <= MAX_CODE_BYTES, "files are over 64 KiB")
    .optional(),
  problemId: z.string(),
  /** Content hash of the test bundle; the worker's disk cache is keyed by it. */
  testsHash: z.string().regex(/^[a-f0-9]{64}$/),
  /** Which judging of the submission this is (1, then +1 per rejudge); echoed in the result. */
  judging: z.number().int().min(1).optional(),
});
export type SubmissionJob = z.infer<typeof SubmissionJob>;

/** The Run button: one run on custom input, streamed like a submission, never stored. */
export const RunJob = z.object({
  v: z.literal(1),
  kind: z.literal("run"),
  /** A run's id lives in the same id space as submissions: it has live state and events. */
  submissionId: SubmissionId,
  language: LanguageId,
  code: Code,
  input: z.string().refine((c) => utf8Length(c) <= MAX_RUN_INPUT_BYTES, "input is over 64 KiB"),
  limits: Limits,
  /** A function problem's run: `input` is the Testcase panel's lines; the bundle gives the signature and reference solutions. */
  function: z.object({ problemId: z.string(), testsHash: z.string().regex(/^[a-f0-9]{64}$/) }).optional(),
  /**
   * An interactive problem's run: `input` is the interactor's input file (its answer file is
   * empty); the bundle gives the interactor. The output's stdout is the interactor's judge message.
   */
  interactive: z.object({ problemId: z.string(), testsHash: z.string().regex(/^[a-f0-9]{64}$/) }).optional(),
});
export type RunJob = z.infer<typeof RunJob>;

export const JudgeJob = z.union([RunJob, SubmissionJob]);
export type JudgeJob = z.infer<typeof JudgeJob>;

/** BullMQ priorities (lower runs first): a person waiting on Run, then Submit, then rejudges. */
export const jobPriority = { run: 1, submission: 5, rejudge: 20 } as const;

/** The final result, sent to the API through the durable results queue (job id = submissionId). */
export const JudgeResult = z.object({
  v: z.literal(1),
  submissionId: SubmissionId,
  verdict: Verdict,
  passed: z.number().int().min(0),
  total: z.number().int().min(0),
  timeMs: z.number().int().min(0).nullable(),
  memoryKb: z.number().int().min(0).nullable(),
  compileOutput: z.string().nullable(),
  tests: z.array(TestResult),
  /** A function problem's first failing case (input, output, expected), shown to the owner. */
  failure: CaseReport.nullable().optional(),
  judgedAt: z.string(),
  workerId: z.string(),
  /** The job's `judging`: the API stores a result only for the judging the row is on. */
  judging: z.number().int().min(1).optional(),
  /** A scoring problem's score and the most it can be. */
  score: z.number().optional(),
  maxScore: z.number().optional(),
});
export type JudgeResult = z.infer<typeof JudgeResult>;

/** Queue names, relative to the deployment's BullMQ prefix. */
export const queueNames = { judge: "judge", results: "results" } as const;
