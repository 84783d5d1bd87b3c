import type { LanguageId, ProblemDetail } from "@judge/protocol";
import { useCallback, useState } from "react";
import { errorMessage, isApiError } from "../api/ApiError.ts";
import { EditorPane } from "../editor/EditorPane.tsx";
import { RunConsole } from "../runs/RunConsole.tsx";
import { useRunConsole, type RunConsole as RunConsoleState } from "../runs/useRunConsole.ts";
import { useCreateSubmission } from "../submissions/useSubmissions.ts";
import { VerdictPanel } from "../submissions/VerdictPanel.tsx";
import { Tabs } from "../ui/Tabs.tsx";
import { useLastSubmission } from "./useLastSubmission.ts";

type OutputTab = "run" | "result";

function submitErrorText(error: unknown): string {
  if (isApiError(error, "UNAUTHORIZED")) return "Your session has ended. Log in again to submit.";
  if (isApiError(error, "RATE_LIMITED")) return `Slow down: ${errorMessage(error)}`;
  return errorMessage(error);
}

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

/** The right-hand pane of a problem: the editor with Run and Submit, and what they produced. */
export function CodePane({ problem, signedIn }: { problem: ProblemDetail; signedIn: boolean }) {
  const slug = problem.slug;
  const [activeId, setActiveId] = useLastSubmission(slug);
  const create = useCreateSubmission(setActiveId);
  const runs = useRunConsole(problem);
  const [tab, setTab] = useState<OutputTab>(activeId === null ? "run" : "result");

  const onSubmit = useCallback(
    (language: LanguageId, code: string) => {
      setTab("result");
      create.submit({ problem: slug, language, code });
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
          submitting={create.pending}
          submitError={create.error ? submitErrorText(create.error) : null}
          onSubmit={onSubmit}
          running={runs.starting}
          onRun={onRun}
        />
      )}
      <OutputPanel
        problem={problem}
        submissionId={activeId}
        submitting={create.pending}
        signedIn={signedIn}
        tab={tab}
        onTab={setTab}
        runs={runs}
      />
    </div>
  );
}

