import type { LanguageId, User } from "@judge/protocol";
import { LanguageId as LanguageIdSchema } from "@judge/protocol";
import { safeStorage } from "../ui/storage.ts";

/**
 * Whose drafts and language choices: a signed-in user's (by id), the signed-out visitor's,
 * or null while the API has not said who is signed in (nothing is read or written then).
 * Keyed by user so that what one person typed is not shown to the next one on this browser.
 */
export type DraftOwner = string | null;

export function draftOwner(user: User | null | undefined): DraftOwner {
  if (user === undefined) return null;
  return user === null ? "guest" : `user-${user.id}`;
}

const draftKey = (owner: string, problem: string, language: LanguageId) => `judge:draft:${owner}:${problem}:${language}`;
const languageKey = (owner: string, problem: string) => `judge:language:${owner}:${problem}`;
const preferredLanguageKey = (owner: string) => `judge:language:${owner}`;

/** A newcomer's language, when the problem offers it: the most used ones first, not the first alphabetically. */
const NEWCOMER_LANGUAGES: readonly LanguageId[] = ["python", "cpp"];

/** The saved draft, or null when there is none (the editor then shows the starter code). */
export function loadDraft(owner: DraftOwner, problem: string, language: LanguageId): string | null {
  return owner === null ? null : safeStorage.get(draftKey(owner, problem, language));
}

export function saveDraft(owner: DraftOwner, problem: string, language: LanguageId, code: string, starter: string): void {
  if (owner === null) return;
  // Unchanged starter code is no draft: a later change of the starter then shows through.
  if (code === starter) safeStorage.remove(draftKey(owner, problem, language));
  else safeStorage.set(draftKey(owner, problem, language), code);
}

export function clearDraft(owner: DraftOwner, problem: string, language: LanguageId): void {
  if (owner !== null) safeStorage.remove(draftKey(owner, problem, language));
}

/**
 * The language to open a problem in: the owner's last one on this problem, else their last
 * one anywhere, else Python or C++, else the first the problem offers.
 */
export function initialLanguage(owner: DraftOwner, problem: string, offered: readonly LanguageId[]): LanguageId | null {
  const keys = owner === null ? [] : [languageKey(owner, problem), preferredLanguageKey(owner)];
  for (const key of keys) {
    const parsed = LanguageIdSchema.safeParse(safeStorage.get(key));
    if (parsed.success && offered.includes(parsed.data)) return parsed.data;
  }
  return NEWCOMER_LANGUAGES.find((id) => offered.includes(id)) ?? offered[0] ?? null;
}

export function saveLanguageChoice(owner: DraftOwner, problem: string, language: LanguageId): void {
  if (owner === null) return;
  safeStorage.set(languageKey(owner, problem), language);
  safeStorage.set(preferredLanguageKey(owner), language);
}
