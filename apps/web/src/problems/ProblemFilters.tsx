import { Difficulty, ProblemSort, ProblemStatus } from "@judge/protocol";
import { useEffect, useState } from "react";
import type { ProblemFilter } from "../api/endpoints.ts";
import { difficultyLabel } from "../ui/format.ts";

interface ProblemFiltersProps {
  filter: ProblemFilter;
  onChange(next: ProblemFilter): void;
  /** The status filter is the signed-in user's own. */
  signedIn: boolean;
}

const statusLabel: Record<ProblemStatus, string> = { solved: "Solved", attempted: "Attempted", todo: "To do" };
const sortLabel: Record<ProblemSort, string> = {
  acceptance: "Acceptance, lowest first",
  "-acceptance": "Acceptance, highest first",
  difficulty: "Difficulty, easiest first",
  "-difficulty": "Difficulty, hardest first",
};

const SEARCH_DEBOUNCE_MS = 250;

export function ProblemFilters({ filter, onChange, signedIn }: ProblemFiltersProps) {
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
      {signedIn && (
        <div className="field">
          <label htmlFor="problem-status">Status</label>
          <select
            id="problem-status"
            value={filter.status ?? ""}
            onChange={(e) => {
              const parsed = ProblemStatus.safeParse(e.target.value);
              onChange({ ...filter, status: parsed.success ? parsed.data : undefined });
            }}
            data-testid="status-filter"
          >
            <option value="">All</option>
            {ProblemStatus.options.map((s) => (
              <option key={s} value={s}>
                {statusLabel[s]}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="problem-sort">Sort</label>
        <select
          id="problem-sort"
          value={filter.sort ?? ""}
          onChange={(e) => {
            const parsed = ProblemSort.safeParse(e.target.value);
            onChange({ ...filter, sort: parsed.success ? parsed.data : undefined });
          }}
          data-testid="problem-sort"
        >
          <option value="">Default</option>
          {ProblemSort.options.map((s) => (
            <option key={s} value={s}>
              {sortLabel[s]}
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
