import { useState } from "react";
import { Link, useParams } from "react-router";
import { isApiError } from "../api/ApiError.ts";
import { useCurrentUser } from "../auth/useAuth.ts";
import { HistoryTable } from "../submissions/HistoryTable.tsx";
import { ErrorNotice } from "../ui/ErrorNotice.tsx";
import { difficultyLabel, formatPercent } from "../ui/format.ts";
import { Tabs } from "../ui/Tabs.tsx";
import { useDocumentTitle } from "../ui/useDocumentTitle.ts";
import { caseFields } from "../testcases/testcases.ts";
import { CodePane } from "./CodePane.tsx";
import { LimitsLine, Samples } from "./Samples.tsx";
import { Statement } from "./Statement.tsx";
import { useProblem } from "./useProblems.ts";
import "./problem-page.css";

type ProblemTab = "description" | "submissions";

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
    // CodePane lays out the panes (WorkspaceLayout): the statement is its first.
    <CodePane
      key={slug}
      problem={p}
      signedIn={Boolean(user)}
      statement={
      <>
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
                  <Samples samples={p.samples} fields={p.kind === "function" && p.signature ? caseFields(p.signature) : null} />
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
      </>
      }
    />
  );
}

export default function ProblemPage() {
  const { slug = "" } = useParams();
  return <ProblemWorkspace key={slug} slug={slug} />;
}
