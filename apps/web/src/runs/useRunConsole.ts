import type { LanguageId, ProblemDetail } from "@judge/protocol";
import { useCallback, useRef, useState } from "react";
import { errorMessage, isApiError } from "../api/ApiError.ts";
import { createRun } from "../api/endpoints.ts";
import { sendIdempotent } from "../api/idempotent.ts";

/** Run on every sample (one run each, compared with its output) or on the user's own input. */
export type RunMode = "samples" | "custom";

/** One run of a batch: what it was given and, once the POST answered, its id or why it failed. */
export interface RunCase {
  label: string;
  input: string;
  /** The sample's output, compared with stdout; null for custom input and interactive problems. */
  expected: string | null;
  /** An interactive problem's run: stdout is the interactor's judge message. */
  interactive: boolean;
  id: string | null;
  error: string | null;
}

export interface RunBatch {
  /** New for every press of Run, so the results of an older press never show under a newer one. */
  serial: number;
  mode: RunMode;
  cases: RunCase[];
}

export interface RunConsole {
  mode: RunMode;
  setMode(mode: RunMode): void;
  customInput: string;
  setCustomInput(input: string): void;
  batch: RunBatch | null;
  /** Some POST of the current batch has not answered yet. */
  starting: boolean;
  run(language: LanguageId, code: string): void;
}

const customKey = (problem: string) => `judge:custom-input:${problem}`;

function readCustom(problem: ProblemDetail): string {
  try {
    const saved = window.sessionStorage.getItem(customKey(problem.slug));
    if (saved !== null) return saved;
  } catch {
    // Storage disabled: start from the first sample.
  }
  return problem.samples[0]?.input ?? "";
}

function runErrorText(error: unknown): string {
  if (isApiError(error, "UNAUTHORIZED")) return "Your session has ended. Log in again to run code.";
  return errorMessage(error);
}

/**
 * The Run button's state on one problem: the mode, the custom input (kept for the tab's
 * session), and the latest batch of runs. Each run streams over the WebSocket like a
 * submission; this hook only starts them.
 */
export function useRunConsole(problem: ProblemDetail): RunConsole {
  const [mode, setModeState] = useState<RunMode>(problem.samples.length > 0 ? "samples" : "custom");
  const [customInput, setCustomInputState] = useState(() => readCustom(problem));
  const [batch, setBatch] = useState<RunBatch | null>(null);
  const serial = useRef(0);
  /** POSTs of the latest batch not answered yet: a ref, so a second press in the same tick sees it. */
  const unanswered = useRef(0);

  const setCustomInput = useCallback(
    (input: string) => {
      setCustomInputState(input);
      try {
        window.sessionStorage.setItem(customKey(problem.slug), input);
      } catch {
        // Kept in memory only.
      }
    },
    [problem.slug],
  );

  const setMode = useCallback(
    (next: RunMode) => setModeState(next === "samples" && problem.samples.length === 0 ? "custom" : next),
    [problem.samples.length],
  );

  const run = useCallback(
    (language: LanguageId, code: string) => {
      if (unanswered.current > 0) return;
      const mine = ++serial.current;
      // The interactor judges an interactive run; its sample answers are no output to compare with.
      const interactive = problem.interactive === true;
      const cases: RunCase[] =
        mode === "samples"
          ? problem.samples.map((s, i) => ({ label: `Example ${i + 1}`, input: s.input, expected: interactive ? null : s.output, interactive, id: null, error: null }))
          : [{ label: "Custom input", input: customInput, expected: null, interactive, id: null, error: null }];
      setBatch({ serial: mine, mode, cases });
      const settle = (index: number, patch: Partial<RunCase>) =>
        setBatch((current) =>
          current === null || current.serial !== mine
            ? current
            : { ...current, cases: current.cases.map((c, i) => (i === index ? { ...c, ...patch } : c)) },
        );
      unanswered.current = cases.length;
      cases.forEach((c, index) => {
        // Each run of the batch is its own request, so its own key.
        sendIdempotent((key) => createRun({ problem: problem.slug, language, code, input: c.input }, key))
          .then(
            ({ id }) => settle(index, { id }),
            (error: unknown) => settle(index, { error: runErrorText(error) }),
          )
          .finally(() => {
            unanswered.current--;
          });
      });
    },
    [mode, customInput, problem.samples, problem.slug, problem.interactive],
  );

  const starting = batch !== null && batch.cases.some((c) => c.id === null && c.error === null);
  return { mode, setMode, customInput, setCustomInput, batch, starting, run };
}
