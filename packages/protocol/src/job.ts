import { z } from "zod";
import { LanguageId } from "./languages.ts";
import { SubmissionId, TestResult } from "./submission.ts";
import { Verdict } from "./verdicts.ts";

/** Code is at most 64 KiB (UTF-8 bytes), checked at the API and again by the worker. */
export const MAX_CODE_BYTES = 64 * 1024;

const encoder = new TextEncoder();
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** The BullMQ job on the judge queue; its job id is `submissionId`. */
export const JudgeJob = z.object({
  v: z.literal(1),
  submissionId: SubmissionId,
  language: LanguageId,
  code: z.string().refine((c) => utf8Length(c) <= MAX_CODE_BYTES, "code is over 64 KiB"),
  problemId: z.string(),
  /** Content hash of the test bundle; the worker's disk cache is keyed by it. */
  testsHash: z.string().regex(/^[a-f0-9]{64}$/),
});
export type JudgeJob = z.infer<typeof JudgeJob>;

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
  judgedAt: z.string(),
  workerId: z.string(),
});
export type JudgeResult = z.infer<typeof JudgeResult>;

/** Queue names, relative to the deployment's BullMQ prefix. */
export const queueNames = { judge: "judge", results: "results" } as const;
