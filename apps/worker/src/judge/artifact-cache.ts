import { createHash, randomBytes } from "node:crypto";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * Compiled programs on disk, one directory per (language, toolchain, source hash), shown
 * read-only to the sandbox at /prog. Entries are complete or absent: each is built in a
 * temporary directory and renamed into place, so a crash never leaves half an artifact, and two
 * workers racing on the same source both end up using one finished directory.
 */
export class ArtifactCache {
  /** one compile per key at a time in this process; the others wait for it */
  readonly #inFlight = new Map<string, Promise<unknown>>();

  constructor(readonly root: string) {}

  /** `toolchainTag` changes when the compiler or its flags do, so an upgrade never reuses old binaries. */
  dirFor(kind: string, toolchainTag: string, sourceHash: string): string {
    return join(this.root, kind, `${sourceHash}-${toolchainTag}`);
  }

  async has(dir: string): Promise<boolean> {
    try {
      return (await stat(dir)).isDirectory();
    } catch {
      return false;
    }
  }

  /** A fresh directory next to the entries (same file system, so rename is atomic). */
  async tempDir(): Promise<string> {
    const dir = join(this.root, "tmp", `${process.pid}-${randomBytes(6).toString("hex")}`);
    await mkdir(join(this.root, "tmp"), { recursive: true, mode: 0o711 });
    return dir;
  }

  /** Move a finished `temp` into place as `dir`; if another worker got there first, keep theirs. */
  async publish(temp: string, dir: string): Promise<void> {
    await mkdir(join(dir, ".."), { recursive: true, mode: 0o711 });
    try {
      await rename(temp, dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      await rm(temp, { recursive: true, force: true });
      if (code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
    }
  }

  /** Run `build` once per key at a time: concurrent requests for the same key share the result. */
  once<T>(key: string, build: () => Promise<T>): Promise<T> {
    const running = this.#inFlight.get(key);
    if (running !== undefined) return running as Promise<T>;
    const promise = build().finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, promise);
    return promise;
  }
}
