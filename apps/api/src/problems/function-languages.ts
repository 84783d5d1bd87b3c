import { functionLanguages, functionUnsupportedReason } from "@judge/function-problems";
import type { LanguageId, LanguageInfo, ProblemDetail, Signature } from "@judge/protocol";
import { ApiError } from "../http/api-error.ts";

/**
 * Which of the fleet's languages can take a function problem: those with a LeetCode
 * convention (a module in @judge/function-problems) get its starter code, the others are
 * listed apart with the reason, so the editor can say why instead of failing at judge time.
 */
export function functionLanguageOffer(
  signature: Signature,
  offered: readonly LanguageInfo[],
): Pick<ProblemDetail, "languages" | "unsupportedLanguages"> {
  const languages: ProblemDetail["languages"] = [];
  const unsupportedLanguages: NonNullable<ProblemDetail["unsupportedLanguages"]> = [];
  for (const lang of offered) {
    const module = functionLanguages[lang.id];
    if (module === undefined) {
      unsupportedLanguages.push({ id: lang.id, name: lang.name, reason: functionUnsupportedReason(lang.id) ?? "" });
    } else {
      languages.push({ ...lang, starter: module.starter(signature) });
    }
  }
  return { languages, unsupportedLanguages };
}

/** A submission or run of a function problem in a language that has no driver: 400, before it is queued. */
export function requireFunctionLanguage(language: LanguageId, problem: string): void {
  const reason = functionUnsupportedReason(language);
  if (reason !== null) {
    throw new ApiError("VALIDATION", `"${problem}" is a function problem and ${language} cannot take it: ${reason}`, {
      supported: Object.keys(functionLanguages),
    });
  }
}
