import { Difficulty } from "@judge/protocol";
import { useEffect, useState } from "react";
import type { ProblemFilter } from "../api/endpoints.ts";
import { difficultyLabel } from "../ui/format.ts";

interface ProblemFiltersProps {
  filter: ProblemFilter;
  onChange(next: ProblemFilter): void;
}

const SEARCH_DEBOUNCE_MS = 250;

export function ProblemFilters({ filter, onChange }: ProblemFiltersProps) {
  const [text, setText] = useState(filter.q ?? "");

  // Follow the URL when it changes under us (back button, a tag link).
  useEffect(() => {
    const q = filter.q ?? "";
    setText((current) => (current.trim() === q ? current : q));
  }, [filter.q]);

  useEffect(() => {
    const q = text.trim();
    if (q === (filter.q ?? "")) return;
    const timer = setTimeout(() => onChange({ ...filter, ...(q ? { q } : { q: undefined }) }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filter, onChange]);

  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is not in React's DOM types yet; the role says the same
    <form className="filters" role="search" aria-label="Problems" onSubmit={(e) => e.preventDefault()}>
      <div className="field grow">
        <label htmlFor="problem-search">Search problems</label>
        <input
          id="problem-search"
          type="search"
          placeholder="Title or keyword"
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="problem-search"
        />
      </div>
      <div className="field">
        <label htmlFor="problem-difficulty">Difficulty</label>
        <select
          id="problem-difficulty"
          value={filter.difficulty ?? ""}
          onChange={(e) => {
            const parsed = Difficulty.safeParse(e.target.value);
            onChange({ ...filter, difficulty: parsed.success ? parsed.data : undefined });
          }}
          data-testid="difficulty-filter"
        >
          <option value="">All</option>
          {Difficulty.options.map((d) => (
            <option key={d} value={d}>
              {difficultyLabel[d]}
            </option>
          ))}
        </select>
      </div>
      {filter.tag && (
        <div className="field">
          <span className="label">Tag</span>
          <button
            type="button"
            className="chip chip-removable"
            onClick={() => onChange({ ...filter, tag: undefined })}
            aria-label={`Remove tag filter ${filter.tag}`}
          >
            {filter.tag} <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
    </form>
  );
}
