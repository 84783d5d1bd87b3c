import type { Queue } from "bullmq";
import { LanguageId, ProgramFile, filesRecord, type JudgeJob } from "@judge/protocol";
import { z } from "zod";

/**
 * BullMQ job id of one judging: the submission id for the first (a retried request never
 * duplicates it), `<id>-j<n>` for rejudge n, because BullMQ keeps finished jobs for a while
 * and would silently drop a new job under an id it still holds.
 */
export function judgeJobId(submissionId: string, judging: number): string {
  return judging <= 1 ? submissionId : `${submissionId}-j${judging}`;
}

export interface JudgingToEnqueue {
  submissionId: string;
  judging: number;
  language: JudgeJob["language"];
  code: string;
  /** A multi-file submission's files (name -> content); absent for one `code`. */
  files?: Record<string, string>;
  problemId: string;
  testsHash: string;
  priority: number;
}

/** The `files` column as stored (submission-service.ts writes it): [{name, content}] or null. */
export const StoredFiles = z.array(ProgramFile).nullable();

/** The stored column as the job's name -> content record, or undefined for a one-file submission. */
export function filesOfRow(files: unknown): Record<string, string> | undefined {
  const parsed = StoredFiles.parse(files ?? null);
  return parsed === null ? undefined : filesRecord(parsed);
}

/** The judging a stored submission row stands for (its current `judging`), at `priority`. */
export function judgingOfRow(
  row: { id: string; judging: number; language: string; code: string; files: unknown; problemId: string; problem: { testsHash: string } },
  priority: number,
): JudgingToEnqueue {
  const files = filesOfRow(row.files);
  return {
    submissionId: row.id,
    judging: row.judging,
    language: LanguageId.parse(row.language),
    code: row.code,
    ...(files ? { files } : {}),
    problemId: row.problemId,
    testsHash: row.problem.testsHash,
    priority,
  };
}

export function judgeJobOf(item: JudgingToEnqueue, attempts: number) {
  return {
    name: "judge",
    data: {
      v: 1,
      kind: "submission",
      submissionId: item.submissionId,
      language: item.language,
      code: item.code,
      ...(item.files ? { files: item.files } : {}),
      problemId: item.problemId,
      testsHash: item.testsHash,
      judging: item.judging,
    } satisfies JudgeJob,
    opts: {
      jobId: judgeJobId(item.submissionId, item.judging),
      priority: item.priority,
      attempts,
      backoff: { type: "exponential", delay: 500 },
      removeOnComplete: { age: 3600, count: 10_000 },
      removeOnFail: { age: 24 * 3600 },
    },
  } as const;
}

export async function enqueueJudgings(queue: Queue<JudgeJob>, items: JudgingToEnqueue[], attempts: number): Promise<void> {
  if (items.length === 0) return;
  await queue.addBulk(items.map((item) => judgeJobOf(item, attempts)));
}
