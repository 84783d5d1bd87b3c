import { createLogger } from "@judge/config";
import { loadWorkerConfig } from "./config.ts";
import { startWorker } from "./start-worker.ts";

const config = loadWorkerConfig();
const logger = createLogger("worker", config.LOG_LEVEL);
const worker = await startWorker(config, logger);
logger.info({ workerId: config.WORKER_ID, concurrency: config.WORKER_CONCURRENCY, languages: worker.languages }, "worker ready");

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "draining: finishing the jobs in hand");
    worker.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, "unclean shutdown");
        process.exit(1);
      },
    );
  });
}
