import { verdictNames, type CaseReport, type Status, type SubmissionView } from "@judge/protocol";
import { useState } from "react";
import { useSubmissionStream } from "../live/LiveProvider.tsx";
import { formatMemory, formatTime, verdictTone } from "../ui/format.ts";
import { Tabs } from "../ui/Tabs.tsx";
import { caseFailed, caseState, runVerdict, type CaseState } from "./caseResults.ts";
import { CaseReportView } from "./CaseReportView.tsx";
import type { CaseField } from "./testcases.ts";
import type { FunctionRun } from "./useFunctionRun.ts";
import "./testcases.css";

type ResultTabId = `result-case-${number}`;

/** What a screen reader hears after "Case 2" (the dot is only seen). */
const stateWords: Record<CaseState, string> = { passed: ", passed", failed: ", failed", unjudged: ", not judged" };

function liveStatusText(status: Status, view: SubmissionView | null): string {
  switch (status) {
    case "queued":
      return "Pending…";
    case "compiling":
      return "Compiling…";
    case "running":
      return view?.currentTest && view.total > 0 ? `Running case ${view.currentTest} of ${view.total}…` : "Running…";
    case "done":
      return "Finished";
  }
}

/** The cases of a finished run as Case tabs; a failed case's tab is marked. */
function CaseResults({ cases, fields }: { cases: readonly CaseReport[]; fields: readonly CaseField[] }) {
  const firstFailed = cases.findIndex(caseFailed);
  const [shown, setShown] = useState<ResultTabId>(`result-case-${cases[Math.max(firstFailed, 0)]?.index ?? 1}`);
  return (
    <Tabs<ResultTabId>
      label="Case results"
      value={shown}
      onChange={setShown}
      tabs={cases.map((report) => {
        const state = caseState(report);
        return {
          id: `result-case-${report.index}`,
          className: `case-tab ${state}`,
          label: (
            <>
              <span className="case-dot" aria-hidden="true" />
              Case {report.index}
              <span className="visually-hidden">{stateWords[state]}</span>
            </>
          ),
          panel: <CaseReportView report={report} fields={fields} testId="result-case" />,
        };
      })}
    />
  );
}

/** One run's live status, then LeetCode's Test Result: the verdict, runtime and each case. */
function RunReport({ id, fields }: { id: string; fields: readonly CaseField[] }) {
  const stream = useSubmissionStream(id);
  const view = stream.view;
  const status: Status = view?.status ?? "queued";
  const done = view !== null && status === "done";
  const verdict = done ? runVerdict(view) : null;
  const output = view?.output ?? null;
  const cases = output?.cases ?? [];
  return (
    <div className="run-report" data-testid={done ? "run-report" : undefined} aria-busy={!done}>
      {/* One live region for the whole run, so its status and then its verdict are announced. */}
      <div className="visually-hidden" role="status" aria-live="polite">
        {verdict ? `Test result: ${verdictNames[verdict]}` : liveStatusText(status, view)}
      </div>
      {!done || verdict === null ? (
        <>
          <p className="submission-status" data-testid="run-status" data-status={status}>
            <span className="spinner" aria-hidden="true" />
            {liveStatusText(status, view)}
          </p>
          {stream.error && (
            <p className="notice error" role="alert" data-testid="run-error">
              Live updates for this run failed: {stream.error.message}
            </p>
          )}
        </>
      ) : (
        <>
          <div className="run-report-head">
            <h3 className={`run-verdict tone-text-${verdictTone[verdict]}`} data-testid="run-verdict" data-verdict={verdict}>
              {verdictNames[verdict]}
            </h3>
            {verdict !== "CE" && (
              <span className="muted run-usage" data-testid="run-runtime">
                Runtime {formatTime(view.timeMs)} · {formatMemory(view.memoryKb)}
              </span>
            )}
          </div>
          {view.compileOutput ? (
            <pre tabIndex={0} className={`run-message${verdict === "CE" ? " error" : ""}`} data-testid="run-compile-output">
              {view.compileOutput}
            </pre>
          ) : null}
          {output && output.stderr !== "" && (
            <pre tabIndex={0} className={`run-message${verdict === "AC" ? "" : " error"}`} data-testid="run-stderr">
              {output.stderr}
            </pre>
          )}
          {cases.length > 0 && <CaseResults cases={cases} fields={fields} />}
          {output?.truncated && <p className="hint">Some output was cut: a run keeps the first part of each stream.</p>}
        </>
      )}
    </div>
  );
}

/** The Test Result tab of a function problem: why a Run did not start, or the run's report. */
export function TestResultPanel({ run, fields, signedIn }: { run: FunctionRun; fields: readonly CaseField[]; signedIn: boolean }) {
  const attempt = run.attempt;
  if (attempt === null) {
    return <p className="hint">{signedIn ? "Run your code on the cases in Testcase to see the result here." : "Log in to run your code."}</p>;
  }
  if (attempt.errors.length > 0) {
    return (
      <div className="notice error" role="alert" data-testid="run-error">
        <ul className="run-errors">
          {attempt.errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (attempt.id === null) {
    return (
      <p className="submission-status" data-testid="run-status" data-status="starting">
        <span className="spinner" aria-hidden="true" />
        Starting…
      </p>
    );
  }
  return <RunReport key={attempt.serial} id={attempt.id} fields={fields} />;
}
