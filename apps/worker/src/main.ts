import { createLogger, runService } from "@judge/config";
import { loadWorkerConfig } from "./config.ts";
import { startWorker } from "./start-worker.ts";

runService("worker", async () => {
  const config = loadWorkerConfig();
  const logger = createLogger("worker", config.LOG_LEVEL);
  // close() lets BullMQ finish the jobs in hand, so nothing is left half-judged.
  const worker = await startWorker(config, logger);
  return {
    logger,
    close: worker.close,
    details: { workerId: config.WORKER_ID, concurrency: config.WORKER_CONCURRENCY, languages: worker.languages },
  };
});
