import { languageDisplay, verdictNames, type SubmissionView } from "@judge/protocol";
import { useEffect, useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { isApiError } from "../api/ApiError.ts";
import { useSubmissionStream } from "../live/LiveProvider.tsx";
import { ErrorNotice } from "../ui/ErrorNotice.tsx";
import { formatAbsolute, formatMemory, formatScore, formatTime, verdictTone } from "../ui/format.ts";
import { useDocumentTitle } from "../ui/useDocumentTitle.ts";
import { CopyButton } from "../ui/CopyButton.tsx";
import { CodeView } from "../editor/CodeView.tsx";
import { ResultCard } from "./ResultCard.tsx";
import { TestChips } from "./TestChips.tsx";
import { useProblem } from "../problems/useProblems.ts";
import { caseFields, type CaseField } from "../testcases/testcases.ts";
import { useSubmission } from "./useSubmissions.ts";
import "./verdict.css";

function TestTable({ view }: { view: SubmissionView }) {
  const grouped = view.tests.some((t) => t.group !== undefined);
  if (view.tests.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="history-table" data-testid="test-table">
        <caption>Tests</caption>
        <thead>
          <tr>
            <th scope="col">Test</th>
            {grouped && <th scope="col">Group</th>}
            <th scope="col">Verdict</th>
            <th scope="col" className="num">
              Time
            </th>
            <th scope="col" className="num">
              Memory
            </th>
          </tr>
        </thead>
        <tbody>
          {view.tests.map((t) => (
            <tr key={t.index}>
              <td>#{t.index}</td>
              {grouped && <td>{t.group ?? ""}</td>}
              <td>
                <span className={`verdict-badge tone-${verdictTone[t.verdict]}`}>{verdictNames[t.verdict]}</span>
              </td>
              <td className="num">{formatTime(t.timeMs)}</td>
              <td className="num">{formatMemory(t.memoryKb)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** While a submission is still being judged, its live view; `null` once the stored one is final. */
function useLiveView(id: string, stored: SubmissionView | undefined): SubmissionView | undefined {
  const follow = stored !== undefined && stored.status !== "done";
  const live = useSubmissionStream(follow ? id : null);
  return live.view ?? stored;
}

/**
 * What the page needs of the submission's problem: its title (the slug until known, or if the
 * problem cannot be read) and a function problem's fields, to label a failing case's input.
 */
function useProblemFacts(problem: string | undefined): { title: string | undefined; fields: CaseField[] | null } {
  const detail = useProblem(problem ?? "", { enabled: problem !== undefined });
  const signature = detail.data?.kind === "function" ? detail.data.signature : undefined;
  const fields = useMemo(() => (signature ? caseFields(signature) : null), [signature]);
  return { title: detail.data?.title ?? problem, fields };
}

/** "A + B — Accepted · Python", as a browser tab or a bookmark names the page. */
function pageTitle(problemTitle: string | undefined, view: SubmissionView | undefined): string | null {
  if (problemTitle === undefined || view === undefined) return null;
  const outcome = view.status === "done" && view.verdict ? verdictNames[view.verdict] : "Judging";
  return `${problemTitle} — ${outcome} · ${languageDisplay[view.language].name}`;
}

export default function SubmissionPage() {
  const { id = "" } = useParams();
  // Once judged, GET again until the answer comes from the stored row: it brings "faster than
  // X%", and a function problem's failing case.
  const [catchUp, setCatchUp] = useState(false);
  // Known after the first GET: whose problem, and whether the viewer owns it (only they get its code and failing case).
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [owner, setOwner] = useState(false);
  const { title: problemTitle, fields } = useProblemFacts(problem);
  const submission = useSubmission(id, { untilStored: catchUp, withFailure: fields !== null && owner });
  const view = useLiveView(id, submission.data);
  const judged = view?.status === "done";
  useEffect(() => {
    if (judged) setCatchUp(true);
  }, [judged]);
  const slug = submission.data?.problem;
  const hasCode = submission.data?.code !== undefined;
  useEffect(() => {
    setProblem(slug);
    setOwner(hasCode);
  }, [slug, hasCode]);
  useDocumentTitle(pageTitle(problemTitle, view) ?? "Submission");

  if (submission.error) {
    const missing = isApiError(submission.error, "NOT_FOUND") || isApiError(submission.error, "FORBIDDEN");
    return (
      <main id="main" className="page">
        <ErrorNotice error={submission.error} title={missing ? "Submission not available" : "Could not load the submission"} />
      </main>
    );
  }
  if (!submission.data || !view) {
    return (
      <main id="main" className="page" aria-busy="true">
        <p className="hint">Loading the submission…</p>
      </main>
    );
  }
  const code = submission.data.code;
  return (
    <main id="main" className="page submission-page">
      <header className="submission-heading">
        <h1 data-testid="submission-heading">
          <Link to={`/problems/${view.problem}`} data-testid="submission-problem">
            {problemTitle ?? view.problem}
          </Link>
        </h1>
        {/* The id is for quoting (a bug report, a forum): one line, cut with an ellipsis, copied whole. */}
        <p className="submission-id">
          <span className="muted">Submission</span>{" "}
          <code title={id} data-testid="submission-id">
            {id}
          </code>
          <CopyButton text={id} label="Copy the submission id" />
        </p>
      </header>
      <dl className="submission-meta">
        <div>
          <dt>Language</dt>
          <dd>{languageDisplay[view.language].name}</dd>
        </div>
        <div>
          <dt>Submitted</dt>
          <dd>
            <time dateTime={view.createdAt}>{formatAbsolute(view.createdAt)}</time>
          </dd>
        </div>
      </dl>
      {view.status === "done" ? (
        <ResultCard view={view} fields={fields} />
      ) : (
        <p className="submission-status" data-testid="submission-status" data-status={view.status}>
          <span className="spinner" aria-hidden="true" /> Judging: {view.status}
          {formatScore(view) !== null && ` · Score ${formatScore(view)}`}
        </p>
      )}
      {view.status !== "done" && <TestChips view={view} />}
      <TestTable view={view} />
      {code !== undefined && (
        <section className="submitted-code" aria-labelledby="code-heading">
          <div className="sample-head">
            <h2 id="code-heading">Code</h2>
            <CopyButton text={code} label="Copy the code" />
          </div>
          <div className="submission-code" data-testid="submission-code" data-language={view.language}>
            <CodeView code={code} language={view.language} label={`Submitted code, ${languageDisplay[view.language].name}`} />
          </div>
        </section>
      )}
    </main>
  );
}
