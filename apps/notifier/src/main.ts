import { createLogger, runService } from "@judge/config";
import { loadNotifierConfig } from "./config.ts";
import { createNotifier } from "./notifier.ts";

runService("notifier", async () => {
  const config = loadNotifierConfig();
  const logger = createLogger("notifier", config.logLevel);
  const notifier = await createNotifier({ config, logger, defaultMetrics: true });
  return { logger, close: notifier.close, details: { port: notifier.port } };
});
