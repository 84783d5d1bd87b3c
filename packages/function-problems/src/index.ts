import type { LanguageId } from "@judge/protocol";
import type { FunctionLanguage } from "./function-language.ts";
import { javascript } from "./languages/javascript.ts";
import { php } from "./languages/php.ts";
import { ruby } from "./languages/ruby.ts";
import { typescript } from "./languages/typescript.ts";

export type { FunctionLanguage, FunctionProgram } from "./function-language.ts";

/** Languages with a LeetCode convention; the others say why not (`GET /api/problems/:slug`). */
export const functionLanguages: Partial<Record<LanguageId, FunctionLanguage>> = { javascript, typescript, ruby, php };

/** Why a language cannot take a function problem, or null when it can. */
export function functionUnsupportedReason(language: LanguageId): string | null {
  return functionLanguages[language] === undefined ? "LeetCode has no function-call convention for this language" : null;
}
export { boxInput, encodeValue, linesPerCase, parseCaseLines, splitCases } from "./box-input.ts";
export { FunctionInputError } from "./errors.ts";
export { rubyName } from "./languages/ruby.ts";
