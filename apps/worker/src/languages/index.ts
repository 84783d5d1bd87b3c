import type { LanguageId } from "@judge/protocol";
import { c } from "./c.ts";
import { cpp } from "./cpp.ts";
import { java } from "./java.ts";
import { javascript } from "./javascript.ts";
import type { Language } from "./language.ts";
import { typescript } from "./typescript.ts";
import { go } from "./go.ts";
import { rust } from "./rust.ts";
import { pypy } from "./pypy.ts";
import { ruby } from "./ruby.ts";
import { php } from "./php.ts";
import { csharp } from "./csharp.ts";
import { kotlin } from "./kotlin.ts";
import { haskell } from "./haskell.ts";
import { pascal } from "./pascal.ts";
import { lua } from "./lua.ts";
import { python } from "./python.ts";
import { scala } from "./scala.ts";
import { ocaml } from "./ocaml.ts";
import { lisp } from "./lisp.ts";
import { prolog } from "./prolog.ts";

export type { Language, Toolchain, DetectContext, BuildOnceRequest, CompileStep, RunStep, RunContext, ProgramEntry } from "./language.ts";
export { PROG_DIR } from "./language.ts";
export { probeCommand } from "./probe.ts";

/**
 * Every language id and its strategy, or null where none is written yet: a `Record`, so a new
 * id in the protocol fails to compile until it is decided here.
 */
export const languageStrategies: Record<LanguageId, Language | null> = {
  c,
  cpp,
  python,
  javascript,
  java,
  typescript,
  go,
  rust,
  pypy,
  ruby,
  php,
  csharp,
  kotlin,
  haskell,
  pascal,
  lua,
  scala,
  ocaml,
  lisp,
  prolog,
};
