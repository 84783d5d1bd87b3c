import { verdictNames, type CaseReport } from "@judge/protocol";
import type { ReactNode } from "react";
import { DiffBlock } from "../runs/RunResult.tsx";
import { outputMatches } from "../runs/outputDiff.ts";
import { verdictTone } from "../ui/format.ts";
import { caseState, labelledInput } from "./caseResults.ts";
import type { CaseField } from "./testcases.ts";
import "./testcases.css";

function ValueBlock({ title, mark, text, testId, className, empty = "(empty)" }: {
  title: string;
  mark?: ReactNode;
  text: string | null;
  testId: string;
  className?: string;
  empty?: string;
}) {
  const blank = text === null || text === "";
  return (
    <div className={className ? `case-block ${className}` : "case-block"}>
      <h5>
        {title}
        {mark}
      </h5>
      <pre tabIndex={0} data-testid={testId} className={blank ? "empty" : undefined}>
        {blank ? empty : text}
      </pre>
    </div>
  );
}

/**
 * One case as LeetCode's Test Result shows it: the input per parameter, the output, the
 * expected output and the case's own prints; an output that differs is marked.
 */
export function CaseReportView({ report, fields, testId = "case-report" }: {
  report: CaseReport;
  /** The problem's fields, to label the input; null shows it as it is. */
  fields: readonly CaseField[] | null;
  testId?: string;
}) {
  const state = caseState(report);
  const failed = state === "failed";
  const verdict = report.verdict !== null && report.verdict !== "AC" ? report.verdict : "WA";
  // A stdin problem's failing test (the worker gives it stderr): one input text, no parameters to label.
  const stdin = report.stderr !== undefined;
  return (
    <div className="case-report" data-testid={testId} data-index={report.index} data-failed={String(failed)} data-state={state}>
      {stdin ? (
        <ValueBlock title="Input" text={report.input} testId="case-input-value" />
      ) : (
        <div className="case-block">
          <h5>Input</h5>
          <dl className="case-input" data-testid="case-input">
            {labelledInput(fields, report.input).map((line) => (
              <div key={line.label} className="case-input-line">
                <dt>{line.label}</dt>
                <dd>
                  <pre tabIndex={0} data-testid="case-input-value" data-name={line.label.replace(/ =$/, "")}>
                    {line.value}
                  </pre>
                </dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      <ValueBlock
        title="Output"
        mark={
          failed ? (
            <span className={`verdict-badge case-mark tone-${verdictTone[verdict]}`} data-testid="case-mismatch">
              {verdict === "WA" ? "differs" : verdictNames[verdict]}
            </span>
          ) : undefined
        }
        text={report.output}
        testId="case-output"
        className={failed ? "mismatch" : undefined}
        empty={state === "unjudged" && report.verdict === null ? "(not run: the program stopped at an earlier case)" : "(no output)"}
      />
      {report.expected !== null && <ValueBlock title="Expected" text={report.expected} testId="case-expected" />}
      {report.stdout !== "" && <ValueBlock title="Stdout" text={report.stdout} testId="case-stdout" />}
      {/* A stdin problem's failing test: its output against the expected one, then its stderr. */}
      {stdin && report.output !== null && report.expected !== null && !outputMatches(report.output, report.expected) && (
        <DiffBlock actual={report.output} expected={report.expected} testId="case-diff" />
      )}
      {report.stderr !== undefined && report.stderr !== "" && <ValueBlock title="Stderr" text={report.stderr} testId="case-stderr" />}
      {report.truncated && <p className="hint">Cut: each part shows at most its first 4 KiB.</p>}
    </div>
  );
}
