import type { LanguageId, ProblemDetail, Signature } from "@judge/protocol";
import { useCallback, useState, type ReactNode } from "react";
import { errorMessage, isApiError } from "../api/ApiError.ts";
import { EditorPane } from "../editor/EditorPane.tsx";
import { RunConsole } from "../runs/RunConsole.tsx";
import { useRunConsole } from "../runs/useRunConsole.ts";
import { useCreateSubmission } from "../submissions/useSubmissions.ts";
import { VerdictPanel } from "../submissions/VerdictPanel.tsx";
import { TestcasePanel } from "../testcases/TestcasePanel.tsx";
import { TestResultPanel } from "../testcases/TestResultPanel.tsx";
import type { CaseField } from "../testcases/testcases.ts";
import { useFunctionRun } from "../testcases/useFunctionRun.ts";
import { useTestcases } from "../testcases/useTestcases.ts";
import { Tabs } from "../ui/Tabs.tsx";
import { useLastSubmission } from "./useLastSubmission.ts";
import { WorkspaceLayout } from "./WorkspaceLayout.tsx";

/** Below the editor: `run` is a stdin problem's Run console; a function problem has LeetCode's two tabs. */
type OutputTab = "run" | "testcase" | "test-result" | "result";

function submitErrorText(error: unknown): string {
  if (isApiError(error, "UNAUTHORIZED")) return "Your session has ended. Log in again to submit.";
  if (isApiError(error, "RATE_LIMITED")) return `Slow down: ${errorMessage(error)}`;
  return errorMessage(error);
}

interface PaneProps {
  problem: ProblemDetail;
  signedIn: boolean;
  /** The statement pane's content, laid out beside the editor. */
  statement: ReactNode;
}

interface OutputProps {
  tab: OutputTab;
  setTab(tab: OutputTab): void;
  submission: { id: string | null; pending: boolean };
}

/** The part of the pane that depends on the problem's kind: what Run runs on and shows. */
interface RunSide {
  running: boolean;
  onRun(language: LanguageId, code: string): void;
  tabs: { id: OutputTab; label: string; panel: ReactNode }[];
}

/** The editor with Run and Submit, then the output tabs: the Run side's, and the submission's. */
function Pane({ problem, signedIn, statement, tab, setTab, submission, side, submit, submitError, fields }: PaneProps &
  OutputProps & {
    side: RunSide;
    submit(language: LanguageId, code: string): void;
    submitError: string | null;
    fields: readonly CaseField[] | null;
  }) {
  return (
    <WorkspaceLayout
      statement={statement}
      editor={
      problem.languages.length === 0 ? (
        <p className="notice error" role="alert">
          No judge is online for this problem&apos;s languages right now. Your drafts are safe; try again in a minute.
        </p>
      ) : (
        <EditorPane
          problem={problem}
          signedIn={signedIn}
          submitting={submission.pending}
          submitError={submitError}
          onSubmit={submit}
          running={side.running}
          onRun={side.onRun}
        />
      )
      }
      output={
        <Tabs<OutputTab>
          label="Output"
          value={tab}
          onChange={setTab}
          keepMounted
          tabs={[
            ...side.tabs,
            {
              id: "result",
              label: "Submission",
              panel: <VerdictPanel problem={problem.slug} submissionId={submission.id} submitting={submission.pending} fields={fields} />,
            },
          ]}
        />
      }
    />
  );
}

/** Submit, shared by both kinds: the last submission is followed in the Submission tab. */
function useSubmit(slug: string, setActiveId: (id: string) => void, setTab: (tab: OutputTab) => void) {
  const create = useCreateSubmission(setActiveId);
  const submit = useCallback(
    (language: LanguageId, code: string) => {
      setTab("result");
      create.submit({ problem: slug, language, code });
    },
    [create, slug, setTab],
  );
  return { submit, pending: create.pending, error: create.error ? submitErrorText(create.error) : null };
}

/** A stdin problem: Run on the examples or custom input, in the Run console. */
function StdinCodePane({ problem, signedIn, statement }: PaneProps) {
  const [activeId, setActiveId] = useLastSubmission(problem.slug);
  const [tab, setTab] = useState<OutputTab>(activeId === null ? "run" : "result");
  const submission = useSubmit(problem.slug, setActiveId, setTab);
  const runs = useRunConsole(problem);
  const onRun = useCallback(
    (language: LanguageId, code: string) => {
      setTab("run");
      runs.run(language, code);
    },
    [runs],
  );
  const side: RunSide = {
    running: runs.starting,
    onRun,
    tabs: [{ id: "run", label: "Run", panel: <RunConsole console={runs} sampleCount={problem.samples.length} signedIn={signedIn} /> }],
  };
  return (
    <Pane
      problem={problem}
      signedIn={signedIn}
      statement={statement}
      tab={tab}
      setTab={setTab}
      submission={{ id: activeId, pending: submission.pending }}
      side={side}
      submit={submission.submit}
      submitError={submission.error}
      fields={null}
    />
  );
}

/** A function problem: LeetCode's Testcase and Test Result tabs. */
function FunctionCodePane({ problem, signedIn, statement, signature }: PaneProps & { signature: Signature }) {
  const [activeId, setActiveId] = useLastSubmission(problem.slug);
  // The Testcase panel first, as LeetCode opens; the last verdict is one tab away.
  const [tab, setTab] = useState<OutputTab>("testcase");
  const submission = useSubmit(problem.slug, setActiveId, setTab);
  const testcases = useTestcases(problem, signature);
  const run = useFunctionRun(problem.slug, testcases);
  const onRun = useCallback(
    (language: LanguageId, code: string) => {
      setTab("test-result");
      run.run(language, code);
    },
    [run],
  );
  const side: RunSide = {
    running: run.starting,
    onRun,
    tabs: [
      { id: "testcase", label: "Testcase", panel: <TestcasePanel testcases={testcases} /> },
      { id: "test-result", label: "Test Result", panel: <TestResultPanel run={run} fields={testcases.fields} signedIn={signedIn} /> },
    ],
  };
  return (
    <Pane
      problem={problem}
      signedIn={signedIn}
      statement={statement}
      tab={tab}
      setTab={setTab}
      submission={{ id: activeId, pending: submission.pending }}
      side={side}
      submit={submission.submit}
      submitError={submission.error}
      fields={testcases.fields}
    />
  );
}

/** The right-hand pane of a problem: the editor with Run and Submit, and what they produced. */
export function CodePane({ problem, signedIn, statement }: PaneProps) {
  if (problem.kind === "function" && problem.signature) {
    return <FunctionCodePane problem={problem} signedIn={signedIn} statement={statement} signature={problem.signature} />;
  }
  return <StdinCodePane problem={problem} signedIn={signedIn} statement={statement} />;
}
