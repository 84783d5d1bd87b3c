import type { Server } from "node:http";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import type { Logger } from "@judge/config";
import { createPrisma, migrate, seedProblems } from "@judge/db";
import { FleetRegistry, LiveState } from "@judge/live-state";
import { queueNames, type JudgeJob } from "@judge/protocol";
import { TokenDenylist, TokenSigner, TokenVerifier } from "@judge/tokens";
import { createPublicKey } from "node:crypto";
import { createApp } from "./app.ts";
import { ensureAdmin } from "./auth/auth-routes.ts";
import type { ApiConfig } from "./config.ts";
import { ApiMetrics } from "./http/metrics.ts";
import { IdempotencyStore } from "./http/idempotency.ts";
import { RateLimits } from "./http/rate-limits.ts";
import { startResultConsumer } from "./results/result-consumer.ts";
import { OfferedLanguages } from "./intake/offered-languages.ts";
import { PendingSubmissions } from "./intake/pending-submissions.ts";
import { Admission, PENDING_WINDOW_MS } from "./intake/admission.ts";
import { RunsInFlight } from "./intake/runs-in-flight.ts";
import { Reconciler, startReconciler } from "./submissions/reconciler.ts";
import { RejudgeService } from "./submissions/rejudge-service.ts";
import { RunService } from "./runs/run-service.ts";
import { SubmissionService } from "./submissions/submission-service.ts";
import { PackageVerification } from "./verification/package-verification.ts";

export interface RunningApi {
  port: number;
  close(): Promise<void>;
}

