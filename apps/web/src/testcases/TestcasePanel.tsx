import { useId } from "react";
import { Tabs } from "../ui/Tabs.tsx";
import { MAX_CASES, type CaseField, type TestCase } from "./testcases.ts";
import type { Testcases } from "./useTestcases.ts";
import "./testcases.css";

type CaseTabId = `case-${number}`;
const caseTabId = (index: number): CaseTabId => `case-${index + 1}`;

/** One case's fields: `nums =` and its JSON value, one labelled text box per parameter. */
function CaseFields({ fields, values, index, onChange }: {
  fields: readonly CaseField[];
  values: TestCase;
  index: number;
  onChange(field: number, value: string): void;
}) {
  const base = useId();
  return (
    <div className="case-fields" data-testid="case-fields" data-case={index + 1}>
      {fields.map((field, j) => {
        const id = `${base}-${j}`;
        const typeId = `${id}-type`;
        return (
          <div className="case-field" key={field.name}>
            <div className="case-field-head">
              <label htmlFor={id} className="case-field-name">
                {field.name}
                <span aria-hidden="true"> =</span>
              </label>
              {field.type && (
                <span id={typeId} className="case-field-type">
                  {field.type}
                </span>
              )}
            </div>
            <textarea
              id={id}
              className="case-field-value"
              data-testid={`case-field-${field.name}`}
              value={values[j] ?? ""}
              onChange={(event) => onChange(j, event.target.value)}
              rows={1}
              spellCheck={false}
              autoCapitalize="off"
              autoComplete="off"
              aria-describedby={field.type ? typeId : undefined}
            />
          </div>
        );
      })}
    </div>
  );
}

/** LeetCode's Testcase panel: Case 1/2/3 tabs, each with one field per parameter; add and remove. */
export function TestcasePanel({ testcases }: { testcases: Testcases }) {
  const { fields, cases, active } = testcases;
  const full = cases.length >= MAX_CASES;
  return (
    <div className="testcase-panel" data-testid="testcase-panel">
      <Tabs<CaseTabId>
        label="Test cases"
        value={caseTabId(active)}
        onChange={(id) => testcases.setActive(Number(id.slice("case-".length)) - 1)}
        actions={
          <>
            <button
              type="button"
              className="button ghost small"
              onClick={testcases.add}
              disabled={full}
              data-testid="add-case"
              title={full ? `At most ${MAX_CASES} cases` : undefined}
            >
              <span aria-hidden="true">+</span> Add case
            </button>
            {testcases.edited && (
              <button type="button" className="button ghost small" onClick={testcases.reset} data-testid="reset-cases">
                Reset to the examples
              </button>
            )}
          </>
        }
        tabs={cases.map((values, i) => ({
          id: caseTabId(i),
          label: `Case ${i + 1}`,
          panel: (
            <div className="case-editor">
              <CaseFields fields={fields} values={values} index={i} onChange={(field, value) => testcases.setValue(i, field, value)} />
              <button
                type="button"
                className="button ghost small remove-case"
                onClick={() => testcases.remove(i)}
                disabled={cases.length <= 1}
                data-testid="remove-case"
                title={cases.length <= 1 ? "A run needs at least one case" : undefined}
              >
                Remove case {i + 1}
              </button>
            </div>
          ),
        }))}
      />
      <p className="hint testcase-hint">One JSON value per field, as LeetCode writes them. Run runs every case; the expected answers come from the problem&apos;s reference solution.</p>
    </div>
  );
}
