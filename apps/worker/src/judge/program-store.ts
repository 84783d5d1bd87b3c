import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Logger } from "@judge/config";
import type { LanguageId } from "@judge/protocol";
import { type BuildOnceRequest, type ProgramEntry, type Toolchain, languageStrategies } from "../languages/index.ts";
import { SandboxError } from "../sandbox/errors.ts";
import type { Sandbox } from "../sandbox/sandbox.ts";
import { type ArtifactCache, type Checkout, sha256 } from "./artifact-cache.ts";
import { compileInSandbox } from "./compiler.ts";
import { type JudgeLimits, compileLimits } from "./limits.ts";
import type { ScratchMounts } from "./scratch-mounts.ts";
import { type ProgramSource, programLayout } from "./program-layout.ts";

export { ProgramShapeError, type ProgramSource } from "./program-layout.ts";

/** The cache key of a program's files: over every name and content, so no two programs share one. */
function sourceHash(files: Readonly<Record<string, string>>, single: boolean): string {
  const names = Object.keys(files).sort();
  // A one-file program keeps the key it always had (the code's hash), so existing entries stay valid.
  if (single && names.length === 1) return sha256(files[names[0]!]!);
  return sha256(names.map((name) => `${name}\0${Buffer.byteLength(files[name]!)}\0${files[name]}`).join("\0"));
}

/** What compiling needs: the box, its bounded scratch, the bounded cache, the limits. */
export interface ProgramStoreDeps {
  sandbox: Sandbox;
  scratch: ScratchMounts;
  cache: ArtifactCache;
  limits: JudgeLimits;
  /** bytes one compiled program may have; a bigger one is a CE */
  maxArtifactBytes: number;
  logger: Logger;
}

/**
 * Compiled programs: compiled in the box once per (language, toolchain, source), kept in the
 * bounded artifact cache, and handed to a judging as a checkout it releases when done. Owns the
 * compile scratch and the cache's checkouts; the sandbox belongs to the Judge.
 */
export class ProgramStore {
  constructor(private readonly deps: ProgramStoreDeps) {}

  /**
   * The program, compiled once per (language, toolchain, source) into the cache and checked out
   * for this judging. Another worker may evict the entry between our publish and our checkout:
   * then compile again, a few times at most (a cache smaller than one program never holds it).
   */
  async prepare(
    language: LanguageId,
    toolchain: Toolchain,
    source: ProgramSource,
  ): Promise<{ ok: true; checkout: Checkout; entry: ProgramEntry | null } | { ok: false; message: string }> {
    const { cache } = this.deps;
    const compile = toolchain.compile;
    const layout = programLayout(language, source);
    if (!layout.ok) return layout;
    const { files, entry } = layout;
    if (entry !== null && compile !== null && compile.argvFor === undefined) {
      return { ok: false, message: `${language}: a program of several files is not supported; send one file` };
    }
    const tag = sha256(`${toolchain.version}\0${compile?.argv.join("\0") ?? "source"}`).slice(0, 16);
    const dir = cache.dirFor(language, tag, sourceHash(files, layout.single));
    for (let attempt = 0; attempt < 3; attempt++) {
      const cached = await cache.checkout(dir);
      if (cached !== null) return { ok: true, checkout: cached, entry };
      const built = await cache.once(dir, () => this.compileInto(language, compile, files, entry, dir));
      if (!built.ok) return built;
    }
    throw new SandboxError(`the artifact cache lost ${dir} three times in a row: is ARTIFACT_CACHE_BYTES smaller than one program?`);
  }

  private async compileInto(
    language: LanguageId,
    compile: Toolchain["compile"],
    files: Readonly<Record<string, string>>,
    entry: ProgramEntry | null,
    dir: string,
  ): Promise<{ ok: true } | { ok: false; message: string }> {
    const { cache } = this.deps;
    const sourceName = languageStrategies[language]!.sourceName;
    const temp = await cache.tempDir();
    try {
      let bytes = 0;
      if (compile === null) {
        await mkdir(temp, { mode: 0o755 });
        for (const [name, content] of Object.entries(files)) {
          await writeFile(join(temp, name), content, { mode: 0o644 });
          bytes += Buffer.byteLength(content);
        }
      } else {
        const argv = entry !== null && compile.argvFor !== undefined ? compile.argvFor(entry) : compile.argv;
        const result = await compileInSandbox({
          ...this.deps,
          files,
          // A step that keeps its source (a syntax check) keeps every source file of the program.
          step: compile.keep(sourceName)
            ? { ...compile, argv, keep: (name) => compile.keep(name) || Object.hasOwn(files, name) }
            : { ...compile, argv },
          limits: compileLimits(this.deps.limits),
          dest: temp,
        });
        if (!result.ok) return { ok: false, message: result.message };
        bytes = result.bytes;
      }
      await cache.publish(temp, dir, bytes);
      return { ok: true };
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  }

  /**
   * A trusted one-off compile (a precompiled header) cached on disk for every later start. Its
   * entry is outside the size bound and never evicted: compiles bind it for the judge's lifetime.
   */
  async buildOnce(request: BuildOnceRequest): Promise<string | null> {
    const { cache, logger } = this.deps;
    const dir = cache.dirFor("build", "once", sha256(request.key));
    if (await cache.has(dir)) return dir;
    const temp = await cache.tempDir();
    try {
      const built = join(temp, "built");
      const result = await compileInSandbox({
        ...this.deps,
        files: request.files,
        step: { argv: request.argv, keep: (name) => name === request.output.file },
        limits: { ...compileLimits(this.deps.limits), cpuMs: 60_000, wallMs: 120_000, memoryBytes: 2 * 2 ** 30 },
        dest: built,
        // Trusted and one per toolchain: bounded by the compile scratch, not by the per-program limit.
        maxArtifactBytes: Number.MAX_SAFE_INTEGER,
      });
      if (!result.ok) {
        logger.warn({ key: request.key, message: result.message.slice(0, 2000) }, "one-off build failed; going without it");
        return null;
      }
      const target = join(temp, "tree", request.output.as);
      await mkdir(dirname(target), { recursive: true, mode: 0o755 });
      await rename(join(built, request.output.file), target);
      await cache.publish(join(temp, "tree"), dir, 0);
      logger.info({ key: request.key, dir }, "built once");
      return dir;
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  }

  /** Unmount the compile scratch and drop the checkouts. Judgings must be over. */
  async close(): Promise<void> {
    await Promise.allSettled([this.deps.scratch.close(), this.deps.cache.close()]);
  }
}
