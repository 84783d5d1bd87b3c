import type { ProblemSummary } from "@judge/protocol";
import { useCallback, useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import type { ProblemFilter } from "../api/endpoints.ts";
import { difficultyLabel, formatPercent } from "../ui/format.ts";
import { useCurrentUser } from "../auth/useAuth.ts";
import { ErrorNotice } from "../ui/ErrorNotice.tsx";
import { useDocumentTitle } from "../ui/useDocumentTitle.ts";
import { ProblemFilters } from "./ProblemFilters.tsx";
import { filterFromParams, useProblemList } from "./useProblems.ts";
import "./problems.css";

function toParams(filter: ProblemFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.q) params.set("q", filter.q);
  if (filter.difficulty) params.set("difficulty", filter.difficulty);
  if (filter.tag) params.set("tag", filter.tag);
  if (filter.status) params.set("status", filter.status);
  if (filter.sort) params.set("sort", filter.sort);
  return params;
}

function ProblemRow({ problem, onTag }: { problem: ProblemSummary; onTag(tag: string): void }) {
  return (
    <tr data-testid="problem-row" data-slug={problem.slug}>
      <td className="col-solved">
        {problem.solved ? (
          <span className="solved-mark" role="img" title="Solved" aria-label="Solved" data-testid="solved-mark">
            ✓
          </span>
        ) : (
          <span className="visually-hidden">Not solved</span>
        )}
      </td>
      <td className="col-title">
        <Link to={`/problems/${problem.slug}`} className="problem-link">
          {problem.title}
        </Link>
        {problem.tags.length > 0 && (
          <ul className="tags" aria-label="Tags">
            {problem.tags.map((tag) => (
              <li key={tag}>
                <button type="button" className="chip" onClick={() => onTag(tag)} aria-label={`Filter by tag ${tag}`}>
                  {tag}
                </button>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="col-difficulty">
        <span className={`difficulty difficulty-${problem.difficulty}`}>{difficultyLabel[problem.difficulty]}</span>
      </td>
      <td className="col-rate">{formatPercent(problem.acceptanceRate)}</td>
    </tr>
  );
}

export function ProblemListPage() {
  useDocumentTitle("Problems");
  const [params, setParams] = useSearchParams();
  const user = useCurrentUser();
  const parsed = useMemo(() => filterFromParams(params), [params]);
  // A status is the signed-in user's: signed out, the list ignores it rather than failing (401).
  const filter = useMemo(() => (user === null && parsed.status ? { ...parsed, status: undefined } : parsed), [user, parsed]);
  const setFilter = useCallback((next: ProblemFilter) => setParams(toParams(next), { replace: true }), [setParams]);
  const list = useProblemList(filter);
  const problems = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <main id="main" className="page problems-page">
      <h1>Problems</h1>
      <ProblemFilters filter={filter} onChange={setFilter} signedIn={Boolean(user)} />
      {list.error && !list.data ? (
        <ErrorNotice error={list.error} title="Could not load problems" onRetry={() => void list.refetch()} />
      ) : (
        <div className="table-wrap">
          <table className="problem-table" aria-busy={list.isFetching} aria-describedby="problem-count">
            <caption className="visually-hidden">Problems</caption>
            <thead>
              <tr>
                <th scope="col" className="col-solved">
                  <span className="visually-hidden">Solved</span>
                </th>
                <th scope="col">Title</th>
                <th scope="col" className="col-difficulty">
                  Difficulty
                </th>
                <th scope="col" className="col-rate">
                  Acceptance
                </th>
              </tr>
            </thead>
            <tbody data-testid="problem-list">
              {problems.map((p) => (
                <ProblemRow key={p.slug} problem={p} onTag={(tag) => setFilter({ ...filter, tag })} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p id="problem-count" className="list-footer" role="status">
        {list.isPending
          ? "Loading problems…"
          : list.data && problems.length === 0
            ? "No problems match these filters."
            : list.data
              ? `${problems.length} problem${problems.length === 1 ? "" : "s"} shown`
              : ""}
      </p>
      {list.hasNextPage && (
        <button
          type="button"
          className="button"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
          data-testid="load-more"
        >
          {list.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
      {list.error && list.data && <ErrorNotice error={list.error} title="Could not load more" />}
    </main>
  );
}
