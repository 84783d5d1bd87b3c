import { createHash, randomBytes } from "node:crypto";
import { link, mkdir, readdir, rename, rm, stat, utimes } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "@judge/config";
import { ownerAlias } from "../sandbox/box-owner.ts";
import { type CacheEntry, planEviction } from "./cache-eviction.ts";

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Directories of the cache root that are not entry kinds. */
export const CACHE_SPECIAL_DIRS = ["tmp", "inuse", "trash"] as const;
/** Trusted one-off builds (precompiled headers): a handful per toolchain, outside the bound. */
const PINNED_KIND = "build";

/** A cache entry's files, hard-linked into a directory only this judging uses. */
export interface Checkout extends AsyncDisposable {
  readonly path: string;
}

let instances = 0;

/**
 * Compiled programs on disk, one directory per (language, toolchain, source hash), shown
 * read-only to the sandbox at /prog. Entries are complete or absent: each is built in a
 * temporary directory and renamed into place, so a crash never leaves half an artifact, and two
 * workers racing on the same source both end up using one finished directory.
 *
 * Bounded: past `maxBytes` of entries the least recently used go (`touch` on every use sets an
 * entry's mtime). Several workers may share the root. Eviction renames an entry away (atomic)
 * before deleting it, and a judging never runs from an entry itself but from a checkout: its
 * files hard-linked into a private directory, which keeps them alive whatever another worker
 * evicts meanwhile. A checkout that finds the entry gone (even half way) is a miss: compile again.
 */
export class ArtifactCache {
  /** one compile per key at a time in this process; the others wait for it */
  readonly #inFlight = new Map<string, Promise<unknown>>();
  readonly #inUse: string;
  #checkouts = 0;
  /** bytes of entries as last seen plus what this process added since; null: not scanned yet */
  #estimate: number | null = null;
  #evicting: Promise<void> | null = null;

  constructor(
    readonly root: string,
    private readonly maxBytes: number,
    private readonly logger: Logger,
  ) {
    instances += 1;
    this.#inUse = join(root, "inuse", `${ownerAlias()}-${instances}`);
  }

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

  /** Link the entry's files into a private directory and mark the entry used; null when it is (or goes) missing. */
  async checkout(dir: string): Promise<Checkout | null> {
    this.#checkouts += 1;
    const path = join(this.#inUse, String(this.#checkouts));
    await mkdir(this.#inUse, { recursive: true, mode: 0o711 });
    await mkdir(path, { mode: 0o755 });
    const release = () => rm(path, { recursive: true, force: true });
    try {
      // Entries hold plain files only, and are never changed after they are published.
      for (const name of await readdir(dir)) await link(join(dir, name), join(path, name));
      const now = new Date();
      await utimes(dir, now, now);
    } catch (error) {
      await release();
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
    return { path, [Symbol.asyncDispose]: release };
  }

  /** A fresh directory next to the entries (same file system, so rename is atomic). */
  async tempDir(): Promise<string> {
    const dir = join(this.root, "tmp", `${ownerAlias()}-${randomBytes(6).toString("hex")}`);
    await mkdir(join(this.root, "tmp"), { recursive: true, mode: 0o711 });
    return dir;
  }

  /**
   * Move a finished `temp` (`bytes` of files) into place as `dir`; if another worker got there
   * first, keep theirs. Then evict down to the bound if this one may have crossed it.
   */
  async publish(temp: string, dir: string, bytes: number): Promise<void> {
    await mkdir(join(dir, ".."), { recursive: true, mode: 0o711 });
    try {
      await rename(temp, dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      await rm(temp, { recursive: true, force: true });
      if (code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
      return;
    }
    if (this.#estimate !== null) this.#estimate += bytes;
    if (this.#estimate === null || this.#estimate > this.maxBytes) await this.evict();
  }

  /**
   * Scan the cache and delete least recently used entries until it holds at most 90% of the
   * bound (the slack spares a scan per publish). One eviction at a time per process; two workers
   * evicting at once may each remove an entry, which only costs a recompile.
   */
  evict(): Promise<void> {
    this.#evicting ??= (async () => {
      try {
        const entries = await this.#scan();
        const { remove, keptBytes } = planEviction(entries, this.maxBytes, Math.floor(this.maxBytes * 0.9));
        for (const entry of remove) await this.#remove(entry.dir);
        this.#estimate = keptBytes;
        if (remove.length > 0) this.logger.info({ removed: remove.length, keptBytes }, "evicted least recently used artifacts");
      } finally {
        this.#evicting = null;
      }
    })();
    return this.#evicting;
  }

  /** Rename first, so no checkout can see half an entry, then delete. */
  async #remove(dir: string): Promise<void> {
    const trash = join(this.root, "trash", `${ownerAlias()}-${randomBytes(6).toString("hex")}`);
    await mkdir(join(this.root, "trash"), { recursive: true, mode: 0o700 });
    try {
      await rename(dir, trash);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return; // another worker took it
      throw error;
    }
    await rm(trash, { recursive: true, force: true });
  }

  async #scan(): Promise<CacheEntry[]> {
    const entries: CacheEntry[] = [];
    for (const kind of await readdir(this.root).catch(() => [])) {
      if (kind === PINNED_KIND || (CACHE_SPECIAL_DIRS as readonly string[]).includes(kind)) continue;
      for (const name of await readdir(join(this.root, kind)).catch(() => [])) {
        const dir = join(this.root, kind, name);
        try {
          const info = await stat(dir);
          let bytes = 0;
          for (const file of await readdir(dir)) bytes += (await stat(join(dir, file))).size;
          entries.push({ dir, bytes, usedAtMs: info.mtimeMs });
        } catch {
          // evicted by another worker while we looked
        }
      }
    }
    return entries;
  }

  /** Run `build` once per key at a time: concurrent requests for the same key share the result. */
  once<T>(key: string, build: () => Promise<T>): Promise<T> {
    const running = this.#inFlight.get(key);
    if (running !== undefined) return running as Promise<T>;
    const promise = build().finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, promise);
    return promise;
  }

  /** Remove this instance's checkout directory (judgings must be over). */
  async close(): Promise<void> {
    await rm(this.#inUse, { recursive: true, force: true });
  }
}
