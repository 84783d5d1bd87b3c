/** Runs `fn` after `ms`; returns a cancel function. */
export type Schedule = (fn: () => void, ms: number) => () => void;

export interface HeartbeatOptions {
  /** Silence after which the client asks (sends a ping) (ms). */
  idleMs: number;
  /** How long it then waits for any message before it gives the socket up (ms). */
  timeoutMs: number;
}

/**
 * A socket's pulse: 10 s of silence costs one small ping, a further 5 without any answer marks
 * the socket dead. A frozen or partitioned server keeps the TCP connection "open" for minutes;
 * this turns that into a close within 15 s. Any message counts as an answer.
 */
export const defaultHeartbeat: HeartbeatOptions = { idleMs: 10_000, timeoutMs: 5_000 };

interface HeartbeatHooks {
  now(): number;
  schedule: Schedule;
  ping(): void;
  dead(): void;
}

/**
 * Watches one open socket for silence. One timer at a time, re-armed lazily: a message only
 * records the time, so a busy stream costs no timer churn.
 */
export class Heartbeat {
  #lastHeardAt: number;
  /** When the unanswered ping went out; null when none is. */
  #pingSentAt: number | null = null;
  #cancel: (() => void) | null = null;

  constructor(
    private readonly options: HeartbeatOptions,
    private readonly hooks: HeartbeatHooks,
  ) {
    this.#lastHeardAt = hooks.now();
    this.#arm(options.idleMs);
  }

  /** The socket said something: it is alive. */
  heard(): void {
    this.#lastHeardAt = this.hooks.now();
    this.#pingSentAt = null;
  }

  stop(): void {
    this.#cancel?.();
    this.#cancel = null;
  }

  #arm(ms: number): void {
    this.#cancel = this.hooks.schedule(() => this.#check(), Math.max(0, ms));
  }

  #check(): void {
    this.#cancel = null;
    const now = this.hooks.now();
    if (this.#pingSentAt !== null) {
      const waited = now - this.#pingSentAt;
      if (waited >= this.options.timeoutMs) this.hooks.dead();
      else this.#arm(this.options.timeoutMs - waited);
      return;
    }
    const quiet = now - this.#lastHeardAt;
    if (quiet < this.options.idleMs) {
      this.#arm(this.options.idleMs - quiet);
      return;
    }
    this.#pingSentAt = now;
    this.#arm(this.options.timeoutMs);
    this.hooks.ping();
  }
}
