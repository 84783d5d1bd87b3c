import { LanguageId, Verdict, languageDisplay, verdictNames, type SubmissionView } from "@judge/protocol";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link, Navigate, useLocation, useSearchParams } from "react-router";
import { fetchSubmissions, type SubmissionFilter } from "../api/endpoints.ts";
import { queryKeys } from "../api/queryKeys.ts";
import { useCurrentUser } from "../auth/useAuth.ts";
import { ErrorNotice } from "../ui/ErrorNotice.tsx";
import { formatAbsolute, formatMemory, formatScore, formatTime, formatWhen } from "../ui/format.ts";
import { useDocumentTitle } from "../ui/useDocumentTitle.ts";
import { VerdictBadge } from "./ResultCard.tsx";
import { SLUG, submissionFilterOf } from "./submissionFilter.ts";
import "./verdict.css";

const PROBLEM_DEBOUNCE_MS = 300;

function paramsOf(filter: SubmissionFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  return params;
}

function Row({ s }: { s: SubmissionView }) {
  return (
    <tr data-testid="all-submission-row" data-verdict={s.verdict ?? ""} data-language={s.language} data-problem={s.problem}>
      <td>
        <Link to={`/submissions/${s.id}`}>
          <time dateTime={s.createdAt} title={formatAbsolute(s.createdAt)}>
            {formatWhen(s.createdAt)}
          </time>
        </Link>
      </td>
      <td>
        <Link to={`/problems/${s.problem}`}>{s.problem}</Link>
      </td>
      <td>
        {s.verdict ? <VerdictBadge verdict={s.verdict} /> : <span className="muted">{s.status}</span>}
        {formatScore(s) !== null && <span className="muted"> {formatScore(s)}</span>}
      </td>
      <td>{languageDisplay[s.language].name}</td>
      <td className="num">{formatTime(s.timeMs)}</td>
      <td className="num">{formatMemory(s.memoryKb)}</td>
    </tr>
  );
}

/** `/submissions`: the signed-in user's submissions across all problems, newest first. */
export default function AllSubmissionsPage() {
  useDocumentTitle("My submissions");
  const user = useCurrentUser();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => submissionFilterOf(params), [params]);
  const setFilter = useCallback((next: SubmissionFilter) => setParams(paramsOf(next), { replace: true }), [setParams]);
  const [problemText, setProblemText] = useState(filter.problem ?? "");
  useEffect(() => {
    const slug = problemText.trim().toLowerCase();
    if (slug === (filter.problem ?? "") || (slug !== "" && !SLUG.test(slug))) return;
    const timer = setTimeout(() => setFilter({ ...filter, problem: slug || undefined }), PROBLEM_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [problemText, filter, setFilter]);
  const list = useInfiniteQuery({
    enabled: Boolean(user),
    queryKey: queryKeys.allSubmissions(filter),
    queryFn: ({ pageParam, signal }) => fetchSubmissions(filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });

  if (user === null) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <main id="main" className="page all-submissions-page">
      <h1>My submissions</h1>
      <form className="filters" aria-label="Filter submissions" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="filter-verdict">Verdict</label>
          <select
            id="filter-verdict"
            value={filter.verdict ?? ""}
            onChange={(e) => setFilter({ ...filter, verdict: Verdict.safeParse(e.target.value).data })}
            data-testid="verdict-filter"
          >
            <option value="">All</option>
            {Verdict.options.map((v) => (
              <option key={v} value={v}>
                {verdictNames[v]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-language">Language</label>
          <select
            id="filter-language"
            value={filter.language ?? ""}
            onChange={(e) => setFilter({ ...filter, language: LanguageId.safeParse(e.target.value).data })}
            data-testid="language-filter"
          >
            <option value="">All</option>
            {LanguageId.options.map((l) => (
              <option key={l} value={l}>
                {languageDisplay[l].name}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="filter-problem">Problem</label>
          <input
            id="filter-problem"
            type="search"
            placeholder="problem-slug"
            value={problemText}
            onChange={(e) => setProblemText(e.target.value)}
            data-testid="problem-filter"
          />
        </div>
      </form>
      {list.error && !list.data ? (
        <ErrorNotice error={list.error} title="Could not load your submissions" onRetry={() => void list.refetch()} />
      ) : (
        <div className="table-wrap">
          <table className="history-table" aria-busy={list.isFetching} data-testid="all-submissions">
            <caption className="visually-hidden">My submissions</caption>
            <thead>
              <tr>
                <th scope="col">Submitted</th>
                <th scope="col">Problem</th>
                <th scope="col">Result</th>
                <th scope="col">Language</th>
                <th scope="col" className="num">
                  Time
                </th>
                <th scope="col" className="num">
                  Memory
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <Row key={s.id} s={s} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="list-footer" role="status" data-testid="all-submissions-status">
        {list.isPending ? "Loading…" : list.data && rows.length === 0 ? "No submissions match these filters." : ""}
      </p>
      {list.hasNextPage && (
        <button type="button" className="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage} data-testid="submissions-more">
          {list.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </main>
  );
}
