import type { LanguageId, ProblemDetail } from "@judge/protocol";
import { useId } from "react";
import { unsupportedNote, type UnsupportedLanguages } from "./unsupportedLanguages.ts";

interface LanguageSelectProps {
  languages: ProblemDetail["languages"];
  /** Languages the judge has that this problem cannot take (a function problem's), with why. */
  unsupported?: UnsupportedLanguages;
  value: LanguageId;
  onChange(language: LanguageId): void;
}

export function LanguageSelect({ languages, unsupported = [], value, onChange }: LanguageSelectProps) {
  const noteId = useId();
  return (
    <>
      <div className="language-select">
        <label htmlFor="language-select">Language</label>
        <select
          id="language-select"
          data-testid="language-select"
          value={value}
          aria-describedby={unsupported.length > 0 ? noteId : undefined}
          onChange={(e) => {
            const chosen = languages.find((l) => l.id === e.target.value);
            if (chosen) onChange(chosen.id);
          }}
        >
          {languages.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
              {l.version ? ` (${l.version})` : ""}
            </option>
          ))}
          {unsupported.length > 0 && (
            <optgroup label="Not available for this problem">
              {unsupported.map((l) => (
                <option key={l.id} value={l.id} disabled title={l.reason} data-unsupported="true">
                  {l.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      {unsupported.length > 0 && (
        <p id={noteId} className="hint unsupported-languages" data-testid="unsupported-languages">
          Not available for this problem: {unsupportedNote(unsupported)}
        </p>
      )}
    </>
  );
}
