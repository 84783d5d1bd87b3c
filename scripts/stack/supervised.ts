/** A running child as the supervisor sees it: a service process or the embedded redis-server. */
export interface RunningChild {
  pid: number;
  /** Resolves with the exit code (or signal, or why it failed to spawn) once it has exited. */
  exited: Promise<number | string>;
  /** Stops it for good (SIGTERM, then SIGKILL); resolves when it is gone. */
  stop(): Promise<unknown>;
}

export interface Backoff {
  /** ms before the first restart */
  initialMs: number;
  /** ms the delay doubles up to */
  maxMs: number;
  /** ms a child must stay up for the delay to start over from initialMs */
  stableMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 500, maxMs: 30_000, stableMs: 30_000 };

export interface SupervisedOptions {
  name: string;
  /** Starts the child again; resolves once it is ready, rejects if it fails to start. */
  restart: () => Promise<RunningChild>;
  /** One line per exit and per restart. Must not throw. */
  log: (line: string) => void;
  /** Told each new child's pid (the pid file), and null when it has stopped for good. */
  onPid?: (pid: number | null) => void;
  backoff?: Backoff;
}

function describeExit(outcome: number | string): string {
  if (typeof outcome === "number") return `exit code ${outcome}`;
  return outcome.startsWith("SIG") ? `signal ${outcome}` : outcome;
}

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${ms / 1000} s`;
}

/**
 * Keeps one child running: when it exits, says so with the reason, waits (exponential
 * backoff, starting over once a child has stayed up `stableMs`) and starts it again, until
 * stop(). A restart that fails counts as an exit. Nothing in here throws: the supervisor
 * shares its process with the embedded database and the gateway.
 */
export function supervise(first: RunningChild, options: SupervisedOptions) {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  let current: RunningChild | null = first;
  let stopping = false;
  let wake: (() => void) | null = null;
  let delay = backoff.initialMs;

  const loop = async () => {
    let child = first;
    let since = Date.now();
    for (;;) {
      const outcome = await child.exited;
      current = null;
      if (stopping) return;
      if (Date.now() - since >= backoff.stableMs) delay = backoff.initialMs;
      options.log(`${options.name} exited (${describeExit(outcome)}); restarting in ${duration(delay)}`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, delay);
      });
      wake = null;
      delay = Math.min(delay * 2, backoff.maxMs);
      if (stopping) return;
      since = Date.now();
      try {
        child = await options.restart();
      } catch (err) {
        const message = err instanceof Error ? err.message.split("\n")[0] : String(err);
        child = { pid: 0, exited: Promise.resolve(`failed to start: ${message}`), stop: async () => undefined };
        continue;
      }
      if (stopping) {
        await child.stop();
        return;
      }
      current = child;
      options.onPid?.(child.pid);
      options.log(`${options.name} restarted (pid ${child.pid})`);
    }
  };
  const running = loop().catch((err: unknown) => options.log(`${options.name}: supervision failed: ${String(err)}`));

  return {
    get pid(): number | null {
      return current?.pid ?? null;
    },
    /** Stops restarting it, and stops it. Safe to call twice. */
    async stop(): Promise<void> {
      stopping = true;
      wake?.();
      const child = current;
      if (child) await child.stop();
      await running;
      options.onPid?.(null);
    },
  };
}
