import type { LanguageId, ProblemDetail } from "@judge/protocol";
import { useCallback, useState } from "react";
import { Link, useParams } from "react-router";
import { errorMessage, isApiError } from "../api/ApiError.ts";
import { useCurrentUser } from "../auth/useAuth.ts";
import { EditorPane } from "../editor/EditorPane.tsx";
import { RunConsole } from "../runs/RunConsole.tsx";
import { useRunConsole, type RunConsole as RunConsoleState } from "../runs/useRunConsole.ts";
import { HistoryTable } from "../submissions/HistoryTable.tsx";
import { useCreateSubmission } from "../submissions/useSubmissions.ts";
import { VerdictPanel } from "../submissions/VerdictPanel.tsx";
import { ErrorNotice } from "../ui/ErrorNotice.tsx";
import { difficultyLabel, formatPercent } from "../ui/format.ts";
import { Tabs } from "../ui/Tabs.tsx";
import { useDocumentTitle } from "../ui/useDocumentTitle.ts";
import { LimitsLine, Samples } from "./Samples.tsx";
import { Statement } from "./Statement.tsx";
import { useProblem } from "./useProblems.ts";
import { useLastSubmission } from "./useLastSubmission.ts";
import "./problem-page.css";

function submitErrorText(error: unknown): string {
  if (isApiError(error, "UNAUTHORIZED")) return "Your session has ended. Log in again to submit.";
  if (isApiError(error, "RATE_LIMITED")) return `Slow down: ${errorMessage(error)}`;
  return errorMessage(error);
}

type ProblemTab = "description" | "submissions";
type OutputTab = "run" | "result";

/** Below the editor: the Run console and the live verdict of the last submission, as tabs. */
function OutputPanel({ problem, submissionId, submitting, signedIn, tab, onTab, runs }: {
  problem: ProblemDetail;
  submissionId: string | null;
  submitting: boolean;
  signedIn: boolean;
  tab: OutputTab;
  onTab(tab: OutputTab): void;
  runs: RunConsoleState;
}) {
  return (
    <div className="output-panel">
      <Tabs<OutputTab>
        label="Output"
        value={tab}
        onChange={onTab}
        keepMounted
        tabs={[
          { id: "run", label: "Run", panel: <RunConsole console={runs} sampleCount={problem.samples.length} signedIn={signedIn} /> },
          { id: "result", label: "Submission", panel: <VerdictPanel problem={problem.slug} submissionId={submissionId} submitting={submitting} /> },
        ]}
      />
    </div>
  );
}

function CodePane({ problem, signedIn }: { problem: ProblemDetail; signedIn: boolean }) {
  const slug = problem.slug;
  const [activeId, setActiveId] = useLastSubmission(slug);
  const create = useCreateSubmission(setActiveId);
  const runs = useRunConsole(problem);
  const [tab, setTab] = useState<OutputTab>(activeId === null ? "run" : "result");

  const onSubmit = useCallback(
    (language: LanguageId, code: string) => {
      setTab("result");
      create.mutate({ problem: slug, language, code });
    },
    [create, slug],
  );
  const onRun = useCallback(
    (language: LanguageId, code: string) => {
      setTab("run");
      runs.run(language, code);
    },
    [runs],
  );

  return (
    <div className="pane code-pane">
      {problem.languages.length === 0 ? (
        <p className="notice error" role="alert">
          No judge is online for this problem&apos;s languages right now. Your drafts are safe; try again in a minute.
        </p>
      ) : (
        <EditorPane
          problem={problem}
          signedIn={signedIn}
          submitting={create.isPending}
          submitError={create.error ? submitErrorText(create.error) : null}
          onSubmit={onSubmit}
          running={runs.starting}
          onRun={onRun}
        />
      )}
      <OutputPanel
        problem={problem}
        submissionId={activeId}
        submitting={create.isPending}
        signedIn={signedIn}
        tab={tab}
        onTab={setTab}
        runs={runs}
      />
    </div>
  );
}

function ProblemWorkspace({ slug }: { slug: string }) {
  const problem = useProblem(slug);
  const user = useCurrentUser();
  const [tab, setTab] = useState<ProblemTab>("description");
  useDocumentTitle(problem.data?.title ?? null);

  if (problem.error) {
    const missing = isApiError(problem.error, "NOT_FOUND");
    return (
      <main id="main" className="page">
        <ErrorNotice
          error={problem.error}
          title={missing ? "No such problem" : "Could not load the problem"}
          {...(missing ? {} : { onRetry: () => void problem.refetch() })}
        />
        <Link to="/problems">Back to the problems</Link>
      </main>
    );
  }
  if (!problem.data) {
    return (
      <main id="main" className="page" aria-busy="true">
        <p className="hint">Loading the problem…</p>
      </main>
    );
  }

  const p = problem.data;
  return (
    <main id="main" className="workspace">
      <div className="pane statement-pane">
        <header className="problem-header">
          <h1 data-testid="problem-title">{p.title}</h1>
          <div className="problem-meta">
            <span className={`difficulty difficulty-${p.difficulty}`}>{difficultyLabel[p.difficulty]}</span>
            {p.solved && <span className="solved-mark">✓ Solved</span>}
            <span className="muted">Acceptance {formatPercent(p.acceptanceRate)}</span>
          </div>
          <LimitsLine limits={p.limits} />
        </header>
        <Tabs<ProblemTab>
          label="Problem"
          value={tab}
          onChange={setTab}
          tabs={[
            {
              id: "description",
              label: "Description",
              panel: (
                <>
                  <Statement markdown={p.statement} />
                  <Samples samples={p.samples} />
                  {p.tags.length > 0 && (
                    <ul className="tags" aria-label="Tags">
                      {p.tags.map((tag) => (
                        <li key={tag}>
                          <Link className="chip" to={`/problems?tag=${encodeURIComponent(tag)}`}>
                            {tag}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              ),
            },
            {
              id: "submissions",
              label: "Submissions",
              panel: user ? <HistoryTable problem={slug} /> : <p className="hint">Log in to see your submissions.</p>,
            },
          ]}
        />
      </div>
      <CodePane key={slug} problem={p} signedIn={Boolean(user)} />
    </main>
  );
}

export default function ProblemPage() {
  const { slug = "" } = useParams();
  return <ProblemWorkspace key={slug} slug={slug} />;
}
