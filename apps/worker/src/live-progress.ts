import type { LiveState } from "@judge/live-state";
import { applyStep, type Step, type SubmissionView } from "@judge/protocol";

/** Publishes a job's steps to its live state, keeping the view they lead to. */
export interface LiveProgress {
  publish(step: Step): Promise<void>;
}

export async function openLiveProgress(live: LiveState, submissionId: string): Promise<LiveProgress> {
  return liveProgressFrom(live, submissionId, (await live.snapshot(submissionId))?.view ?? null);
}

/** The same, from a view the caller has already read. */
export function liveProgressFrom(live: LiveState, submissionId: string, start: SubmissionView | null): LiveProgress {
  let view = start;
  return {
    publish: async (step) => {
      // Without live state (expired, or never made) a submission's verdict still reaches
      // the database through the results queue; only the live stream is skipped.
      if (!view) return;
      view = applyStep(view, step);
      await live.append(submissionId, step, view);
    },
  };
}
