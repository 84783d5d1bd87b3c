import { useId } from "react";
import { RunResult } from "./RunResult.tsx";
import type { RunConsole as RunConsoleState, RunMode } from "./useRunConsole.ts";
import "./runs.css";

interface RunConsoleProps {
  console: RunConsoleState;
  sampleCount: number;
  signedIn: boolean;
}

/** What Run runs on (the samples or custom input) and the results of the latest Run. */
export function RunConsole({ console: state, sampleCount, signedIn }: RunConsoleProps) {
  const name = useId();
  const inputId = useId();
  const modes: { id: RunMode; label: string; disabled: boolean }[] = [
    { id: "samples", label: sampleCount === 1 ? "The example" : `The ${sampleCount} examples`, disabled: sampleCount === 0 },
    { id: "custom", label: "Custom input", disabled: false },
  ];
  const batch = state.batch;

  return (
    <div className="run-console">
      <fieldset className="run-mode">
        <legend>Run on</legend>
        {modes.map((mode) => (
          <label key={mode.id} className={mode.disabled ? "disabled" : undefined}>
            <input
              type="radio"
              name={name}
              value={mode.id}
              checked={state.mode === mode.id}
              disabled={mode.disabled}
              onChange={() => state.setMode(mode.id)}
              data-testid={`run-mode-${mode.id}`}
            />
            {mode.label}
          </label>
        ))}
      </fieldset>
      {state.mode === "custom" && (
        <div className="field custom-input">
          <label htmlFor={inputId}>Custom input (stdin)</label>
          <textarea
            id={inputId}
            data-testid="custom-input"
            value={state.customInput}
            onChange={(event) => state.setCustomInput(event.target.value)}
            rows={4}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
          />
        </div>
      )}
      {batch === null ? (
        <p className="hint">
          {signedIn ? "Run tries your code without submitting it: stdout, stderr and, on the examples, a diff." : "Log in to run your code."}
        </p>
      ) : (
        <div className="run-results" data-testid="run-results" key={batch.serial}>
          {batch.cases.map((runCase, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a batch's cases are fixed once run; each result stays at its case's place
            <RunResult key={i} runCase={runCase} />
          ))}
        </div>
      )}
    </div>
  );
}
