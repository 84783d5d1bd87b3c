import { languageDisplay, type SubmissionView } from "@judge/protocol";
import { Link } from "react-router";
import { ErrorNotice } from "../ui/ErrorNotice.tsx";
import { formatAbsolute, formatMemory, formatScore, formatTime, formatWhen } from "../ui/format.ts";
import { VerdictBadge } from "./ResultCard.tsx";
import { useMySubmissions } from "./useSubmissions.ts";

const statusLabel = { queued: "Queued", compiling: "Compiling", running: "Running", done: "Done" } as const;

function HistoryRow({ s }: { s: SubmissionView }) {
  return (
    <tr data-testid="submission-row" data-submission-id={s.id}>
      <td>
        <Link to={`/submissions/${s.id}`}>
          <time dateTime={s.createdAt} title={formatAbsolute(s.createdAt)}>
            {formatWhen(s.createdAt)}
          </time>
        </Link>
      </td>
      <td>
        {s.verdict ? <VerdictBadge verdict={s.verdict} /> : <span className="muted">{statusLabel[s.status]}</span>}
        {formatScore(s) !== null && <span className="muted" data-testid="row-score"> {formatScore(s)}</span>}
      </td>
      <td>{languageDisplay[s.language].name}</td>
      <td className="num">{formatTime(s.timeMs)}</td>
      <td className="num">{formatMemory(s.memoryKb)}</td>
    </tr>
  );
}

/** The signed-in user's submissions to one problem, newest first. */
export function HistoryTable({ problem }: { problem: string }) {
  const history = useMySubmissions(problem, true);
  const rows = history.data?.pages.flatMap((p) => p.items) ?? [];

  if (history.error && !history.data) {
    return <ErrorNotice error={history.error} title="Could not load your submissions" onRetry={() => void history.refetch()} />;
  }
  if (history.isPending) return <p className="hint">Loading your submissions…</p>;
  if (rows.length === 0) return <p className="hint">You have not submitted to this problem yet.</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="history-table" data-testid="submission-history">
          <caption className="visually-hidden">Your submissions</caption>
          <thead>
            <tr>
              <th scope="col">Submitted</th>
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
              <HistoryRow key={s.id} s={s} />
            ))}
          </tbody>
        </table>
      </div>
      {history.hasNextPage && (
        <button type="button" className="button small" onClick={() => void history.fetchNextPage()} disabled={history.isFetchingNextPage}>
          {history.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </>
  );
}
