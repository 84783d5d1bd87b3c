import { verdictNames, type SubmissionView } from "@judge/protocol";
import { useSubmissionStream } from "../live/LiveProvider.tsx";
import { formatMemory, formatTime, verdictTone, type VerdictTone } from "../ui/format.ts";
import { diffOutput, outputMatches } from "./outputDiff.ts";
import type { RunCase } from "./useRunConsole.ts";
// Its DiffBlock is shown on the lazily loaded submission page too, without the console's import.
import "./runs.css";

interface Outcome {
  text: string;
  tone: VerdictTone;
  /** For samples: stdout matched the expected output; null when not compared. */
  matches: boolean | null;
}

/** What to call a finished run: a run "passes" by exiting 0, and on a sample by matching too. */
function outcomeOf(view: SubmissionView, expected: string | null): Outcome {
  const verdict = view.verdict ?? "IE";
  if (verdict !== "AC") return { text: verdictNames[verdict], tone: verdictTone[verdict], matches: null };
  if (expected === null) return { text: "Finished", tone: "good", matches: null };
  const matches = outputMatches(view.output?.stdout ?? "", expected);
  return matches
    ? { text: "Output matches", tone: "good", matches }
    : { text: "Wrong Answer", tone: "bad", matches };
}

/** `wide`: a whole row of the grid, for text whose lines are long (stderr's tracebacks). */
function OutputBlock({ title, text, testId, empty, wide = false }: { title: string; text: string; testId: string; empty?: string; wide?: boolean }) {
  return (
    <div className={wide ? "run-block wide" : "run-block"}>
      <h5>{title}</h5>
      <pre tabIndex={0} data-testid={testId} className={text === "" ? "empty" : undefined}>
        {text === "" ? (empty ?? "(empty)") : text}
      </pre>
    </div>
  );
}

/** The program's output against the expected one, line by line (also a failed submission's test: CaseReportView). */
export function DiffBlock({ actual, expected, testId = "run-diff" }: { actual: string; expected: string; testId?: string }) {
  const lines = diffOutput(actual, expected);
  return (
    <div className="run-block wide">
      <h5>Difference</h5>
      <p className="hint diff-legend">
        <span className="diff-line missing">− expected</span> <span className="diff-line extra">+ your output</span>
      </p>
      <pre tabIndex={0} className="run-diff" data-testid={testId}>
        {lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a diff is rendered whole and never reordered
          <span key={i} className={`diff-line ${line.kind}`}>
            <span aria-hidden="true">{line.kind === "missing" ? "− " : line.kind === "extra" ? "+ " : "  "}</span>
            <span className="visually-hidden">{line.kind === "missing" ? "expected: " : line.kind === "extra" ? "yours: " : ""}</span>
            {line.text}
            {"\n"}
          </span>
        ))}
      </pre>
    </div>
  );
}

/** One run of the Run button: its live status, then what it printed (and for a sample, the diff). */
export function RunResult({ runCase }: { runCase: RunCase }) {
  const stream = useSubmissionStream(runCase.id);
  const view = stream.view;
  const done = view?.status === "done";
  const status = runCase.error ? "failed" : (view?.status ?? "queued");
  const outcome = done && view ? outcomeOf(view, runCase.expected) : null;
  const output = view?.output ?? null;

  return (
    <article
      className="run-result"
      data-testid="run-result"
      data-status={status}
      data-verdict={done ? (view?.verdict ?? "IE") : undefined}
      data-match={outcome && outcome.matches !== null ? String(outcome.matches) : undefined}
      aria-busy={!done && !runCase.error}
    >
      <header className="run-head">
        <h4>{runCase.label}</h4>
        {outcome ? (
          <span className={`verdict-badge tone-${outcome.tone}`} data-testid="run-outcome" role="status">
            {outcome.text}
          </span>
        ) : runCase.error ? null : (
          <span className="run-status">
            <span className="spinner" aria-hidden="true" />
            {status === "compiling" ? "Compiling…" : status === "running" ? "Running…" : "Queued"}
          </span>
        )}
        {done && view && (
          <span className="muted run-usage">
            {formatTime(view.timeMs)} · {formatMemory(view.memoryKb)}
            {output?.exitCode != null && output.exitCode !== 0 ? ` · exit code ${output.exitCode}` : ""}
          </span>
        )}
      </header>
      {runCase.error && (
        <p className="notice error" role="alert" data-testid="run-error">
          {runCase.error}
        </p>
      )}
      {stream.error && !done && (
        <p className="notice error" role="alert" data-testid="run-error">
          Live updates for this run failed: {stream.error.message}
        </p>
      )}
      {done && view?.compileOutput ? (
        <OutputBlock title="Compiler output" text={view.compileOutput} testId="run-compile-output" />
      ) : null}
      {done && view?.verdict !== "CE" && (
        <div className="run-blocks">
          <OutputBlock title={runCase.interactive ? "Interactor's input" : "Input"} text={runCase.input} testId="run-input" />
          <OutputBlock title={runCase.interactive ? "Interactor's message" : "Your output (stdout)"} text={output?.stdout ?? ""} testId="run-stdout" />
          {runCase.expected !== null && <OutputBlock title="Expected output" text={runCase.expected} testId="run-expected" />}
          {outcome?.matches === false && <DiffBlock actual={output?.stdout ?? ""} expected={runCase.expected ?? ""} />}
          {output && output.stderr !== "" && <OutputBlock title="Standard error" text={output.stderr} testId="run-stderr" wide />}
          {output?.truncated && <p className="hint">The output was cut: a run shows at most 64 KiB of each stream.</p>}
        </div>
      )}
    </article>
  );
}
