import type { Redis } from "ioredis";
import { EventMessage } from "@judge/protocol";
import { liveKeys } from "@judge/live-state";
import type { Logger } from "@judge/config";
import type { NotifierMetrics } from "./metrics.ts";

/** One event as it came from Redis: parsed once, sent to every local subscriber as the same bytes. */
export interface HubEvent {
  submissionId: string;
  seq: number;
  /** The exact JSON the worker's script published: the WebSocket `event` message. */
  data: Buffer;
}

export interface HubMember {
  deliver(event: HubEvent): void;
}

interface Channel<M> {
  submissionId: string;
  members: Set<M>;
  /** Settles when Redis has acknowledged the SUBSCRIBE. */
  ready: Promise<void>;
}

export interface ChannelHubOptions<M> {
  subscriber: Redis;
  prefix: string;
  logger: Logger;
  metrics: NotifierMetrics;
  /** Called after the channels were subscribed again on a new Redis connection: messages published meanwhile are lost. */
  onResubscribed(): void;
  /**
   * Called when subscribing again on a new connection failed: the channels are dropped (a later
   * member subscribes afresh) and these members, whose events would no longer come, must be told.
   */
  onResubscribeFailed(members: ReadonlySet<M>): void;
}

/**
 * The Redis subscriptions of one process, counted per channel: one SUBSCRIBE while at
 * least one local member wants a submission, one UNSUBSCRIBE when the last leaves, so an
 * instance only receives what its own clients asked for.
 */
export class ChannelHub<M extends HubMember> {
  private readonly channels = new Map<string, Channel<M>>();
  private readonly subscriber: Redis;
  private readonly prefix: string;
  private readonly log: Logger;
  private readonly metrics: NotifierMetrics;
  private readonly onResubscribed: () => void;
  private readonly onResubscribeFailed: (members: ReadonlySet<M>) => void;
  private connectedBefore = false;

  constructor(options: ChannelHubOptions<M>) {
    this.subscriber = options.subscriber;
    this.prefix = options.prefix;
    this.log = options.logger.child({ module: "channel-hub" });
    this.metrics = options.metrics;
    this.onResubscribed = options.onResubscribed;
    this.onResubscribeFailed = options.onResubscribeFailed;
    this.subscriber.on("message", (channel: string, message: string) => this.dispatch(channel, message));
    this.subscriber.on("ready", () => this.subscriberOnReady());
  }

  /** Redis channels held now. */
  get size(): number {
    return this.channels.size;
  }

  /**
   * Adds a member at once (events are routed to it from now on) and resolves when Redis
   * confirms the subscription, after which no published event can be missed.
   */
  add(submissionId: string, member: M): Promise<void> {
    const name = liveKeys(this.prefix, submissionId).channel;
    let channel = this.channels.get(name);
    if (channel === undefined) {
      const created: Channel<M> = {
        submissionId,
        members: new Set(),
        ready: this.subscriber.subscribe(name).then(() => undefined),
      };
      // A failed SUBSCRIBE must not stick: the next member tries again.
      created.ready.catch(() => {
        if (this.channels.get(name) === created) this.channels.delete(name);
      });
      this.channels.set(name, created);
      channel = created;
    }
    channel.members.add(member);
    return channel.ready;
  }

  remove(submissionId: string, member: M): void {
    const name = liveKeys(this.prefix, submissionId).channel;
    const channel = this.channels.get(name);
    if (channel === undefined || !channel.members.delete(member) || channel.members.size > 0) return;
    this.channels.delete(name);
    this.subscriber.unsubscribe(name).catch((err: unknown) => {
      // The connection is gone; a new one starts without this channel.
      this.log.warn({ err, channel: name }, "unsubscribe failed");
    });
  }

  private dispatch(name: string, message: string): void {
    const channel = this.channels.get(name);
    // A message already in flight when the last member left.
    if (channel === undefined) {
      this.metrics.redisMessage("unrouted");
      return;
    }
    const event = parseEvent(message);
    if (event === null || event.submissionId !== channel.submissionId) {
      this.metrics.redisMessage("invalid");
      this.log.warn({ channel: name, message: message.slice(0, 200) }, "dropped an invalid event from Redis");
      return;
    }
    this.metrics.redisMessage("delivered");
    const started = performance.now();
    const hubEvent: HubEvent = { submissionId: event.submissionId, seq: event.seq, data: Buffer.from(message) };
    for (const member of channel.members) member.deliver(hubEvent);
    this.metrics.observeFanout((performance.now() - started) / 1000);
  }

  /**
   * ioredis' own autoResubscribe is off: this resubscribes itself so that it knows when the
   * channels are live again, and only then asks the members to catch up on what was lost.
   */
  private subscriberOnReady(): void {
    if (!this.connectedBefore) {
      this.connectedBefore = true;
      return;
    }
    const names = [...this.channels.keys()];
    this.log.info({ channels: names.length }, "Redis reconnected; resubscribing");
    if (names.length === 0) return;
    this.subscriber.subscribe(...names).then(
      () => this.onResubscribed(),
      (err: unknown) => {
        // Logging alone would leave every member waiting in silence for events that will not
        // come. Drop the channels (a later member subscribes afresh) and hand their members back.
        this.log.error({ err, channels: names.length }, "resubscribe failed; releasing its members");
        const members = new Set<M>();
        for (const name of names) {
          const channel = this.channels.get(name);
          if (channel === undefined) continue;
          this.channels.delete(name);
          for (const member of channel.members) members.add(member);
        }
        this.onResubscribeFailed(members);
      },
    );
  }
}

/** Validates the whole event once per Redis message; returns only what routing needs. */
function parseEvent(message: string): { submissionId: string; seq: number } | null {
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    return null;
  }
  const result = EventMessage.safeParse(json);
  return result.success ? { submissionId: result.data.submissionId, seq: result.data.seq } : null;
}
