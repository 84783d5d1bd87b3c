import type { LanguageId } from "@judge/protocol";
import type { Bind } from "../sandbox/bwrap-args.ts";

/**
 * One language = one file exporting a `Language`. Inside the sandbox the source sits at
 * `/box/<sourceName>` while compiling, and whatever the compile step keeps is shown read-only
 * at `/prog` when running (for interpreted languages: the source itself).
 */
export const PROG_DIR = "/prog";

/**
 * Where a program of several files (a multi-file submission, or a Java file whose class is not
 * Main) starts: its compile and run steps are made from it instead of from `sourceName`.
 */
export interface ProgramEntry {
  /** the source files in /box the compiler gets, sorted; headers and other files lie beside them */
  sources: readonly string[];
  /** the file it starts in (Python) */
  mainFile: string;
  /** the class it starts in (Java) */
  mainClass?: string;
}

export interface CompileStep {
  argv: readonly string[];
  /**
   * The argv for a program with an entry (several sources, or Java's main class elsewhere);
   * absent: the language builds only its `sourceName` (a multi-file submission is a CE).
   */
  argvFor?(entry: ProgramEntry): readonly string[];
  /** extra read-only host paths, e.g. a precompiled header directory */
  binds?: readonly Bind[];
  env?: Readonly<Record<string, string>>;
  /** which files the compiler left in /box make up the program */
  keep(fileName: string): boolean;
  /** processes+threads: a JVM-based compiler needs dozens */
  pids?: number;
}

export interface RunContext {
  /** the problem's memory limit, bytes */
  memoryBytes: number;
  /** RLIMIT_STACK the program gets, bytes */
  stackBytes: number;
  /** where a program of several files starts; absent: the language's `sourceName` */
  entry?: ProgramEntry | null;
}

export interface RunStep {
  argv: readonly string[];
  binds?: readonly Bind[];
  env?: Readonly<Record<string, string>>;
  /** processes+threads the runtime itself needs (a JVM starts ~20 threads) */
  pids?: number;
  /**
   * The runtime's own report of running out of memory (a heap limit we gave it), which makes
   * a runtime error a memory-limit verdict.
   */
  outOfMemory?: RegExp;
}

/** A language whose toolchain was found on this machine. */
export interface Toolchain {
  /** e.g. "3.11.2", the toolchain's own answer */
  version: string;
  /** null: nothing to compile; the source is the program */
  compile: CompileStep | null;
  run(context: RunContext): RunStep;
}

/** What a language may use while it looks for its toolchain. */
export interface DetectContext {
  /** stdout+stderr of a trusted toolchain binary run on the host (not sandboxed), or null if it fails */
  probe(command: string, args: readonly string[]): Promise<string | null>;
  /**
   * Compile trusted files once in the sandbox (a precompiled header) and keep `output` in a
   * cache directory named by `key`; the directory, or null when that compile failed.
   */
  buildOnce(request: BuildOnceRequest): Promise<string | null>;
}

export interface BuildOnceRequest {
  key: string;
  files: Readonly<Record<string, string>>;
  argv: readonly string[];
  /** file in /box to keep, and where it goes inside the cache directory */
  output: { file: string; as: string };
}

export interface Language {
  id: LanguageId;
  /** file name of the source inside /box, e.g. Main.java */
  sourceName: string;
  detect(context: DetectContext): Promise<Toolchain | null>;
}
