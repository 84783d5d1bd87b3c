import {
  languageDisplay,
  verdictNames,
  type CaseReport,
  type LanguageId,
  type SubmissionStats,
  type SubmissionView,
  type Verdict,
} from "@judge/protocol";
import { Distribution } from "../stats/Distribution.tsx";
import { CaseReportView } from "../testcases/CaseReportView.tsx";
import type { CaseField } from "../testcases/testcases.ts";
import { formatMemory, formatScore, formatTime, verdictTone } from "../ui/format.ts";

/** The first test that did not pass, if any. */
export function firstFailingTest(view: SubmissionView): number | null {
  const failed = view.tests.find((t) => t.verdict !== "AC");
  return failed ? failed.index : null;
}

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <span className={`verdict-badge tone-${verdictTone[verdict]}`} data-verdict={verdict}>
      {verdictNames[verdict]}
    </span>
  );
}

/** 0.732 → "73%"; whole percents are what the reader compares. */
function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** Where an accepted submission stands among other people's accepted ones in its language. */
export function StatsLine({ stats, language }: { stats: SubmissionStats; language: LanguageId }) {
  const name = languageDisplay[language].name;
  if (stats.acceptedInLanguage <= 1) {
    return (
      <p className="result-compare" data-testid="result-stats">
        Nobody else has an accepted {name} submission yet: nothing to compare with.
      </p>
    );
  }
  return (
    <p className="result-compare" data-testid="result-stats">
      Faster than <strong data-testid="faster-than">{percent(stats.fasterThan)}</strong> and less memory than{" "}
      <strong data-testid="less-memory-than">{percent(stats.lessMemoryThan)}</strong> of {stats.acceptedInLanguage} accepted{" "}
      {name} submissions.
    </p>
  );
}

/** A failed submission: the test (a function problem's case) it failed on, as LeetCode shows it, when the problem's policy shows it. */
function FailedCase({ failure, fields }: { failure: CaseReport; fields: readonly CaseField[] | null }) {
  return (
    <section className="failed-case" aria-labelledby="failed-case-heading">
      {/* A stdin problem's report carries stderr; a function problem's is one of its cases. */}
      <h4 id="failed-case-heading">{failure.stderr === undefined ? `Failed case (test ${failure.index})` : `Failed test ${failure.index}`}</h4>
      <CaseReportView report={failure} fields={fields} testId="failure-case" />
    </section>
  );
}

/**
 * The final result of a judged submission; `stats` come from the stored submission once
 * written, and so does the failing test (`failure`, its owner's only, as the problem's policy allows).
 */
export function ResultCard({
  view,
  stats = view.stats ?? null,
  failure = view.failure ?? null,
  fields = null,
}: {
  view: SubmissionView;
  stats?: SubmissionStats | null;
  failure?: CaseReport | null;
  /** A function problem's fields, to label the failing case's input. */
  fields?: readonly CaseField[] | null;
}) {
  const verdict = view.verdict ?? "IE";
  const failing = firstFailingTest(view);
  const score = formatScore(view);
  return (
    <section className={`result-card tone-${verdictTone[verdict]}`} aria-labelledby="result-verdict" data-testid="result-card">
      <h3 id="result-verdict" className="result-verdict" data-testid="verdict" data-verdict={verdict}>
        {verdictNames[verdict]}
      </h3>
      <dl className="result-stats">
        {score !== null && (
          <div>
            <dt>Score</dt>
            <dd data-testid="score">{score}</dd>
          </div>
        )}
        <div>
          <dt>Tests passed</dt>
          <dd data-testid="passed">
            {view.passed} / {view.total}
          </dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd data-testid="time">{formatTime(view.timeMs)}</dd>
        </div>
        <div>
          <dt>Memory</dt>
          <dd data-testid="memory">{formatMemory(view.memoryKb)}</dd>
        </div>
        {verdict !== "AC" && verdict !== "CE" && failing !== null && (
          <div>
            <dt>Failed on</dt>
            <dd data-testid="failing-test">test {failing}</dd>
          </div>
        )}
      </dl>
      {verdict === "AC" && stats && <StatsLine stats={stats} language={view.language} />}
      {verdict === "AC" && <Distribution view={view} />}
      {verdict === "IE" && <p className="hint">The judge failed, not your code. Please submit again.</p>}
      {verdict !== "AC" && failure && <FailedCase failure={failure} fields={fields} />}
      {view.compileOutput ? (
        <details className="compile-output" open={verdict === "CE"}>
          <summary>Compiler output</summary>
          <pre tabIndex={0} data-testid="compile-output">
            {view.compileOutput}
          </pre>
        </details>
      ) : null}
    </section>
  );
}
