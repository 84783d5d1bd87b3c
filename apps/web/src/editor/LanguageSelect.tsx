import type { LanguageId, ProblemDetail } from "@judge/protocol";

interface LanguageSelectProps {
  languages: ProblemDetail["languages"];
  value: LanguageId;
  onChange(language: LanguageId): void;
}

export function LanguageSelect({ languages, value, onChange }: LanguageSelectProps) {
  return (
    <div className="language-select">
      <label htmlFor="language-select">Language</label>
      <select
        id="language-select"
        data-testid="language-select"
        value={value}
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
      </select>
    </div>
  );
}
