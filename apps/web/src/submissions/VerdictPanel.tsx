import { verdictNames, type Status, type SubmissionView } from "@judge/protocol";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Link } from "react-router";
import { queryKeys } from "../api/queryKeys.ts";
import { useSubmissionStream } from "../live/LiveProvider.tsx";
import { failedOnACase } from "../testcases/caseResults.ts";
import type { CaseField } from "../testcases/testcases.ts";
import { useSubmission } from "./useSubmissions.ts";
import { ResultCard } from "./ResultCard.tsx";
import { TestChips } from "./TestChips.tsx";
import { formatScore } from "../ui/format.ts";
import "./verdict.css";
import { revealTop } from "../ui/revealTop.ts";

interface VerdictPanelProps {
  problem: string;
  /** The submission to follow; null before the first Submit. */
  submissionId: string | null;
  /** The POST is in flight. */
  submitting: boolean;
  /** A function problem's fields, to label its failing case's input. */
  fields?: readonly CaseField[] | null;
}

function statusText(status: Status, view: SubmissionView | null): string {
  switch (status) {
    case "queued":
      return "Queued";
    case "compiling":
      return "Compiling…";
    case "running": {
      const k = view?.currentTest ?? Math.min((view?.tests.length ?? 0) + 1, view?.total ?? 1);
      return view && view.total > 0 ? `Running test ${k} of ${view.total}` : "Running…";
    }
    case "done":
      return "Judged";
  }
}

/** Live progress of one submission over the WebSocket, then its result card. No polling. */
export function VerdictPanel({ problem, submissionId, submitting, fields = null }: VerdictPanelProps) {
  const stream = useSubmissionStream(submissionId);
  // The one GET: only if the notifier cannot tell us (say the live state of an old submission expired).
  const fallback = useSubmission(submissionId ?? "", { enabled: submissionId !== null && stream.error !== null });
  const view = stream.view ?? (fallback.data?.status === "done" ? fallback.data : null);
  const error = view?.status === "done" ? null : stream.error;
  const client = useQueryClient();
  const done = view?.status === "done";
  // "Faster than X%" is computed by the API from the stored results, so it is one GET once accepted.
  const accepted = done && view?.verdict === "AC" && view.kind !== "run";
  // So is the failing test (as the problem's policy shows it): the socket's verdict does not carry it.
  const failedCase = done && failedOnACase(view?.verdict ?? null) && view?.kind !== "run";
  const stored = useSubmission(submissionId ?? "", { enabled: accepted || failedCase, untilStored: true, withFailure: true });
  const resultRef = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per finished submission, so a new submissionId re-runs it
  useEffect(() => {
    if (!done) return;
    void client.invalidateQueries({ queryKey: queryKeys.mySubmissions(problem) });
    void client.invalidateQueries({ queryKey: queryKeys.problems });
    // Its top, not "nearest": the card grows when "faster than" arrives, and on a phone
    // "nearest" left it at the bottom edge, half out of sight.
    if (resultRef.current) revealTop(resultRef.current);
  }, [done, client, problem, submissionId]);

  if (submissionId === null) {
    return (
      <section className="verdict-panel idle" aria-label="Result">
        <p className="hint">{submitting ? "Submitting…" : "Submit your code to see the verdict here, test by test."}</p>
      </section>
    );
  }

  const status: Status = view?.status ?? "queued";
  const text = statusText(status, view);
  return (
    <section className="verdict-panel" aria-label="Result" aria-busy={!done}>
      <div className="verdict-head">
        <p className={`submission-status status-${status}`} data-testid="submission-status" data-status={status}>
          {!done && <span className="spinner" aria-hidden="true" />}
          {text}
        </p>
        <Link to={`/submissions/${submissionId}`} className="small-link">
          Details
        </Link>
      </div>
      <div className="visually-hidden" role="status" aria-live="polite">
        {done && view?.verdict ? `Result: ${verdictNames[view.verdict]}` : text}
      </div>
      {view && !done && formatScore(view) !== null && (
        <p className="live-score" data-testid="live-score">
          Score {formatScore(view)}
        </p>
      )}
      {view && status === "running" && view.total > 0 && (
        <progress className="test-progress" max={view.total} value={view.tests.length} aria-label="Tests judged" />
      )}
      {/* The verdict above the chips once judged: on a phone many chips would push it out of sight. */}
      <div ref={resultRef}>{done && view && <ResultCard view={view} stats={stored.data?.stats ?? null} failure={stored.data?.failure ?? null} fields={fields} />}</div>
      {view && <TestChips view={view} />}
      {error && (
        <p className="notice error" role="alert" data-testid="live-error">
          Live updates for this submission failed: {error.message}
        </p>
      )}
    </section>
  );
}
