import { UnrecoverableError, type Job } from "bullmq";
import type { Logger } from "@judge/config";
import { JudgeJob } from "@judge/protocol";
import { MalformedJobError, decideAfterError } from "./failure-policy.ts";

/** What handles one kind of job, given the parsed payload of that kind. */
export type JobHandlers = {
  [K in JudgeJob["kind"]]: (job: Job, request: Extract<JudgeJob, { kind: K }>) => Promise<void>;
};

/**
 * The judge queue's one processor: parse the payload, then hand it to its kind's handler. A
 * mapped type over the protocol's kinds, so a new kind of job does not compile until it has one.
 */
export function dispatchJobs(handlers: JobHandlers, logger: Logger): (job: Job) => Promise<void> {
  return async (job) => {
    const parsed = JudgeJob.safeParse(job.data);
    if (!parsed.success) {
      const error = new MalformedJobError("malformed judge job");
      const decision = decideAfterError(error, job);
      logger.error({ jobId: job.id, issues: parsed.error.issues, decision }, "malformed judge job");
      // Without a payload there is no submission to end as IE: drop it, or let BullMQ try again.
      throw decision === "drop" ? new UnrecoverableError(error.message) : error;
    }
    const request = parsed.data;
    // The mapped type pairs each kind with its payload; TypeScript cannot follow that through an index.
    const handler = handlers[request.kind] as (job: Job, request: JudgeJob) => Promise<void>;
    return handler(job, request);
  };
}
