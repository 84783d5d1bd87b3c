import type { Job } from "bullmq";

/** Whether this attempt is the job's last: a failure now ends it as IE instead of a retry. */
export function isLastAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

export function reasonOf(err: unknown): string {
  return `internal error: ${err instanceof Error ? err.message : String(err)}`.slice(0, 2000);
}
