import type { Schedule } from "./heartbeat.ts";

export interface PollingOptions {
  /** Delay before the first read: a page load's socket usually opens well within it (ms). */
  firstDelayMs: number;
  /** Ceiling of the doubling delay between reads (ms). */
  maxDelayMs: number;
}

export const defaultPolling: PollingOptions = { firstDelayMs: 1_000, maxDelayMs: 10_000 };

/**
 * Bounded polling while the socket is down: reads at 1, 2, 4, 8, then every 10 s, one read at a
 * time (the next waits for `tick` to settle). Started when the socket goes, stopped when it is
 * back or nothing is left to read; each start begins the doubling afresh.
 */
export class Poller {
  #running = false;
  #delay = 0;
  #cancel: (() => void) | null = null;
  /** Identity of the current run, so a tick that settles after stop() schedules nothing. */
  #run = 0;

  constructor(
    private readonly options: PollingOptions,
    private readonly schedule: Schedule,
    /** One round of reads; resolves `false` when nothing is left to read. */
    private readonly tick: () => Promise<boolean>,
  ) {}

  get running(): boolean {
    return this.#running;
  }

  /** Safe to call while running: the cadence is kept. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#delay = this.options.firstDelayMs;
    this.#next(++this.#run);
  }

  stop(): void {
    this.#running = false;
    this.#run++;
    this.#cancel?.();
    this.#cancel = null;
  }

  #next(run: number): void {
    this.#cancel = this.schedule(() => {
      this.#cancel = null;
      void this.tick().then(
        (more) => this.#after(run, more),
        () => this.#after(run, true),
      );
    }, this.#delay);
    this.#delay = Math.min(this.#delay * 2, this.options.maxDelayMs);
  }

  #after(run: number, more: boolean): void {
    if (run !== this.#run) return;
    if (more) this.#next(run);
    else this.stop();
  }
}
