export { loadConfig, ConfigError } from "./load-config.ts";
export { createLogger, type Logger } from "./logger.ts";
export * as env from "./env-fields.ts";
export { runService, type RunningService } from "./service-main.ts";
