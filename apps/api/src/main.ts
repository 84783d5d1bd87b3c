import { createLogger } from "@judge/config";
import { loadApiConfig } from "./config.ts";
import { startApi } from "./start-api.ts";

const config = loadApiConfig();
const logger = createLogger("api", config.LOG_LEVEL);
const api = await startApi(config, logger);
logger.info({ port: api.port }, "api listening");

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "draining");
    api.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, "unclean shutdown");
        process.exit(1);
      },
    );
  });
}
