import { createLogger, runService } from "@judge/config";
import { loadApiConfig } from "./config.ts";
import { startApi } from "./start-api.ts";

runService("api", async () => {
  const config = loadApiConfig();
  const logger = createLogger("api", config.LOG_LEVEL);
  const api = await startApi(config, logger);
  return { logger, close: api.close, details: { port: api.port } };
});
