import type { PGlite } from "@electric-sql/pglite";

/**
 * Hands PGlite's single backend to one client connection at a time, for as long as that
 * client needs it to itself: through an extended-protocol pipeline (Parse … Sync) and through
 * a transaction. pglite-socket's own queue interleaves messages of different connections
 * between Parse, Bind and Execute, so under concurrent Prisma queries one connection's Bind
 * replaced another's unnamed portal ("portal \"\" does not exist"). Same interface as its
 * QueryQueueManager, so its per-socket handler can use it.
 */

interface Pending {
  handlerId: number;
  message: Uint8Array;
  onData(data: Uint8Array): void;
  resolve(bytes: number): void;
  reject(error: unknown): void;
}

/** Frontend messages after which the backend expects more from the same client before Sync. */
const PIPELINE_MESSAGES = new Set(["P", "B", "D", "E", "C", "H", "F", "d", "c", "f"].map((c) => c.charCodeAt(0)));
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);

/** A simple-protocol Query message ('Q', int32 length, text, NUL). */
function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, "utf8");
  const message = Buffer.alloc(5 + text.length);
  message.write("Q", 0, "latin1");
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}

export class BackendQueue {
  private queue: Pending[] = [];
  /** The connection that holds the backend, or null when any may go next. */
  private owner: number | null = null;
  /** Connections that went away; when one of them holds the backend, it is reset first. */
  private readonly closed = new Set<number>();
  private draining = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.drain();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.closed.add(handlerId);
    const dropped = this.queue.filter((p) => p.handlerId === handlerId);
    this.queue = this.queue.filter((p) => p.handlerId !== handlerId);
    for (const p of dropped) p.reject(new Error("connection closed"));
  }

  /** Called when a connection closes: frees the backend if that connection held it. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    this.closed.add(handlerId);
    await this.drain();
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (;;) {
        if (this.owner !== null && this.closed.has(this.owner)) {
          await this.reset();
          continue;
        }
        const index = this.owner === null ? (this.queue.length > 0 ? 0 : -1) : this.queue.findIndex((p) => p.handlerId === this.owner);
        if (index < 0) break;
        const [next] = this.queue.splice(index, 1);
        if (!next) break;
        await this.run(next);
      }
      for (const id of this.closed) if (id !== this.owner) this.closed.delete(id);
    } finally {
      this.draining = false;
    }
  }

  private async run(p: Pending): Promise<void> {
    let bytes = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(p.message, {
          onRawData: (data) => {
            bytes += data.length;
            p.onData(data);
          },
        }),
      );
      p.resolve(bytes);
    } catch (error) {
      p.reject(error);
    }
    const type = p.message[0] ?? 0;
    this.owner = PIPELINE_MESSAGES.has(type) || this.db.isInTransaction() ? p.handlerId : null;
  }

  /** Ends what a vanished client left open: an unfinished pipeline, then its transaction. */
  private async reset(): Promise<void> {
    // Raw protocol messages, like the clients' own: exec() would wait for the same mutex.
    await this.db.runExclusive(async () => {
      await this.db.execProtocolRaw(SYNC).catch(() => undefined);
      if (this.db.isInTransaction()) await this.db.execProtocolRaw(simpleQuery("ROLLBACK")).catch(() => undefined);
    });
    if (this.owner !== null) this.closed.delete(this.owner);
    this.owner = null;
  }
}
