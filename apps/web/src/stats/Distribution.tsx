import type { SubmissionView } from "@judge/protocol";
import { lazy, Suspense } from "react";

// Chart.js (~200 KB) loads only when an accepted result is shown.
const DistributionPanel = lazy(() => import("./DistributionPanel.tsx"));

/** An accepted submission's runtime and memory among the accepted ones in its language. */
export function Distribution({ view }: { view: SubmissionView }) {
  return (
    <Suspense fallback={<p className="hint">Loading the distribution…</p>}>
      <DistributionPanel problem={view.problem} language={view.language} timeMs={view.timeMs} memoryKb={view.memoryKb} />
    </Suspense>
  );
}
