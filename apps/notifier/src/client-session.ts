import WebSocket, { type RawData } from "ws";
import type { LiveState, Snapshot } from "@judge/live-state";
import type { ErrorMessage, PongMessage, SnapshotMessage, WsErrorCode } from "@judge/protocol";
import type { Logger } from "@judge/config";
import type { ChannelHub, HubEvent, HubMember } from "./channel-hub.ts";
import type { NotifierMetrics } from "./metrics.ts";
import type { NotifierLimits } from "./config.ts";
import type { UserConnections } from "./user-connections.ts";
import { parseClientMessage } from "./client-messages.ts";

/** Close codes the notifier sends; 4000–4999 belong to the application. */
export const CloseCode = {
  /** Shutting down: reconnect to another instance. */
  GOING_AWAY: 1001,
  /** The client did not read fast enough; its backlog passed the bound. */
  SLOW_CONSUMER: 4008,
  /** Its subscriptions were lost with Redis and could not be made again: reconnect and resume. */
  TRY_AGAIN_LATER: 1013,
} as const;

/** What every session of one notifier shares: one object, referenced, never copied per socket. */
export interface SessionContext {
  liveState: LiveState;
  hub: ChannelHub<ClientSession>;
  metrics: NotifierMetrics;
  limits: NotifierLimits;
  users: UserConnections;
  logger: Logger;
}

interface Subscription {
  /** The last seq this client was brought to, by a snapshot, a replay or an event. */
  seq: number;
  /** Live events that arrived while a start or catch-up was reading Redis; null while streaming. */
  pending: HubEvent[] | null;
  /** A Redis reconnect happened during a read: read again when it ends. */
  stale: boolean;
  /** Events were held back while the client was slow: a snapshot replaces them once it drains. */
  behind: boolean;
  closed: boolean;
}

/**
 * One connection's subscriptions and the ordering rule: per submission, a start (snapshot,
 * replay or nothing) and then each later event exactly once, in seq order. A slow client
 * (unsent bytes past the soft bound) gets no events until its backlog is written out, then
 * one fresh snapshot per submission that moved meanwhile: coalesced, never throttled for
 * the others; past the hard bound it is dropped.
 */
export class ClientSession implements HubMember {
  /** Cleared by each heartbeat sweep, set by each pong. */
  alive = true;
  /** Allocated on the first subscribe: an idle connection pays nothing for it. */
  private subs: Map<string, Subscription> | null = null;
  private disposed = false;
  /** Past the soft bound: events are held back until the backlog has been written to the kernel. */
  private coalescing = false;
  /** Allocated the first time this client is slow; most never are. */
  private drainedListener: ((err?: Error | null) => void) | null = null;

  constructor(
    readonly socket: WebSocket,
    readonly userId: string,
    readonly isAdmin: boolean,
    private readonly ctx: SessionContext,
  ) {}

  handleMessage(data: RawData, isBinary: boolean): void {
    const parsed = parseClientMessage(data, isBinary);
    if (!parsed.ok) {
      this.ctx.metrics.badMessage();
      this.sendError("BAD_MESSAGE", parsed.error);
      return;
    }
    const message = parsed.message;
    switch (message.op) {
      case "subscribe":
        // subscribe() answers its own failures; this only guards against a bug becoming an unhandled rejection.
        this.subscribe(message.submissionId, message.lastSeq).catch((err: unknown) => {
          this.ctx.logger.error({ err, submissionId: message.submissionId }, "subscribe failed unexpectedly");
        });
        return;
      case "unsubscribe":
        this.unsubscribe(message.submissionId);
        return;
      case "ping":
        // The browser's heartbeat: it cannot see ws-level pongs. The client asked, so it is alive too.
        this.alive = true;
        this.send(PONG);
        return;
    }
  }

