/** Redis names for one submission's live state. All carry the deployment prefix. */
export interface LiveKeys {
  /** Hash: `owner` (user id), `seq` (last event number), `view` (SubmissionView JSON). */
  state: string;
  /** List of the event messages in seq order, for `lastSeq` resume. */
  log: string;
  /** Pub/sub channel the events are published on. */
  channel: string;
}

export function liveKeys(prefix: string, submissionId: string): LiveKeys {
  // The hash tag keeps a submission's keys in one slot under Redis Cluster.
  const base = `${prefix}:live:{${submissionId}}`;
  return { state: `${base}:state`, log: `${base}:log`, channel: `${base}:events` };
}
