import type { LanguageId } from "@judge/protocol";
import { useCallback, useRef, useState } from "react";
import { errorMessage, isApiError } from "../api/ApiError.ts";
import { createRun } from "../api/endpoints.ts";
import { sendIdempotent } from "../api/idempotent.ts";
import { caseProblems, casesToInput, type TestCase } from "./testcases.ts";
import type { Testcases } from "./useTestcases.ts";

/** One press of Run on a function problem: all the cases in one run, as LeetCode does. */
export interface FunctionRunAttempt {
  /** New for every press, so an older press's answer never shows under a newer one. */
  serial: number;
  /** The cases as sent, to label the results even after the panel is edited. */
  cases: TestCase[];
  id: string | null;
  /** Why it did not start (the cases' shape, or the API's refusal), worded for the user. */
  errors: string[];
}

export interface FunctionRun {
  attempt: FunctionRunAttempt | null;
  /** The POST has not answered yet. */
  starting: boolean;
  run(language: LanguageId, code: string): void;
}

function runErrorText(error: unknown): string {
  if (isApiError(error, "UNAUTHORIZED")) return "Your session has ended. Log in again to run code.";
  return errorMessage(error);
}

/** Run on a function problem: the Testcase panel's cases as LeetCode's input text, one run. */
export function useFunctionRun(problem: string, testcases: Testcases): FunctionRun {
  const [attempt, setAttempt] = useState<FunctionRunAttempt | null>(null);
  const serial = useRef(0);
  /** A ref, so a second press in the same tick sees the first one's POST. */
  const inFlight = useRef(false);
  const { fields, cases } = testcases;

  const run = useCallback(
    (language: LanguageId, code: string) => {
      if (inFlight.current) return;
      const mine = ++serial.current;
      const problems = caseProblems(fields, cases);
      if (problems.length > 0) {
        setAttempt({ serial: mine, cases, id: null, errors: problems });
        return;
      }
      setAttempt({ serial: mine, cases, id: null, errors: [] });
      const settle = (patch: Partial<FunctionRunAttempt>) =>
        setAttempt((current) => (current === null || current.serial !== mine ? current : { ...current, ...patch }));
      inFlight.current = true;
      sendIdempotent((key) => createRun({ problem, language, code, input: casesToInput(cases) }, key))
        .then(
          ({ id }) => settle({ id }),
          (error: unknown) => settle({ errors: [runErrorText(error)] }),
        )
        .finally(() => {
          inFlight.current = false;
        });
    },
    [problem, fields, cases],
  );

  const starting = attempt !== null && attempt.id === null && attempt.errors.length === 0;
  return { attempt, starting, run };
}
