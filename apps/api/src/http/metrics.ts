import type { RequestHandler } from "express";
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

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

  constructor() {
    collectDefaultMetrics({ register: this.registry });
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
