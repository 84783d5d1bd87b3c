import { languageDisplay, type DistributionBucket, type DistributionMetric, type LanguageId } from "@judge/protocol";
import { useQuery } from "@tanstack/react-query";
import { BarElement, CategoryScale, Chart as ChartJS, LinearScale, Tooltip, type ChartOptions, type Plugin } from "chart.js";
import { useMemo, useState } from "react";
import { Bar } from "react-chartjs-2";
import { isApiError } from "../api/ApiError.ts";
import { fetchDistribution, fetchDistributionSample } from "../api/endpoints.ts";
import { queryKeys } from "../api/queryKeys.ts";
import { ErrorNotice } from "../ui/ErrorNotice.tsx";
import { formatMemory, formatTime } from "../ui/format.ts";
import { bucketIndexOf } from "./buckets.ts";
import "./stats.css";

ChartJS.register(BarElement, CategoryScale, LinearScale, Tooltip);

/** Canvas colours: a canvas cannot read CSS variables, so these suit both themes. */
const BAR = "rgba(91, 141, 239, 0.75)";
const YOURS = "#f08c00";
const GRID = "rgba(138, 148, 163, 0.25)";
const TICKS = "#8a94a3";

const metricLabel: Record<DistributionMetric, string> = { runtime: "Runtime", memory: "Memory" };
const formatValue: Record<DistributionMetric, (n: number) => string> = { runtime: formatTime, memory: formatMemory };

/**
 * The bars live in a canvas, out of the DOM's reach: their centres (CSS pixels) are written on
 * it after each render, so that a browser test can click a given bar as a person would.
 */
const exposeBars: Plugin<"bar"> = {
  id: "exposeBars",
  afterRender(chart) {
    const bars = chart.getDatasetMeta(0).data;
    chart.canvas.dataset.barX = bars.map((bar) => Math.round(bar.x)).join(",");
    chart.canvas.dataset.barBottom = String(Math.round(chart.chartArea.bottom));
  },
};


interface PanelProps {
  problem: string;
  language: LanguageId;
  timeMs: number | null;
  memoryKb: number | null;
}

export default function DistributionPanel({ problem, language, timeMs, memoryKb }: PanelProps) {
  const [metric, setMetric] = useState<DistributionMetric>("runtime");
  const [picked, setPicked] = useState<number | null>(null);
  const distribution = useQuery({
    queryKey: queryKeys.distribution(problem, language),
    queryFn: ({ signal }) => fetchDistribution(problem, language, signal),
  });
  const buckets = distribution.data?.[metric] ?? [];
  const yours = bucketIndexOf(buckets, metric === "runtime" ? timeMs : memoryKb);
  const label = metricLabel[metric];
  const format = formatValue[metric];

  const data = useMemo(
    () => ({
      labels: buckets.map((b) => format(b.from)),
      datasets: [
        {
          label: "Accepted submissions",
          data: buckets.map((b) => b.count),
          backgroundColor: buckets.map((_, i) => (i === yours ? YOURS : BAR)),
          borderRadius: 3,
        },
      ],
    }),
    [buckets, yours, format],
  );
  const options = useMemo<ChartOptions<"bar">>(
    () => ({
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      // A click anywhere in a bar's column picks it: thin bars are hard to hit on a phone.
      interaction: { mode: "index", intersect: false },
      onClick: (_event, elements) => {
        const index = elements[0]?.index;
        if (index !== undefined && (buckets[index]?.count ?? 0) > 0) setPicked(index);
      },
      onHover: (event, elements) => {
        const target = event.native?.target;
        if (target instanceof HTMLElement) target.style.cursor = elements.length > 0 ? "pointer" : "default";
      },
      plugins: {
        tooltip: {
          callbacks: {
            title: (items) => {
              const b = buckets[items[0]?.dataIndex ?? -1];
              return b ? `${format(b.from)} – ${format(b.to)}` : "";
            },
            label: (item) => `${item.parsed.y} accepted${item.dataIndex === yours ? " (yours is here)" : ""}`,
          },
        },
      },
      scales: {
        x: { grid: { display: false }, ticks: { color: TICKS, maxRotation: 0, autoSkip: true } },
        y: { beginAtZero: true, grid: { color: GRID }, ticks: { color: TICKS, precision: 0 } },
      },
    }),
    [buckets, yours, format],
  );

  if (distribution.error) return <ErrorNotice error={distribution.error} title="Could not load the distribution" />;
  if (!distribution.data) return <p className="hint">Loading the distribution…</p>;
  const bucket = yours >= 0 ? buckets[yours] : undefined;
  const pickedBucket = picked === null ? undefined : buckets[picked];

  return (
    <section className="distribution" aria-labelledby="distribution-heading" data-testid="distribution" data-metric={metric} data-user-bar={yours}>
      <div className="distribution-head">
        <h4 id="distribution-heading">
          {label} distribution of {distribution.data.accepted} accepted {languageDisplay[language].name} submissions
        </h4>
        <fieldset className="segmented">
          <legend className="visually-hidden">Metric</legend>
          {(["runtime", "memory"] as const).map((m) => (
            <button
              key={m}
              type="button"
              className="button small"
              aria-pressed={metric === m}
              onClick={() => {
                setMetric(m);
                setPicked(null);
              }}
              data-testid={`distribution-${m}`}
            >
              {metricLabel[m]}
            </button>
          ))}
        </fieldset>
      </div>
      <div className="distribution-chart">
        <Bar
          data={data}
          options={options}
          plugins={[exposeBars]}
          role="img"
          aria-label={`${label}: ${buckets.map((b) => `${format(b.from)} to ${format(b.to)}: ${b.count}`).join("; ")}`}
          data-testid="distribution-canvas"
        />
      </div>
      {bucket && (
        <p className="hint" data-testid="distribution-you">
          <span className="swatch" aria-hidden="true" /> Yours: {format(metric === "runtime" ? (timeMs ?? 0) : (memoryKb ?? 0))}, in the bar {format(bucket.from)} –{" "}
          {format(bucket.to)}. Click a bar to read an accepted solution of that speed.
        </p>
      )}
      {pickedBucket && <Sample problem={problem} language={language} metric={metric} bucket={pickedBucket} format={format} />}
    </section>
  );
}

function Sample({
  problem,
  language,
  metric,
  bucket,
  format,
}: {
  problem: string;
  language: LanguageId;
  metric: DistributionMetric;
  bucket: DistributionBucket;
  format(n: number): string;
}) {
  const query = { language, metric, from: bucket.from, to: bucket.to };
  const sample = useQuery({
    queryKey: queryKeys.distributionSample(problem, query),
    queryFn: ({ signal }) => fetchDistributionSample(problem, query, signal),
    retry: false,
  });
  const range = `${format(bucket.from)} – ${format(bucket.to)}`;
  if (sample.error) {
    if (isApiError(sample.error, "FORBIDDEN") || isApiError(sample.error, "UNAUTHORIZED")) {
      return (
        <p className="hint" data-testid="distribution-sample-refused">
          Solve this problem to read others' accepted code.
        </p>
      );
    }
    return <ErrorNotice error={sample.error} title="Could not load a sample" />;
  }
  if (!sample.data) return <p className="hint">Loading a sample from {range}…</p>;
  return (
    <figure className="distribution-sample">
      <figcaption>
        An accepted solution in {range} ({formatTime(sample.data.timeMs)}, {formatMemory(sample.data.memoryKb)})
      </figcaption>
      <pre tabIndex={0} data-testid="distribution-sample">
        <code>{sample.data.code}</code>
      </pre>
    </figure>
  );
}
