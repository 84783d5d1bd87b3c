import { Worker, type ConnectionOptions } from "bullmq";
import type { Logger } from "@judge/config";
import type { PrismaClient } from "@judge/db";
import { JudgeResult, queueNames } from "@judge/protocol";
import { recordResult, type RecordedResult } from "./record-result.ts";

export interface DeliveredResultDeps {
  /** Stores a result; null when the guard found it already stored or for another judging. */
  record: (result: JudgeResult) => Promise<RecordedResult | null>;
  logger: Logger;
  onRecorded?: (result: JudgeResult, row: RecordedResult) => void;
}

/**
 * One delivery from the results queue. A malformed result is dropped, not thrown: retrying
 * cannot fix its bytes. A failure to store it (the database is down) is thrown, so BullMQ
 * retries it. `onRecorded` hears only of the delivery that stored the result.
 */
export async function storeDeliveredResult(data: unknown, jobId: string | undefined, deps: DeliveredResultDeps): Promise<void> {
  const parsed = JudgeResult.safeParse(data);
  if (!parsed.success) {
    deps.logger.error({ jobId, issues: parsed.error.issues }, "malformed result dropped");
    return;
  }
  const stored = await deps.record(parsed.data);
  deps.logger.debug({ submissionId: parsed.data.submissionId, verdict: parsed.data.verdict, stored: stored !== null }, "result");
  if (stored) deps.onRecorded?.(parsed.data, stored);
}

/**
 * The durable path from the judge to the database: workers add each final result to the
 * results queue, and this consumer stores it. A failure (the database is down) leaves the
 * job to BullMQ's retries, so no result is lost while PostgreSQL is away.
 */
export function startResultConsumer(options: {
  prisma: PrismaClient;
  connection: ConnectionOptions;
  prefix: string;
  logger: Logger;
  onRecorded?: (result: JudgeResult, row: RecordedResult) => void;
}): Worker {
  const logger = options.logger.child({ module: "result-consumer" });
  const deps: DeliveredResultDeps = { record: (result) => recordResult(options.prisma, result), logger, onRecorded: options.onRecorded };
  const worker = new Worker(queueNames.results, (job) => storeDeliveredResult(job.data, job.id, deps), {
    connection: options.connection,
    prefix: options.prefix,
    concurrency: 16,
  });
  worker.on("failed", (job, err) => logger.warn({ err, jobId: job?.id }, "storing a result failed; BullMQ retries"));
  worker.on("error", (err) => logger.error({ err }, "result consumer error"));
  return worker;
}
