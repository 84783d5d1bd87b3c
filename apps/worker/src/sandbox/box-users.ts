import { type Server, createServer } from "node:net";
import { SandboxError } from "./errors.ts";

/** The host uids and gids boxes run as: `count` consecutive ids from `uid` and from `gid`. */
export interface BoxUserRange {
  uid: number;
  gid: number;
  count: number;
}

/** One box's host identity, held from before its scratch exists until after it is removed. */
export interface BoxUser extends AsyncDisposable {
  readonly uid: number;
  readonly gid: number;
  release(): Promise<void>;
}

/**
 * Hands each concurrent box its own host uid and gid, as isolate does with box ids. Everything
 * the kernel keys by uid rather than by namespace (the keyring and /proc/keys, per-user limits,
 * signals and ptrace rights, file ownership in a compile scratch) is then private to one box.
 *
 * The claim must hold across worker processes on one host, and must not outlive a worker that
 * dies. It is an abstract unix socket named after the uid, bound in the worker's network
 * namespace: binding is atomic (EADDRINUSE for everyone else), and the kernel drops the name the
 * moment its owner closes it or dies, so a SIGKILLed worker leaves no stale claim to detect.
 * Boxes run in their own network namespace and cannot see or squat these names. Workers in
 * different network namespaces (one container each) do not see each other's claims: give them
 * disjoint ranges.
 */
export class BoxUsers {
  /** offsets claimed by this instance */
  readonly #held = new Set<number>();
  readonly #waiting: Array<() => void> = [];
  #next = 0;

  constructor(readonly range: BoxUserRange) {
    if (range.count < 1) throw new SandboxError("the box uid range is empty");
    if (range.uid < 1 || range.gid < 1) throw new SandboxError("box uids and gids must not include root");
  }

  /**
   * A free uid, waiting for one of ours to be released when this process holds them all. If
   * other processes hold the rest, the range is too small for this host: a SandboxError, which
   * the queue glue retries.
   */
  async claim(): Promise<BoxUser> {
    for (;;) {
      let busyElsewhere = 0;
      for (let tried = 0; tried < this.range.count; tried++) {
        const offset = (this.#next + tried) % this.range.count;
        if (this.#held.has(offset)) continue;
        this.#held.add(offset);
        const server = await bindClaim(this.range.uid + offset);
        if (server === null) {
          this.#held.delete(offset);
          busyElsewhere += 1;
          continue;
        }
        this.#next = (offset + 1) % this.range.count;
        return this.#user(offset, server);
      }
      if (busyElsewhere > 0) {
        throw new SandboxError(
          `no free box uid in ${this.range.uid}..${this.range.uid + this.range.count - 1}: other workers on this host hold them; raise SANDBOX_UID_COUNT`,
        );
      }
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
  }

  #user(offset: number, server: Server): BoxUser {
    let released: Promise<void> | null = null;
    const release = () => {
      released ??= new Promise<void>((resolve) => server.close(() => resolve())).then(() => {
        this.#held.delete(offset);
        this.#waiting.shift()?.();
      });
      return released;
    };
    return {
      uid: this.range.uid + offset,
      gid: this.range.gid + offset,
      release,
      [Symbol.asyncDispose]: release,
    };
  }
}

/** The abstract socket name that stands for "uid N is in use by a box on this host". */
export function claimName(uid: number): string {
  return `\0judge-box-uid-${uid}`;
}

/** Bind the claim for `uid`: the listening server, or null when another process holds it. */
function bindClaim(uid: number): Promise<Server | null> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") resolve(null);
      else reject(new SandboxError(`cannot claim box uid ${uid}`, { cause: error }));
    });
    server.listen({ path: claimName(uid), exclusive: true }, () => resolve(server));
  });
}
