import { pino, type Logger } from "pino";

export type { Logger };

/** One root logger per process; modules take `logger.child({ module })`. */
export function createLogger(service: string, level: string = "info"): Logger {
  return pino({ name: service, level, base: { service, pid: process.pid } });
}
