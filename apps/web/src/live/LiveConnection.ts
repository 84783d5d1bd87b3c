import {
  applyStep,
  ServerMessage,
  type ClientMessage,
  type EventMessage,
  type SnapshotMessage,
  type Status,
  type SubmissionView,
  type WsErrorCode,
} from "@judge/protocol";
import { backoffDelay, defaultBackoff, type BackoffOptions } from "./backoff.ts";
import { defaultHeartbeat, Heartbeat, type HeartbeatOptions, type Schedule } from "./heartbeat.ts";
import { defaultPolling, Poller, type PollingOptions } from "./httpFallback.ts";
import type { LiveSocket, SocketFactory } from "./socket.ts";

export type ConnectionState = "connecting" | "open" | "closed";

/** The connection as the UI shows it; a new object on every change. */
export interface ConnectionStatus {
  readonly state: ConnectionState;
  /** While closed but enabled: when the next attempt starts (ms since epoch). */
  readonly retryAt: number | null;
}

/** One submission's live state; a new object on every change. */
export interface WatchState {
  readonly view: SubmissionView | null;
  /** seq of the last event reflected in `view`; 0 before any. */
  readonly lastSeq: number;
  readonly error: { readonly code: WsErrorCode; readonly message: string } | null;
}

export interface LiveConnectionOptions {
  url: string;
  createSocket: SocketFactory;
  backoff?: BackoffOptions;
  random?: () => number;
  now?: () => number;
  /** Runs `fn` after `ms`; returns a cancel function. */
  schedule?: Schedule;
  heartbeat?: HeartbeatOptions;
  /** A socket still not open after this long is given up and retried with backoff (ms). */
  connectTimeoutMs?: number;
  /**
   * Reads a submission over HTTP. Given, it is polled (bounded, see httpFallback.ts) for every
   * unfinished watch while the socket is not open, so a dead notifier costs liveness, not truth.
   */
  fetchSubmission?: ((submissionId: string) => Promise<SubmissionView>) | null;
  polling?: PollingOptions;
}

interface Watch {
  state: WatchState;
  readonly listeners: Set<() => void>;
  /** The final verdict is in: unsubscribed, never resubscribed. */
  final: boolean;
  /** A resubscribe after a gap in seq is in flight; cleared by the snapshot. */
  resyncing: boolean;
}

/** A connection open this long counts as healthy: the next failure starts backoff afresh. */
const STABLE_AFTER_MS = 5_000;
/** The gateway answers a stuck upgrade with 504 after 10 s; a bare notifier might never answer. */
const CONNECT_TIMEOUT_MS = 12_000;

const statusOrder: Record<Status, number> = { queued: 0, compiling: 1, running: 2, done: 3 };
/** How far judging has got, comparable between two views of one submission. */
const progressOf = (view: SubmissionView) => statusOrder[view.status] * 1_000_000 + view.tests.length;

const emptyWatch: WatchState = { view: null, lastSeq: 0, error: null };

function parseServerMessage(text: string): ServerMessage | null {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    return null;
  }
  const parsed = ServerMessage.safeParse(json);
  return parsed.success ? parsed.data : null;
}

const defaultSchedule = (fn: () => void, ms: number) => {
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
};

/**
 * The app's one WebSocket to the notifier. Reconnects with exponential backoff and jitter,
 * resubscribes every unfinished submission with its `lastSeq`, and folds snapshots and
 * events into a `SubmissionView` per submission with the protocol's own `applyStep`.
 */
export class LiveConnection {
  readonly #options: Required<LiveConnectionOptions>;
  #status: ConnectionStatus = { state: "closed", retryAt: null };
  #socket: LiveSocket | null = null;
  /** Identity of the current socket, so a stale socket's late callbacks are ignored. */
  #generation = 0;
  #enabled = false;
  #attempt = 0;
  #openedAt = 0;
  #cancelRetry: (() => void) | null = null;
  #cancelConnectTimeout: (() => void) | null = null;
  /** Present while the socket is open. */
  #heartbeat: Heartbeat | null = null;
  readonly #poller: Poller;
  readonly #watches = new Map<string, Watch>();
  readonly #statusListeners = new Set<() => void>();

