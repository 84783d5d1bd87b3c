import { randomUUID } from "node:crypto";
import express, { Router } from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import type { Redis } from "ioredis";
import type { Logger } from "@judge/config";
import type { PrismaClient } from "@judge/db";
import type { FleetRegistry } from "@judge/live-state";
import type { TokenSigner, TokenVerifier } from "@judge/tokens";
import { authenticate } from "./auth/authenticate.ts";
import { authRoutes, meRoute } from "./auth/auth-routes.ts";
import { errorHandler, notFoundHandler } from "./http/error-handler.ts";
import type { ApiMetrics } from "./http/metrics.ts";
import { bundleRoutes } from "./internal/bundle-routes.ts";
import { problemRoutes } from "./problems/problem-routes.ts";
import { runRoutes } from "./runs/run-routes.ts";
import type { RunService } from "./runs/run-service.ts";
import { submissionRoutes } from "./submissions/submission-routes.ts";
import type { SubmissionService } from "./submissions/submission-service.ts";

export interface AppDeps {
  prisma: PrismaClient;
  redis: Redis;
  fleet: FleetRegistry;
  submissions: SubmissionService;
  runs: RunService;
  signer: TokenSigner;
  verifier: TokenVerifier;
  metrics: ApiMetrics;
  logger: Logger;
  workerToken: string;
  tokenTtlSeconds: number;
  cookieSecure: boolean;
}

/** Submissions are at most 64 KiB of code; the JSON around it leaves room below this. */
const BODY_LIMIT = "256kb";

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback, uniquelocal");
  app.use(helmet());
  app.use(
    pinoHttp({
      logger: deps.logger.child({ module: "http" }),
      genReqId: (req, res) => {
        const id = typeof req.headers["x-request-id"] === "string" ? req.headers["x-request-id"] : randomUUID();
        res.setHeader("X-Request-Id", id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === "/api/health" || req.url === "/metrics" },
    }),
  );
  app.use(deps.metrics.middleware);
  app.get("/metrics", deps.metrics.handler);
  app.use(express.json({ limit: BODY_LIMIT }));

  app.use("/internal", bundleRoutes(deps.prisma, deps.workerToken));

  const api = Router();
  api.get("/health", async (_req, res) => {
    const [redis, database] = await Promise.all([
      deps.redis.ping().then(() => true, () => false),
      deps.prisma.$queryRaw`SELECT 1`.then(() => true, () => false),
    ]);
    res.status(redis && database ? 200 : 503).json({ ok: redis && database, redis, database });
  });
  api.use(authenticate(deps.verifier));
  api.use("/auth", authRoutes(deps));
  api.use("/me", meRoute(deps.prisma));
  api.get("/languages", async (_req, res) => {
    res.json(await deps.fleet.languages());
  });
  api.use("/problems", problemRoutes(deps.prisma, deps.fleet));
  api.use("/submissions", submissionRoutes(deps.prisma, deps.submissions));
  api.use("/runs", runRoutes(deps.runs));
  app.use("/api", api);

  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger.child({ module: "errors" })));
  return app;
}
