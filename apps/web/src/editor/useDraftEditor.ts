import { languageDisplay, type LanguageId, type ProblemDetail } from "@judge/protocol";
import { useCallback, useEffect, useRef, useState } from "react";
import { clearDraft, type DraftOwner, initialLanguage, loadDraft, saveDraft, saveLanguageChoice } from "./drafts.ts";

const SAVE_DELAY_MS = 300;

/**
 * The API's starter code for the language; a stdin problem without one gets the language's
 * usual program. A function problem's is the signature to fill in: never a stdin program.
 */
function starterOf(problem: ProblemDetail, language: LanguageId): string {
  const offered = problem.languages.find((l) => l.id === language);
  if (problem.kind === "function") return offered?.starter ?? "";
  return offered?.starter || languageDisplay[language].starter;
}

export interface DraftEditor {
  language: LanguageId;
  code: string;
  setCode(code: string): void;
  setLanguage(language: LanguageId): void;
  resetToStarter(): void;
}

/**
 * The editor's language and code for one problem, with the draft kept in localStorage per
 * owner (user), problem and language (saved shortly after typing stops, and when the page is
 * hidden). The owner is fixed for the hook's life: its caller remounts when the user changes.
 */
export function useDraftEditor(problem: ProblemDetail, owner: DraftOwner): DraftEditor {
  const slug = problem.slug;
  const [language, setLanguageState] = useState<LanguageId>(
    () => initialLanguage(owner, slug, problem.languages.map((l) => l.id)) ?? "python",
  );
  const [code, setCodeState] = useState(() => loadDraft(owner, slug, language) ?? starterOf(problem, language));

  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; save: () => void } | null>(null);
  const flush = useCallback(() => {
    if (pending.current === null) return;
    clearTimeout(pending.current.timer);
    pending.current.save();
    pending.current = null;
  }, []);

  useEffect(() => {
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [flush]);

  const setCode = useCallback(
    (next: string) => {
      setCodeState(next);
      if (pending.current) clearTimeout(pending.current.timer);
      const save = () => saveDraft(owner, slug, language, next, starterOf(problem, language));
      pending.current = { timer: setTimeout(flush, SAVE_DELAY_MS), save };
    },
    [owner, slug, language, problem, flush],
  );

  const setLanguage = useCallback(
    (next: LanguageId) => {
      flush();
      saveLanguageChoice(owner, slug, next);
      setLanguageState(next);
      setCodeState(loadDraft(owner, slug, next) ?? starterOf(problem, next));
    },
    [owner, slug, problem, flush],
  );

  const resetToStarter = useCallback(() => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = null;
    clearDraft(owner, slug, language);
    setCodeState(starterOf(problem, language));
  }, [owner, slug, language, problem]);

  return { language, code, setCode, setLanguage, resetToStarter };
}
