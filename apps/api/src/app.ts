import cors from "cors";
import express, { Router, type RequestHandler } from "express";
import helmet from "helmet";
import type { Redis } from "ioredis";
import type { Logger } from "@judge/config";
import type { PrismaClient } from "@judge/db";
import type { FleetRegistry } from "@judge/live-state";
import type { TokenDenylist, TokenSigner, TokenVerifier } from "@judge/tokens";
import { QUEUE_DASHBOARD_PATH, queueDashboard } from "./admin/queue-dashboard.ts";
import { authenticate, requireUser } from "./auth/authenticate.ts";
import { authRoutes, meRoute } from "./auth/auth-routes.ts";
import { crossSiteCheck } from "./http/cross-site-check.ts";
import { errorHandler, notFoundHandler } from "./http/error-handler.ts";
import type { IdempotencyStore } from "./http/idempotency.ts";
import type { ApiMetrics } from "./http/metrics.ts";
import { openApiDocument } from "./http/openapi.ts";
import type { RateLimits } from "./http/rate-limits.ts";
import { requestLogging } from "./http/request-logging.ts";
import { trustProxySetting } from "./http/trust-proxy.ts";
import { bundleRoutes } from "./internal/bundle-routes.ts";
import { packageImportRoutes } from "./problems/package-import-routes.ts";
import { problemAdminRoutes } from "./problems/problem-admin-routes.ts";
import { problemRoutes } from "./problems/problem-routes.ts";
import { distributionRoutes } from "./problems/distribution-routes.ts";
import { profileRoutes } from "./users/profile-routes.ts";
import { runRoutes } from "./runs/run-routes.ts";
import type { RunService } from "./runs/run-service.ts";
import type { RejudgeService } from "./submissions/rejudge-service.ts";
import { verificationRoutes } from "./verification/verification-routes.ts";
import type { PackageVerification } from "./verification/package-verification.ts";
import { submissionRoutes } from "./submissions/submission-routes.ts";
import type { SubmissionService } from "./submissions/submission-service.ts";

export interface AppDeps {
  prisma: PrismaClient;
  redis: Redis;
  fleet: FleetRegistry;
  submissions: SubmissionService;
  runs: RunService;
  rejudge: RejudgeService;
  verification: PackageVerification;
  signer: TokenSigner;
  verifier: TokenVerifier;
  denylist: TokenDenylist;
  rateLimits: RateLimits;
  idempotency: IdempotencyStore;
  metrics: ApiMetrics;
  logger: Logger;
  workerToken: string;
  tokenTtlSeconds: number;
  cookieSecure: boolean;
  /** TRUST_PROXY: the proxies in front of the API (addresses, ranges); empty: none. */
  trustProxy: readonly string[];
  /** Browser origins allowed cross-origin; empty: same origin only. */
  corsOrigins: string[];
  /** The BullMQ prefix, for the admins' queue dashboard; without it there is none. */
  queuePrefix?: string;
}

/** Submissions are at most 64 KiB of code; the JSON around it leaves room below this. */
const BODY_LIMIT = "256kb";
/** Admins send whole problems with their tests as JSON. */
const ADMIN_BODY_LIMIT = "32mb";

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable("x-powered-by");
  // req.ip (the per-IP limits' key) comes from X-Forwarded-For only through these proxies.
  app.set("trust proxy", trustProxySetting(deps.trustProxy));
  app.use(helmet());
  app.use(requestLogging(deps.logger));
  app.use(deps.metrics.middleware);
  app.get("/metrics", deps.metrics.handler);
  // Before every cookie-authenticated route: the API's and the admins' queue dashboard.
  app.use(crossSiteCheck(deps.corsOrigins));

  app.use("/internal", bundleRoutes(deps.prisma, deps.workerToken));

  const api = Router();
  api.use(
    cors({
      origin: deps.corsOrigins,
      credentials: true,
      allowedHeaders: ["Content-Type", "Authorization", "Idempotency-Key", "X-Request-Id"],
      exposedHeaders: ["Location", "Retry-After", "X-Request-Id", "Idempotent-Replayed"],
      maxAge: 600,
    }),
  );
  api.get("/health", async (_req, res) => {
    const [redis, database] = await Promise.all([
      deps.redis.ping().then(() => true, () => false),
      deps.prisma.$queryRaw`SELECT 1`.then(() => true, () => false),
    ]);
    res.status(redis && database ? 200 : 503).json({ ok: redis && database, redis, database });
  });
  const openapi = openApiDocument();
  api.get("/openapi.json", (_req, res) => {
    res.json(openapi);
  });
  api.use(deps.rateLimits.perIp);
  api.use(authenticate(deps.verifier, deps.denylist));
  api.use(bodyParser());
  api.use(["/auth/login", "/auth/register"], deps.rateLimits.perIpAuth);
  api.use("/auth", authRoutes(deps));
  api.use("/me", meRoute(deps.prisma));
  api.get("/languages", async (_req, res) => {
    res.json(await deps.fleet.languages());
  });
  api.use("/problems", packageImportRoutes(deps.prisma));
  api.use("/problems", problemAdminRoutes(deps.prisma, deps.rejudge));
  api.use("/problems", verificationRoutes(deps.prisma, deps.verification));
  api.use("/problems", problemRoutes(deps.prisma, deps.fleet));
  api.use("/problems", distributionRoutes(deps.prisma));
  api.use("/users", profileRoutes(deps.prisma));
  // Sign-in first, so a rate limit or a replay is never served to an anonymous caller.
  const submitGuards = (scope: string): RequestHandler[] => [requireUser, deps.rateLimits.perUserSubmit, deps.idempotency.middleware(scope)];
  api.post("/submissions", ...submitGuards("submissions"));
  api.post("/runs", ...submitGuards("runs"));
  api.use("/submissions", submissionRoutes(deps.prisma, deps.submissions, deps.rejudge));
  api.use("/runs", runRoutes(deps.runs));
  if (deps.queuePrefix !== undefined) app.use(QUEUE_DASHBOARD_PATH, queueDashboard({ ...deps, queuePrefix: deps.queuePrefix }));
  app.use("/api", api);

  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger.child({ module: "errors" })));
  return app;
}

/** JSON bodies only; admins (known after authentication) may send whole problems. */
function bodyParser(): RequestHandler {
  const userJson = express.json({ limit: BODY_LIMIT });
  const adminJson = express.json({ limit: ADMIN_BODY_LIMIT });
  return (req, res, next) => {
    (req.user?.role === "admin" ? adminJson : userJson)(req, res, next);
  };
}
