import { closeSync } from "node:fs";

/**
 * The worker's own copies of the interaction pipes' descriptors, each closed exactly once: a
 * descriptor number closed twice could by then name another file of the worker.
 */
export class PipeEnds {
  readonly #open = new Set<number>();

  constructor(fds: readonly number[]) {
    for (const fd of fds) this.#open.add(fd);
  }

  close(fd: number): void {
    if (!this.#open.delete(fd)) return;
    closeSync(fd);
  }

  closeAll(): void {
    for (const fd of [...this.#open]) this.close(fd);
  }
}
