import type { RequestHandler } from "express";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export class ApiMetrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request duration by method, route and status",
    labelNames: ["method", "route", "status"],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly verdicts = new Counter({
    name: "judge_verdicts_total",
    help: "Final verdicts stored, by verdict",
    labelNames: ["verdict"],
    registers: [this.registry],
  });

  /** From the submission's creation to its stored result: queueing plus judging. */
  readonly judgeDuration = new Histogram({
    name: "judge_duration_seconds",
    help: "Seconds from a submission's creation to its final verdict, by verdict",
    labelNames: ["verdict"],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });

  constructor(
    /** Jobs waiting in the judge queue, read when /metrics is scraped. */
    queueDepth?: () => Promise<number>,
  ) {
    collectDefaultMetrics({ register: this.registry });
    if (queueDepth) {
      new Gauge({
        name: "judge_queue_depth",
        help: "Judge jobs waiting for a worker",
        registers: [this.registry],
        async collect() {
          this.set(await queueDepth().catch(() => Number.NaN));
        },
      });
    }
  }

  /** Labels by the matched route pattern, never the raw path, to keep cardinality bounded. */
  readonly middleware: RequestHandler = (req, res, next) => {
    const end = this.httpDuration.startTimer();
    res.on("finish", () => {
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : "unmatched";
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };

  readonly handler: RequestHandler = async (_req, res) => {
    res.setHeader("Content-Type", this.registry.contentType).send(await this.registry.metrics());
  };
}
