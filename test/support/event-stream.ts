import { applyStep, type EventMessage, type ServerMessage, type StreamMessage, type SubmissionView } from "@judge/protocol";

export interface StreamCheck {
  /** The view the events add up to. */
  view: SubmissionView;
  /** The seq of the snapshot the stream started with; null when it resumed without one. */
  snapshotSeq: number | null;
  /** The seq of the last message. */
  lastSeq: number;
  events: EventMessage[];
}

export interface StreamExpectations {
  /** Resuming after `lastSeq` without a snapshot: where the client already was. */
  from?: { view: SubmissionView; seq: number };
  /** The seq the stream must end at. */
  lastSeq?: number;
  /** Exactly one verdict, and it is the last event (every finished stream). */
  final?: boolean;
}

/**
 * The one check of what a subscriber saw for one submission, that every suite shares: a start
 * (a snapshot at S, or nothing when resuming from `from`), then events S+1, S+2, … each exactly
 * once and in order, nothing but events after the snapshot, no error message; optionally ending
 * at `lastSeq`, and with exactly one verdict as the last event. Throws with the whole sequence.
 */
export function checkStream(messages: readonly StreamMessage[], expect: StreamExpectations = {}): StreamCheck {
  let view = expect.from?.view ?? null;
  let seq = expect.from?.seq ?? -1;
  let snapshotSeq: number | null = null;
  const events: EventMessage[] = [];
  const all = () => messages.map((m) => (m.type === "error" ? `E:${m.code}` : m.type === "snapshot" ? `S${m.seq}` : m.seq)).join(",");
  for (const [i, m] of messages.entries()) {
    if (m.type === "snapshot") {
      if (i !== 0) throw new Error(`a snapshot at position ${i}, not first: ${all()}`);
      view = m.submission;
      seq = m.seq;
      snapshotSeq = m.seq;
    } else if (m.type === "event") {
      if (view === null) throw new Error(`an event before any snapshot: ${all()}`);
      if (m.seq !== seq + 1) throw new Error(`expected seq ${seq + 1}, got ${m.seq}: events arrive in order, no gap, no repeat: ${all()}`);
      view = applyStep(view, m);
      seq = m.seq;
      events.push(m);
    } else {
      throw new Error(`an error message ${m.code} in the stream: ${m.message}`);
    }
  }
  if (view === null) throw new Error("the stream has no start: no snapshot and nothing to resume from");
  if (expect.lastSeq !== undefined && seq !== expect.lastSeq) throw new Error(`the stream ended at ${seq}, expected ${expect.lastSeq}: ${all()}`);
  if (expect.final) {
    const verdicts = events.filter((e) => e.kind === "verdict");
    if (verdicts.length !== 1) throw new Error(`expected exactly one verdict, got ${verdicts.length}: ${all()}`);
    if (events.at(-1) !== verdicts[0]) throw new Error(`the verdict is not the last event: ${all()}`);
  }
  return { view, snapshotSeq, lastSeq: seq, events };
}
