import type { LiveState } from "@judge/live-state";
import { applyStep, type Step, type SubmissionView } from "@judge/protocol";

/** Publishes a job's steps to its live state, keeping the view they lead to. */
export interface LiveProgress {
  publish(step: Step): Promise<void>;
}

export async function openLiveProgress(live: LiveState, submissionId: string): Promise<LiveProgress> {
  const snapshot = await live.snapshot(submissionId);
  let view: SubmissionView | null = snapshot?.view ?? null;
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
