import type { Logger } from "./logger.ts";

/** ms an orphaned service may spend draining before it exits anyway. */
const ORPHAN_DRAIN_MS = 10_000;

export interface RunningService {
  logger: Logger;
  /** Drains and releases everything; called once, on SIGTERM or SIGINT. */
  close(): Promise<void>;
  /** Logged with the ready line and sent to a parent that spawned this process with IPC. */
  details: Record<string, unknown>;
}

/**
 * A service process's life: start, announce readiness, drain on the first SIGTERM/SIGINT
 * and exit 0. A failed start (a bad configuration among others) prints its message and
 * exits 1. Readiness goes over IPC when there is a parent listening, so a supervisor does
 * not depend on the log level to know the service is up.
 */
export function runService(name: string, start: () => Promise<RunningService>): void {
  // A supervisor that dies must not leave this process running on its own, not even one that
  // dies while this process is still starting. It may have taken Redis or the embedded
  // database with it, so a drain that waits on them is cut short: nobody is left to send the
  // SIGKILL that would end it otherwise.
  let stopOnOrphan: (() => void) | null = null;
  if (process.send) {
    process.once("disconnect", () => {
      setTimeout(() => process.exit(1), ORPHAN_DRAIN_MS).unref();
      if (stopOnOrphan) stopOnOrphan();
      else process.exit(1);
    });
  }
  start().then(
    (service) => {
      service.logger.info(service.details, `${name} ready`);
      if (process.connected) process.send?.({ type: "ready", service: name, ...service.details });
      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) return;
        stopping = true;
        service.logger.info({ signal }, "draining");
        service.close().then(
          () => process.exit(0),
          (err: unknown) => {
            service.logger.error({ err }, "unclean shutdown");
            process.exit(1);
          },
        );
      };
      process.on("SIGTERM", stop);
      process.on("SIGINT", stop);
      stopOnOrphan = () => stop("SIGTERM");
    },
    (err: unknown) => {
      process.stderr.write(`${name} failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