  /**
   * Channel first, state second: once Redis confirms the SUBSCRIBE every later event reaches
   * `deliver` (and waits in `pending`), so the state read afterwards leaves no gap.
   */
  async subscribe(submissionId: string, lastSeq: number | undefined): Promise<void> {
    this.subs ??= new Map();
    const subs = this.subs;
    if (this.disposed || subs.has(submissionId)) return;
    const cap = this.ctx.limits.maxSubscriptionsPerConnection;
    if (subs.size >= cap) {
      this.sendError("LIMIT", `at most ${cap} subscriptions per connection`, submissionId);
      return;
    }
    const sub: Subscription = { seq: 0, pending: [], stale: false, behind: false, closed: false };
    subs.set(submissionId, sub);
    this.ctx.metrics.subscriptionAdded();
    try {
      await this.ctx.hub.add(submissionId, this);
    } catch (err) {
      this.unavailable(submissionId, sub, err);
      return;
    }
    await this.start(submissionId, sub, lastSeq);
  }

  unsubscribe(submissionId: string): void {
    const sub = this.subs?.get(submissionId);
    if (sub !== undefined) this.release(submissionId, sub);
  }

  deliver(event: HubEvent): void {
    const sub = this.subs?.get(event.submissionId);
    if (sub === undefined) return;
    if (sub.pending !== null) {
      sub.pending.push(event);
      return;
    }
    if (event.seq <= sub.seq) return;
    if (this.coalescing) {
      sub.behind = true;
      this.ctx.metrics.eventCoalesced();
      return;
    }
    if (event.seq > sub.seq + 1) {
      // Redis lost messages (a reconnect): fetch the missing ones from the log first.
      sub.pending = [event];
      void this.start(event.submissionId, sub, sub.seq);
      return;
    }
    sub.seq = event.seq;
    this.send(event.data);
    this.ctx.metrics.eventSent();
  }

  /** After Redis came back: whatever was published meanwhile is sent from the log. */
  catchUp(): void {
    for (const [submissionId, sub] of this.subs ?? []) {
      if (sub.pending !== null) {
        sub.stale = true;
        continue;
      }
      sub.pending = [];
      void this.start(submissionId, sub, sub.seq);
    }
  }

  /** The socket closed: every subscription gives its channel back. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const [submissionId, sub] of this.subs ?? []) this.release(submissionId, sub);
    this.ctx.users.closed(this.userId);
  }

  socketFailed(err: Error): void {
    this.ctx.logger.debug({ err, userId: this.userId }, "socket error");
  }

  get subscriptionCount(): number {
    return this.subs?.size ?? 0;
  }

  /** Reads the state, checks the owner, sends the start, then flushes what arrived meanwhile. */
  private async start(submissionId: string, sub: Subscription, lastSeq: number | undefined): Promise<void> {
    try {
      let after = lastSeq;
      do {
        sub.stale = false;
        const snapshot = await this.ctx.liveState.snapshot(submissionId);
        if (sub.closed) return;
        if (snapshot === null) return this.refuse(submissionId, sub, "NOT_FOUND", "no live state for this submission");
        if (snapshot.ownerId !== this.userId && !this.isAdmin) {
          return this.refuse(submissionId, sub, "FORBIDDEN", "not your submission");
        }
        await this.sendStart(submissionId, sub, snapshot, after);
        if (sub.closed) return;
        after = sub.seq;
      } while (sub.stale);
    } catch (err) {
      this.unavailable(submissionId, sub, err);
      return;
    }
    const pending = sub.pending ?? [];
    sub.pending = null;
    // Through `deliver`, so duplicates are skipped and a gap starts another catch-up.
    for (const event of pending) this.deliver(event);
  }

  /**
   * With `lastSeq` L and the state at S: nothing when L = S; else the events (L, S] when the
   * log still has them all; else (no L, a trimmed log, or L > S which no client can have
   * seen) a snapshot, which replaces whatever the client held.
   */
  private async sendStart(submissionId: string, sub: Subscription, snapshot: Snapshot, lastSeq: number | undefined): Promise<void> {
    const seq = snapshot.seq;
    if (lastSeq === seq) {
      sub.seq = seq;
      return;
    }
    if (lastSeq !== undefined && lastSeq < seq) {
      const events = await this.ctx.liveState.eventsBetween(submissionId, lastSeq, seq);
      if (sub.closed) return;
      if (events.length === seq - lastSeq) {
        for (const event of events) {
          this.send(event);
          this.ctx.metrics.eventSent();
        }
        sub.seq = seq;
        return;
      }
    }
    const message: SnapshotMessage = { type: "snapshot", submissionId, seq, submission: snapshot.view };
    this.send(JSON.stringify(message));
    sub.seq = seq;
  }

