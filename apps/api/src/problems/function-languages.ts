import { functionLanguages, functionUnsupportedReason } from "@judge/function-problems";
import type { LanguageId, LanguageInfo, ProblemDetail, Signature } from "@judge/protocol";
import { ApiError } from "../http/api-error.ts";

/**
 * The starter code of a language for this signature, or why the language cannot take it: it
 * has no LeetCode convention (no module in @judge/function-problems), or its module refuses
 * the signature (a type it cannot express throws when its code is generated).
 */
function starterOrReason(language: LanguageId, signature: Signature): { starter: string } | { reason: string } {
  const module = functionLanguages[language];
  if (module === undefined) return { reason: functionUnsupportedReason(language) ?? "no LeetCode convention" };
  try {
    return { starter: module.starter(signature) };
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Which of the fleet's languages can take a function problem: those with a LeetCode
 * convention get its starter code, the others are listed apart with the reason, so the editor
 * can say why instead of failing at judge time.
 */
export function functionLanguageOffer(
  signature: Signature,
  offered: readonly LanguageInfo[],
): Pick<ProblemDetail, "languages" | "unsupportedLanguages"> {
  const languages: ProblemDetail["languages"] = [];
  const unsupportedLanguages: NonNullable<ProblemDetail["unsupportedLanguages"]> = [];
  for (const lang of offered) {
    const support = starterOrReason(lang.id, signature);
    if ("starter" in support) languages.push({ ...lang, starter: support.starter });
    else unsupportedLanguages.push({ id: lang.id, name: lang.name, reason: support.reason });
  }
  return { languages, unsupportedLanguages };
}

/** A submission or run of a function problem in a language that cannot take it: 400, before it is queued. */
export function requireFunctionLanguage(language: LanguageId, problem: string, signature: Signature): void {
  const support = starterOrReason(language, signature);
  if ("reason" in support) {
    throw new ApiError("VALIDATION", `"${problem}" is a function problem and ${language} cannot take it: ${support.reason}`, {
      supported: Object.keys(functionLanguages),
    });
  }
}
