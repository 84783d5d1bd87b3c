import type { ProblemDetail, Signature } from "@judge/protocol";
import { useCallback, useMemo, useState } from "react";
import { loadCases, saveCases } from "./testcaseStore.ts";
import { addCase, caseFields, casesFromSamples, removeCase, sameCases, setCaseValue, type CaseField, type TestCase } from "./testcases.ts";

export interface Testcases {
  fields: CaseField[];
  cases: TestCase[];
  /** The case shown (0-based). */
  active: number;
  setActive(index: number): void;
  setValue(index: number, field: number, value: string): void;
  /** Adds a copy of the case shown and shows it. */
  add(): void;
  remove(index: number): void;
  /** Back to the examples. */
  reset(): void;
  /** The cases differ from the examples. */
  edited: boolean;
}

/** The Testcase panel's cases on one function problem, kept in localStorage per problem. */
export function useTestcases(problem: ProblemDetail, signature: Signature): Testcases {
  const slug = problem.slug;
  const fields = useMemo(() => caseFields(signature), [signature]);
  const examples = useMemo(() => casesFromSamples(fields, problem.samples), [fields, problem.samples]);
  const [cases, setCasesState] = useState<TestCase[]>(() => loadCases(slug, fields) ?? examples);
  const [active, setActiveState] = useState(0);

  const setCases = useCallback(
    (next: TestCase[]) => {
      setCasesState(next);
      saveCases(slug, fields, next, examples);
    },
    [slug, fields, examples],
  );

  const setActive = useCallback((index: number) => setActiveState(Math.max(0, Math.min(index, cases.length - 1))), [cases.length]);
  const setValue = useCallback((index: number, field: number, value: string) => setCases(setCaseValue(cases, index, field, value)), [cases, setCases]);
  const add = useCallback(() => {
    const next = addCase(cases, active);
    setCases(next);
    setActiveState(next.length - 1);
  }, [cases, active, setCases]);
  const remove = useCallback(
    (index: number) => {
      const next = removeCase(cases, index);
      setCases(next);
      setActiveState((shown) => Math.min(shown >= index && shown > 0 ? shown - 1 : shown, next.length - 1));
    },
    [cases, setCases],
  );
  const reset = useCallback(() => {
    setCases(examples);
    setActiveState(0);
  }, [examples, setCases]);

  return { fields, cases, active: Math.min(active, cases.length - 1), setActive, setValue, add, remove, reset, edited: !sameCases(cases, examples) };
}
