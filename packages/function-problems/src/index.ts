import type { LanguageId } from "@judge/protocol";
import type { FunctionLanguage } from "./function-language.ts";
import { c } from "./languages/c.ts";
import { cpp } from "./languages/cpp.ts";
import { csharp } from "./languages/csharp.ts";
import { go } from "./languages/go.ts";
import { java } from "./languages/java.ts";
import { javascript } from "./languages/javascript.ts";
import { kotlin } from "./languages/kotlin.ts";
import { php } from "./languages/php.ts";
import { pypy, python } from "./languages/python.ts";
import { ruby } from "./languages/ruby.ts";
import { rust } from "./languages/rust.ts";
import { typescript } from "./languages/typescript.ts";

export type { FunctionLanguage, FunctionProgram } from "./function-language.ts";

/** Languages with a LeetCode convention; the others say why not (`GET /api/problems/:slug`). */
export const functionLanguages: Partial<Record<LanguageId, FunctionLanguage>> = {
  c,
  cpp,
  csharp,
  go,
  java,
  javascript,
  kotlin,
  php,
  pypy,
  python,
  ruby,
  rust,
  typescript,
};

/**
 * Languages LeetCode does have a convention for that no module here implements yet; the others
 * without a module (Haskell, Pascal, Lua, OCaml, Common Lisp, Prolog) have none on LeetCode.
 */
const driverMissing: Partial<Record<LanguageId, string>> = {
  scala: "no driver for LeetCode's Scala convention yet",
};

/** Why a language cannot take a function problem, or null when it can. */
export function functionUnsupportedReason(language: LanguageId): string | null {
  if (functionLanguages[language] !== undefined) return null;
  return driverMissing[language] ?? "LeetCode has no function-call convention for this language";
}
export { boxInput, encodeValue, linesPerCase, parseCaseLines, splitCases } from "./box-input.ts";
export { FunctionInputError, UnsupportedSignatureError } from "./errors.ts";
export { rubyName } from "./languages/ruby.ts";
