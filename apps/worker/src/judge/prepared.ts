import type { LanguageId, Verdict } from "@judge/protocol";
import type { ProgramEntry, Toolchain } from "../languages/index.ts";
import type { ProgramSource } from "./program-store.ts";

/** A program ready to run: its files checked out of the cache until `release`. */
export type Prepared =
  | {
      ok: true;
      dir: string;
      toolchain: Toolchain;
      /** where a program of several files (or a Java class not named Main) starts; run steps take it */
      entry?: ProgramEntry | null;
      release(): Promise<void>;
    }
  | { ok: false; verdict: Extract<Verdict, "CE" | "IE">; message: string };

/** Compiles (or takes from the cache) a program; the caller releases what it gets. */
export type ProgramSourceCompiler = (language: LanguageId, source: ProgramSource) => Promise<Prepared>;
