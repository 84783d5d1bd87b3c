import type { ProblemDetail } from "@judge/protocol";

export type UnsupportedLanguages = NonNullable<ProblemDetail["unsupportedLanguages"]>;

/** "Haskell, Pascal: LeetCode has no …": the languages a problem cannot take, grouped by why. */
export function unsupportedNote(unsupported: UnsupportedLanguages): string {
  const byReason = new Map<string, string[]>();
  for (const language of unsupported) byReason.set(language.reason, [...(byReason.get(language.reason) ?? []), language.name]);
  return [...byReason].map(([reason, names]) => `${names.join(", ")}: ${reason}.`).join(" ");
}