/** Wires the API's parts; `close()` stops them in reverse order, once. */
export async function startApi(config: ApiConfig, logger: Logger): Promise<RunningApi> {
  if (config.SEED) {
    await migrate(config.DATABASE_URL, logger);
  }
  const prisma = createPrisma(config.DATABASE_URL);
  if (config.SEED) await seedProblems(prisma);
  if (config.ADMIN_USERNAME && config.ADMIN_PASSWORD) {
    await ensureAdmin(prisma, config.ADMIN_USERNAME, config.ADMIN_PASSWORD);
  }

  // Requests fail fast while Redis is away (a 503), instead of queueing in memory.
  const redis = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect();
  redis.on("error", (err) => logger.warn({ err: err.message }, "redis"));
  const queueConnection = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  queueConnection.on("error", () => {});
  const judgeQueue = new Queue<JudgeJob>(queueNames.judge, { connection: queueConnection, prefix: config.REDIS_PREFIX });
  // A BullMQ queue with no "error" listener prints each connection error's whole stack to
  // stderr (dozens of lines a second while Redis restarts); the outage is logged once above.
  judgeQueue.on("error", () => {});

  const live = new LiveState(redis, config.REDIS_PREFIX);
  const runsInFlight = new RunsInFlight(redis, config.REDIS_PREFIX, live, PENDING_WINDOW_MS);
  // One admission for submissions and runs: they share the judge queue and its bounds.
  const pendingSubmissions = new PendingSubmissions(redis, prisma, config.REDIS_PREFIX, PENDING_WINDOW_MS);
  const admission = new Admission(pendingSubmissions, judgeQueue, runsInFlight, {
    maxQueueDepth: config.MAX_QUEUE_DEPTH,
    maxPendingPerUser: config.MAX_PENDING_PER_USER,
  });
  const metrics = new ApiMetrics(() => admission.queueDepth());
  const fleet = new FleetRegistry(redis, config.REDIS_PREFIX);
  const offeredLanguages = new OfferedLanguages(fleet, config.LANGUAGE_CACHE_MS);
  const signer = await TokenSigner.fromPem(config.JWT_PRIVATE_KEY, config.TOKEN_TTL_SECONDS);
  const publicKey = createPublicKey(config.JWT_PRIVATE_KEY).export({ type: "spki", format: "pem" }).toString();
  const verifier = await TokenVerifier.fromPem(publicKey);
  const submissions = new SubmissionService({
    prisma,
    live,
    offeredLanguages,
    judgeQueue,
    admission,
    pendingSubmissions,
    judgeAttempts: config.JUDGE_ATTEMPTS,
    logger: logger.child({ module: "submissions" }),
  });
  const rejudge = new RejudgeService({
    prisma,
    live,
    judgeQueue,
    judgeAttempts: config.JUDGE_ATTEMPTS,
    logger: logger.child({ module: "rejudge" }),
  });
  const runs = new RunService({
    prisma,
    live,
    offeredLanguages,
    judgeQueue,
    admission,
    runsInFlight,
    judgeAttempts: config.JUDGE_ATTEMPTS,
    logger: logger.child({ module: "runs" }),
  });
  const verification = new PackageVerification({
    prisma,
    live,
    judgeQueue,
    judgeAttempts: config.JUDGE_ATTEMPTS,
    logger: logger.child({ module: "verification" }),
  });
  const consumer = startResultConsumer({
    prisma,
    connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
    prefix: config.REDIS_PREFIX,
    logger,
    onRecorded: (result, row) => {
      metrics.verdicts.inc({ verdict: result.verdict });
      // One left in the set is dropped after the window, and never causes a 429 (pending-submissions.ts).
      pendingSubmissions.remove(row.userId, result.submissionId).catch((err: unknown) => logger.warn({ err, submissionId: result.submissionId }, "pending count not lowered"));
      const seconds = (Date.parse(result.judgedAt) - row.createdAt.getTime()) / 1000;
      if (Number.isFinite(seconds) && seconds >= 0) metrics.judgeDuration.observe({ verdict: result.verdict }, seconds);
      // A verification's next phase; one missed here is made by the next report request.
      verification.onResult(result).catch((err: unknown) => logger.warn({ err, submissionId: result.submissionId }, "verification step failed"));
    },
  });

  // Redis is reachable (connected above) and migrations are applied: the first pass runs now.
  const reconciler = startReconciler(
    new Reconciler({
      prisma,
      redis,
      live,
      judgeQueue,
      judgeAttempts: config.JUDGE_ATTEMPTS,
      logger: logger.child({ module: "reconciler" }),
      graceMs: config.RECONCILE_GRACE_MS,
    }),
    config.RECONCILE_INTERVAL_MS,
    logger.child({ module: "reconciler" }),
  );

  const app = createApp({
    prisma,
    redis,
    fleet,
    submissions,
    runs,
    rejudge,
    verification,
    signer,
    verifier,
    denylist: new TokenDenylist(redis, config.REDIS_PREFIX),
    rateLimits: new RateLimits(redis, config.REDIS_PREFIX, {
      ipPerMinute: config.RATE_LIMIT_IP_PER_MINUTE,
      userSubmitsPerMinute: config.RATE_LIMIT_SUBMITS_PER_MINUTE,
      authPerMinute: config.RATE_LIMIT_AUTH_PER_MINUTE,
    }),
    idempotency: new IdempotencyStore(redis, config.REDIS_PREFIX, {
      answeredSeconds: config.IDEMPOTENCY_TTL_SECONDS,
      pendingSeconds: config.IDEMPOTENCY_PENDING_SECONDS,
    }),
    metrics,
    logger,
    workerToken: config.WORKER_TOKEN,
    tokenTtlSeconds: config.TOKEN_TTL_SECONDS,
    cookieSecure: config.COOKIE_SECURE,
    trustProxy: config.TRUST_PROXY,
    corsOrigins: config.CORS_ORIGINS,
    queuePrefix: config.REDIS_PREFIX,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      // Each step alone, so one failing does not leave the rest open.
      await Promise.allSettled([consumer.close(), reconciler.close()]);
      await Promise.allSettled([judgeQueue.close(), prisma.$disconnect()]);
      await Promise.allSettled([redis.quit(), queueConnection.quit()]);
    })());
  return { port, close };
}
