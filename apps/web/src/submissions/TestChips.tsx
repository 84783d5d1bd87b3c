import { verdictNames, type SubmissionView } from "@judge/protocol";
import { formatMemory, formatTime, verdictTone } from "../ui/format.ts";

interface TestChipsProps {
  view: SubmissionView;
}

/** One chip per test: judged ones with their verdict, time and memory; the running one pulses. */
export function TestChips({ view }: TestChipsProps) {
  const judged = new Map(view.tests.map((t) => [t.index, t]));
  const count = Math.max(view.total, ...view.tests.map((t) => t.index), 0);
  const stopped = view.status === "done";
  const indexes = Array.from({ length: count }, (_, i) => i + 1);
  if (count === 0) return null;
  return (
    <ol className="test-chips" aria-label="Tests">
      {indexes.map((index) => {
        const test = judged.get(index);
        if (test) {
          const name = verdictNames[test.verdict];
          return (
            <li
              key={index}
              className={`test-chip tone-${verdictTone[test.verdict]}`}
              data-testid="test-result"
              data-verdict={test.verdict}
              data-index={index}
              title={`Test ${index}: ${name}, ${formatTime(test.timeMs)}, ${formatMemory(test.memoryKb)}`}
            >
              <span className="test-index">#{index}</span>
              <abbr className="test-verdict" title={name}>
                {test.verdict}
              </abbr>
              <span className="test-usage">
                {formatTime(test.timeMs)} · {formatMemory(test.memoryKb)}
              </span>
              <span className="visually-hidden">{name}</span>
            </li>
          );
        }
        const running = !stopped && view.currentTest === index;
        return (
          <li key={index} className={`test-chip pending${running ? " running" : ""}`} data-index={index}>
            <span className="test-index">#{index}</span>
            <span className="test-verdict">{running ? "…" : stopped ? "skipped" : ""}</span>
            <span className="visually-hidden">{running ? "running" : stopped ? "not run" : "waiting"}</span>
          </li>
        );
      })}
    </ol>
  );
}
