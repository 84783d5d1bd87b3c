import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { TestBundle } from "@judge/protocol";

export class BundleFetchError extends Error {
  readonly code = "BUNDLE_FETCH";
  constructor(message: string) {
    super(message);
    this.name = "BundleFetchError";
  }
}

/**
 * Test data by content hash: memory first, then the disk cache, then the API. The worker
 * holds no database credentials; the API's internal endpoint is its only source.
 */
export class TestBundleCache {
  private readonly memory = new Map<string, TestBundle>();
  private readonly inFlight = new Map<string, Promise<TestBundle>>();
  private readonly dir: string;

  constructor(
    private readonly apiUrl: string,
    private readonly workerToken: string,
    cacheDir: string,
    private readonly memoryEntries = 64,
  ) {
    this.dir = join(cacheDir, "bundles");
  }

  get(problemId: string, hash: string): Promise<TestBundle> {
    const hit = this.memory.get(hash);
    if (hit) return Promise.resolve(hit);
    let pending = this.inFlight.get(hash);
    if (!pending) {
      pending = this.load(problemId, hash).finally(() => this.inFlight.delete(hash));
      this.inFlight.set(hash, pending);
    }
    return pending;
  }

  private async load(problemId: string, hash: string): Promise<TestBundle> {
    const fromDisk = await this.readDisk(hash);
    const bundle = fromDisk ?? (await this.fetch(problemId));
    if (!fromDisk) await this.writeDisk(bundle);
    this.remember(bundle);
    return bundle;
  }

  private async readDisk(hash: string): Promise<TestBundle | null> {
    try {
      const parsed = TestBundle.safeParse(JSON.parse(await readFile(join(this.dir, `${hash}.json`), "utf8")));
      return parsed.success && parsed.data.hash === hash ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private async writeDisk(bundle: TestBundle): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    // Write then rename, so a concurrent reader never sees half a file.
    const tmp = join(this.dir, `${bundle.hash}.${process.pid}.${Date.now()}.tmp`);
    await writeFile(tmp, JSON.stringify(bundle));
    await rename(tmp, join(this.dir, `${bundle.hash}.json`));
  }

  private async fetch(problemId: string): Promise<TestBundle> {
    const url = `${this.apiUrl}/internal/problems/${encodeURIComponent(problemId)}/bundle`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${this.workerToken}` },
        signal: AbortSignal.timeout(30_000),
      });
    } catch (err) {
      throw new BundleFetchError(`test data fetch failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!response.ok) throw new BundleFetchError(`test data fetch answered ${response.status}`);
    const parsed = TestBundle.safeParse(await response.json());
    if (!parsed.success) throw new BundleFetchError("test data from the API is malformed");
    // A problem edited after this submission was made: judge on the current tests.
    return parsed.data;
  }

  private remember(bundle: TestBundle): void {
    this.memory.set(bundle.hash, bundle);
    if (this.memory.size > this.memoryEntries) {
      const oldest = this.memory.keys().next().value;
      if (oldest !== undefined) this.memory.delete(oldest);
    }
  }
}