  constructor(options: LiveConnectionOptions) {
    this.#options = {
      backoff: defaultBackoff,
      random: Math.random,
      now: Date.now,
      schedule: defaultSchedule,
      heartbeat: defaultHeartbeat,
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
      fetchSubmission: null,
      polling: defaultPolling,
      ...options,
    };
    this.#poller = new Poller(this.#options.polling, this.#options.schedule, () => this.#pollOnce());
  }

  get status(): ConnectionStatus {
    return this.#status;
  }

  onStatusChange(listener: () => void): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  /** Connect, and keep reconnecting until `stop()`. Safe to call twice. */
  start(): void {
    this.#enabled = true;
    if (this.#socket === null && this.#cancelRetry === null) this.#connect();
  }

  /** Close and stay closed. Safe to call twice. */
  stop(): void {
    this.#enabled = false;
    this.#clearRetry();
    this.#dropSocket();
    this.#setStatus({ state: "closed", retryAt: null });
    this.#syncPolling();
  }

  /** A fresh socket now, e.g. after login or logout changed the cookie it authenticates with. */
  restart(): void {
    this.stop();
    this.#attempt = 0;
    this.start();
  }

  /** Skip the rest of the backoff (the browser came back online, the user asked). */
  retryNow(): void {
    if (!this.#enabled || this.#socket !== null) return;
    this.#clearRetry();
    this.#connect();
  }

  /** Follow a submission; `listener` runs on every change of `peek(id)`. Returns the unwatch. */
  watch(submissionId: string, listener: () => void): () => void {
    let watch = this.#watches.get(submissionId);
    if (watch === undefined) {
      watch = { state: emptyWatch, listeners: new Set(), final: false, resyncing: false };
      this.#watches.set(submissionId, watch);
      if (this.#status.state === "open") this.#subscribe(submissionId, watch);
      else this.#syncPolling();
    }
    const current = watch;
    current.listeners.add(listener);
    return () => {
      current.listeners.delete(listener);
      if (current.listeners.size > 0 || this.#watches.get(submissionId) !== current) return;
      this.#watches.delete(submissionId);
      if (!current.final) this.#send({ op: "unsubscribe", submissionId });
    };
  }

  peek(submissionId: string): WatchState | undefined {
    return this.#watches.get(submissionId)?.state;
  }

  #connect(): void {
    const generation = ++this.#generation;
    const isCurrent = () => generation === this.#generation;
    this.#setStatus({ state: "connecting", retryAt: null });
    this.#cancelConnectTimeout = this.#options.schedule(() => {
      this.#cancelConnectTimeout = null;
      if (isCurrent() && this.#status.state === "connecting") this.#socketDead();
    }, this.#options.connectTimeoutMs);
    this.#socket = this.#options.createSocket(this.#options.url, {
      open: () => {
        if (isCurrent()) this.#socketOnOpen();
      },
      message: (text) => {
        if (isCurrent()) this.#socketOnMessage(text);
      },
      close: () => {
        if (isCurrent()) this.#socketOnClose();
      },
    });
  }

  #socketOnOpen(): void {
    this.#clearConnectTimeout();
    this.#openedAt = this.#options.now();
    this.#heartbeat = new Heartbeat(this.#options.heartbeat, {
      now: this.#options.now,
      schedule: this.#options.schedule,
      ping: () => this.#send({ op: "ping" }),
      dead: () => this.#socketDead(),
    });
    this.#setStatus({ state: "open", retryAt: null });
    for (const [id, watch] of this.#watches) if (!watch.final) this.#subscribe(id, watch);
  }

  #socketOnClose(): void {
    this.#socket = null;
    this.#generation++;
    this.#stopWatchdogs();
    for (const watch of this.#watches.values()) watch.resyncing = false;
    if (!this.#enabled) {
      this.#setStatus({ state: "closed", retryAt: null });
      return;
    }
    if (this.#openedAt > 0 && this.#options.now() - this.#openedAt >= STABLE_AFTER_MS) this.#attempt = 0;
    this.#openedAt = 0;
    const delay = backoffDelay(this.#attempt++, this.#options.backoff, this.#options.random);
    this.#setStatus({ state: "closed", retryAt: this.#options.now() + delay });
    this.#cancelRetry = this.#options.schedule(() => {
      this.#cancelRetry = null;
      if (this.#enabled && this.#socket === null) this.#connect();
    }, delay);
  }

  /**
   * Silent too long (or never opened): treat it as closed now, with backoff and a resubscribe
   * from lastSeq as after any close, and only then close it (its late close is ignored).
   */
  #socketDead(): void {
    const socket = this.#socket;
    this.#socketOnClose();
    socket?.close();
  }

  #socketOnMessage(text: string): void {
    // Anything at all, even a frame this version cannot parse, shows the socket is alive.
    this.#heartbeat?.heard();
    const message = parseServerMessage(text);
    if (message === null) return;
    switch (message.type) {
      case "pong":
        return;
      case "snapshot":
        this.#onSnapshot(message);
        return;
      case "event":
        this.#onEvent(message);
        return;
      case "error": {
        const watch = message.submissionId === undefined ? undefined : this.#watches.get(message.submissionId);
        if (watch) this.#update(watch, { ...watch.state, error: { code: message.code, message: message.message } });
        return;
      }
    }
  }

  #onSnapshot(message: SnapshotMessage): void {
    const watch = this.#watches.get(message.submissionId);
    if (watch === undefined || message.seq < watch.state.lastSeq) return;
    watch.resyncing = false;
    this.#update(watch, { view: message.submission, lastSeq: message.seq, error: null });
    this.#finishIfDone(message.submissionId, watch);
  }

  #onEvent(message: EventMessage): void {
    const watch = this.#watches.get(message.submissionId);
    if (watch === undefined || watch.resyncing || message.seq <= watch.state.lastSeq) return;
    const { view, lastSeq } = watch.state;
    if (view === null) return; // the snapshot comes first; an event before it is already in it
    if (message.seq > lastSeq + 1) {
      // A step went missing: ask again from what we have; the snapshot closes the gap.
      watch.resyncing = true;
      this.#send({ op: "unsubscribe", submissionId: message.submissionId });
      this.#subscribe(message.submissionId, watch);
      return;
    }
    this.#update(watch, { view: applyStep(view, message), lastSeq: message.seq, error: null });
    this.#finishIfDone(message.submissionId, watch);
  }

  #finishIfDone(submissionId: string, watch: Watch): void {
    if (watch.final || watch.state.view?.status !== "done") return;
    watch.final = true;
    this.#send({ op: "unsubscribe", submissionId });
  }

  #subscribe(submissionId: string, watch: Watch): void {
    const { lastSeq } = watch.state;
    this.#send(lastSeq > 0 ? { op: "subscribe", submissionId, lastSeq } : { op: "subscribe", submissionId });
  }

  #send(message: ClientMessage): void {
    if (this.#status.state === "open") this.#socket?.send(JSON.stringify(message));
  }

  #update(watch: Watch, state: WatchState): void {
    watch.state = state;
    for (const listener of [...watch.listeners]) listener();
  }

  #setStatus(status: ConnectionStatus): void {
    if (status.state === this.#status.state && status.retryAt === this.#status.retryAt) return;
    this.#status = status;
    this.#syncPolling();
    for (const listener of [...this.#statusListeners]) listener();
  }

  /** Poll over HTTP exactly while enabled, not open, and some watch still waits for its verdict. */
  #syncPolling(): void {
    const wanted =
      this.#enabled &&
      this.#status.state !== "open" &&
      this.#options.fetchSubmission !== null &&
      [...this.#watches.values()].some((watch) => !watch.final);
    if (wanted) this.#poller.start();
    else this.#poller.stop();
  }

  /** One read of every unfinished watch; says whether any is left unfinished. */
  async #pollOnce(): Promise<boolean> {
    const fetchSubmission = this.#options.fetchSubmission;
    if (fetchSubmission === null) return false;
    const ids = [...this.#watches].filter(([, watch]) => !watch.final).map(([id]) => id);
    await Promise.all(
      ids.map((id) =>
        fetchSubmission(id).then(
          (view) => this.#adoptHttpView(id, view),
          () => undefined, // the API is down too, or refused: the next round (or the socket) tells
        ),
      ),
    );
    return [...this.#watches.values()].some((watch) => !watch.final);
  }

  #adoptHttpView(submissionId: string, view: SubmissionView): void {
    const watch = this.#watches.get(submissionId);
    if (watch === undefined || watch.final || view.id !== submissionId) return;
    if (view.status !== "done") {
      // Once the socket is back its own snapshot is fresher than this read, unless this is the verdict.
      if (this.#status.state === "open") return;
      // A read from a lagging replica or the stored row must not turn "test 5" back into "Queued".
      const shown = watch.state.view;
      if (shown !== null && progressOf(view) < progressOf(shown)) return;
    }
    // HTTP carries no seq: lastSeq 0 makes the next subscribe ask for a snapshot, which replaces this view.
    this.#update(watch, { view, lastSeq: 0, error: null });
    this.#finishIfDone(submissionId, watch);
  }

  #clearConnectTimeout(): void {
    this.#cancelConnectTimeout?.();
    this.#cancelConnectTimeout = null;
  }

  #stopWatchdogs(): void {
    this.#clearConnectTimeout();
    this.#heartbeat?.stop();
    this.#heartbeat = null;
  }

  #clearRetry(): void {
    this.#cancelRetry?.();
    this.#cancelRetry = null;
  }

  #dropSocket(): void {
    const socket = this.#socket;
    this.#socket = null;
    this.#generation++;
    this.#stopWatchdogs();
    socket?.close();
  }
}