  private refuse(submissionId: string, sub: Subscription, code: WsErrorCode, message: string): void {
    this.release(submissionId, sub);
    this.sendError(code, message, submissionId);
  }

  private unavailable(submissionId: string, sub: Subscription, err: unknown): void {
    this.ctx.logger.warn({ err, submissionId, userId: this.userId }, "subscription failed");
    this.refuse(submissionId, sub, "UNAVAILABLE", "could not read the submission's state; subscribe again");
  }

  private release(submissionId: string, sub: Subscription): void {
    if (sub.closed) return;
    sub.closed = true;
    sub.pending = null;
    if (this.subs?.get(submissionId) === sub) this.subs.delete(submissionId);
    this.ctx.hub.remove(submissionId, this);
    this.ctx.metrics.subscriptionRemoved();
  }

  private sendError(code: WsErrorCode, message: string, submissionId?: string): void {
    const error: ErrorMessage = submissionId === undefined ? { type: "error", code, message } : { type: "error", code, message, submissionId };
    this.send(JSON.stringify(error));
  }

  private send(data: string | Buffer): void {
    const socket = this.socket;
    if (socket.readyState !== WebSocket.OPEN) return;
    // Text frames: the hub hands over one Buffer per Redis message, shared by every socket.
    socket.send(data, TEXT_FRAME);
    const buffered = socket.bufferedAmount;
    if (buffered > this.ctx.limits.maxBufferedBytes) this.dropSlow();
    else if (buffered > this.ctx.limits.softBufferedBytes && !this.coalescing) this.startCoalescing();
  }

  /**
   * Holds events back and marks the end of the backlog with a ping: ws writes frames in
   * order, so the ping's callback runs once everything before it has reached the kernel.
   */
  private startCoalescing(): void {
    this.coalescing = true;
    this.ctx.metrics.slowClient();
    this.ctx.logger.debug({ userId: this.userId, bufferedBytes: this.socket.bufferedAmount }, "slow client: coalescing its events");
    this.markBacklogEnd();
  }

  private markBacklogEnd(): void {
    this.drainedListener ??= (err?: Error | null) => this.drained(err);
    this.socket.ping(undefined, undefined, this.drainedListener);
  }

  /** The backlog is out: each submission that moved meanwhile gets one fresh snapshot. */
  private drained(err?: Error | null): void {
    // An error means the socket is gone; its close event disposes the session. ws passes null on success.
    if (err instanceof Error || this.disposed || this.socket.readyState !== WebSocket.OPEN) return;
    if (this.socket.bufferedAmount > this.ctx.limits.softBufferedBytes) {
      // Snapshots and errors sent meanwhile are still on their way: still slow, wait for those too.
      this.markBacklogEnd();
      return;
    }
    this.coalescing = false;
    for (const [submissionId, sub] of this.subs ?? []) {
      if (!sub.behind) continue;
      sub.behind = false;
      // A start in progress reads the state after the held-back events, so it covers them.
      if (sub.pending !== null) continue;
      sub.pending = [];
      void this.start(submissionId, sub, undefined);
    }
  }

  /**
   * Its events stopped coming (Redis lost its subscriptions and refused them again). Closing is
   * what makes a client recover: it reconnects, resubscribes with lastSeq and loses nothing,
   * where an `error` per submission would leave it showing a stream that never moves.
   */
  subscriptionsLost(): void {
    this.ctx.logger.warn({ userId: this.userId }, "closing a client whose subscriptions were lost");
    this.socket.close(CloseCode.TRY_AGAIN_LATER, "subscriptions lost; reconnect");
  }

  /**
   * Its backlog would otherwise grow with every event. After close() nothing more is queued;
   * ws destroys the socket if the close handshake does not finish within its timeout.
   */
  private dropSlow(): void {
    this.ctx.metrics.connectionDropped("slow");
    this.ctx.logger.info({ userId: this.userId, bufferedBytes: this.socket.bufferedAmount }, "dropping a slow consumer");
    this.socket.close(CloseCode.SLOW_CONSUMER, "slow consumer");
  }
}

const TEXT_FRAME = { binary: false } as const;
/** Serialized once: every pong is the same bytes. */
const PONG = JSON.stringify({ type: "pong" } satisfies PongMessage);
