import { createLogger } from "@judge/config";
import { loadNotifierConfig } from "./config.ts";
import { createNotifier } from "./notifier.ts";

async function main(): Promise<void> {
  const config = loadNotifierConfig();
  const logger = createLogger("notifier", config.logLevel);
  const notifier = await createNotifier({ config, logger, defaultMetrics: true });
  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "shutting down");
    notifier.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((err: unknown) => {
  // The logger may not exist yet (a bad configuration): stderr is the one place left.
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
