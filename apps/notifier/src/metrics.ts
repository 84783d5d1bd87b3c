import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export type DropReason = "slow" | "heartbeat";

/** Plain numbers next to the Prometheus series, for tests and `stats()` without async reads. */
export interface NotifierStats {
  connections: number;
  subscriptions: number;
  channels: number;
  eventsSent: number;
  drops: number;
  /** Times a client passed the soft bound and was switched to coalesced snapshots. */
  coalesced: number;
}

export interface MetricSources {
  connections(): number;
  channels(): number;
}

/**
 * One registry per notifier instance, so two instances in one process (tests) do not
 * collide in prom-client's global registry.
 */
export class NotifierMetrics {
  readonly registry = new Registry();
  readonly counts = { subscriptions: 0, eventsSent: 0, drops: 0, coalesced: 0 };

  private readonly subscriptions: Gauge;
  private readonly eventsSent: Counter;
  private readonly dropped: Counter<"reason">;
  private readonly slowClients: Counter;
  private readonly eventsCoalesced: Counter;
  private readonly rejected: Counter<"status">;
  private readonly badMessages: Counter;
  private readonly redisMessages: Counter<"result">;
  private readonly fanout: Histogram;

  constructor(sources: MetricSources, withDefaultMetrics = false) {
    const registers = [this.registry];
    if (withDefaultMetrics) collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: "notifier_connections",
      help: "Open WebSocket connections",
      registers,
      collect() {
        this.set(sources.connections());
      },
    });
    new Gauge({
      name: "notifier_redis_channels",
      help: "Redis channels this instance is subscribed to",
      registers,
      collect() {
        this.set(sources.channels());
      },
    });
    this.subscriptions = new Gauge({ name: "notifier_subscriptions", help: "Active client subscriptions", registers });
    this.eventsSent = new Counter({ name: "notifier_events_sent_total", help: "Event messages sent to clients", registers });
    this.dropped = new Counter({
      name: "notifier_dropped_connections_total",
      help: "Connections dropped by the notifier: slow consumers and dead peers",
      labelNames: ["reason"],
      registers,
    });
    this.slowClients = new Counter({
      name: "notifier_slow_client_coalescing_total",
      help: "Times a client's unsent bytes passed the soft bound: its events are held back until one snapshot replaces them",
      registers,
    });
    this.eventsCoalesced = new Counter({
      name: "notifier_events_coalesced_total",
      help: "Events not sent to a slow client because a snapshot sent after it drains replaces them",
      registers,
    });
    this.rejected = new Counter({
      name: "notifier_rejected_upgrades_total",
      help: "WebSocket upgrades refused, by HTTP status",
      labelNames: ["status"],
      registers,
    });
    this.badMessages = new Counter({ name: "notifier_bad_messages_total", help: "Client messages refused as malformed", registers });
    this.redisMessages = new Counter({
      name: "notifier_redis_messages_total",
      help: "Messages received from Redis pub/sub",
      labelNames: ["result"],
      registers,
    });
    this.fanout = new Histogram({
      name: "notifier_fanout_seconds",
      help: "From a Redis message's arrival to its hand-off to every local subscriber's socket",
      buckets: [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1],
      registers,
    });
  }

  subscriptionAdded(): void {
    this.counts.subscriptions++;
    this.subscriptions.inc();
  }

  subscriptionRemoved(): void {
    this.counts.subscriptions--;
    this.subscriptions.dec();
  }

  eventSent(): void {
    this.counts.eventsSent++;
    this.eventsSent.inc();
  }

  connectionDropped(reason: DropReason): void {
    this.counts.drops++;
    this.dropped.inc({ reason });
  }

  slowClient(): void {
    this.counts.coalesced++;
    this.slowClients.inc();
  }

  eventCoalesced(): void {
    this.eventsCoalesced.inc();
  }

  upgradeRejected(status: number): void {
    this.rejected.inc({ status: String(status) });
  }

  badMessage(): void {
    this.badMessages.inc();
  }

  redisMessage(result: "delivered" | "unrouted" | "invalid"): void {
    this.redisMessages.inc({ result });
  }

  /** seconds */
  observeFanout(seconds: number): void {
    this.fanout.observe(seconds);
  }
}
