import type { Limits, Sample } from "@judge/protocol";
import { labelledInput } from "../testcases/caseResults.ts";
import type { CaseField } from "../testcases/testcases.ts";
import { CopyButton } from "../ui/CopyButton.tsx";
import { formatMemory } from "../ui/format.ts";

/** `shown`: the text as displayed, when it differs from the text copied. */
function SampleBlock({ title, text, shown = text, copyLabel }: { title: string; text: string; shown?: string; copyLabel: string }) {
  return (
    <div className="sample-block">
      <div className="sample-head">
        <h4>{title}</h4>
        <CopyButton text={text} label={copyLabel} />
      </div>
      <pre tabIndex={0}>{shown}</pre>
    </div>
  );
}

/** A function problem's sample input as LeetCode writes it: `nums = [2,7,11,15], target = 9`, one per line. */
function labelled(fields: readonly CaseField[] | null, input: string): string {
  if (fields === null) return input;
  return labelledInput(fields, input)
    .map((line) => (line.label === "Input" ? line.value : `${line.label} ${line.value}`))
    .join("\n");
}

export function Samples({ samples, fields = null }: { samples: Sample[]; fields?: readonly CaseField[] | null }) {
  if (samples.length === 0) return null;
  return (
    <section className="samples" aria-labelledby="samples-heading">
      <h3 id="samples-heading">Examples</h3>
      {samples.map((sample, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a problem's examples never reorder; the index is their number
        <div className="sample" key={i} data-testid="sample">
          <h4 className="sample-title">Example {i + 1}</h4>
          <div className="sample-io">
            <SampleBlock title="Input" text={sample.input} shown={labelled(fields, sample.input)} copyLabel={`Copy input of example ${i + 1}`} />
            <SampleBlock title="Output" text={sample.output} copyLabel={`Copy output of example ${i + 1}`} />
          </div>
        </div>
      ))}
    </section>
  );
}

function formatLimitTime(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

export function LimitsLine({ limits }: { limits: Limits }) {
  return (
    <dl className="limits" data-testid="limits">
      <div>
        <dt>Time limit</dt>
        <dd>{formatLimitTime(limits.timeMs)}</dd>
      </div>
      <div>
        <dt>Memory limit</dt>
        <dd>{formatMemory(limits.memoryKb)}</dd>
      </div>
    </dl>
  );
}
