import { Worker, type ConnectionOptions } from "bullmq";
import type { Logger } from "@judge/config";
import type { PrismaClient } from "@judge/db";
import { JudgeResult, queueNames } from "@judge/protocol";
import { recordResult, type RecordedResult } from "./record-result.ts";

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
  const worker = new Worker(
    queueNames.results,
    async (job) => {
      const parsed = JudgeResult.safeParse(job.data);
      if (!parsed.success) {
        logger.error({ jobId: job.id, issues: parsed.error.issues }, "malformed result dropped");
        return;
      }
      const stored = await recordResult(options.prisma, parsed.data);
      logger.debug({ submissionId: parsed.data.submissionId, verdict: parsed.data.verdict, stored: stored !== null }, "result");
      if (stored) options.onRecorded?.(parsed.data, stored);
    },
    { connection: options.connection, prefix: options.prefix, concurrency: 16 },
  );
  worker.on("failed", (job, err) => logger.warn({ err, jobId: job?.id }, "storing a result failed; BullMQ retries"));
  worker.on("error", (err) => logger.error({ err }, "result consumer error"));
  return worker;
}
