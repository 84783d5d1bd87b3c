import type { LanguageId } from "@judge/protocol";
import { LanguageId as LanguageIdSchema } from "@judge/protocol";
import { safeStorage } from "../ui/storage.ts";

const draftKey = (problem: string, language: LanguageId) => `judge:draft:${problem}:${language}`;
const languageKey = (problem: string) => `judge:language:${problem}`;
const PREFERRED_LANGUAGE_KEY = "judge:language";

/** The saved draft, or null when there is none (the editor then shows the starter code). */
export function loadDraft(problem: string, language: LanguageId): string | null {
  return safeStorage.get(draftKey(problem, language));
}

export function saveDraft(problem: string, language: LanguageId, code: string, starter: string): void {
  // Unchanged starter code is no draft: a later change of the starter then shows through.
  if (code === starter) safeStorage.remove(draftKey(problem, language));
  else safeStorage.set(draftKey(problem, language), code);
}

export function clearDraft(problem: string, language: LanguageId): void {
  safeStorage.remove(draftKey(problem, language));
}

/** The language last used on this problem, else the last used anywhere, if the problem offers it. */
export function loadLanguageChoice(problem: string, offered: readonly LanguageId[]): LanguageId | null {
  for (const key of [languageKey(problem), PREFERRED_LANGUAGE_KEY]) {
    const parsed = LanguageIdSchema.safeParse(safeStorage.get(key));
    if (parsed.success && offered.includes(parsed.data)) return parsed.data;
  }
  return null;
}

export function saveLanguageChoice(problem: string, language: LanguageId): void {
  safeStorage.set(languageKey(problem), language);
  safeStorage.set(PREFERRED_LANGUAGE_KEY, language);
}
