import { z } from "zod";
import { env, loadConfig } from "@judge/config";
import { TrustProxy } from "./http/trust-proxy.ts";

const pem = z.string().transform((s) => s.replace(/\\n/g, "\n"));

export const ApiConfig = z.object({
  PORT: env.port(3001),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL"),
  REDIS_URL: env.redisUrl,
  REDIS_PREFIX: env.redisPrefix,
  /** PKCS#8 PEM of the Ed25519 key that signs user tokens. */
  JWT_PRIVATE_KEY: pem,
  TOKEN_TTL_SECONDS: env.positiveInt(7 * 24 * 3600),
  /** Shared secret the workers present to fetch test data. */
  WORKER_TOKEN: env.secret("WORKER_TOKEN"),
  /** Send the auth cookie with `Secure` (set behind HTTPS). */
  COOKIE_SECURE: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  ADMIN_USERNAME: z.string().optional(),
  ADMIN_PASSWORD: z.string().min(8, "ADMIN_PASSWORD must be at least 8 characters").optional(),
  /** Apply migrations and seed the sample problems at start. */
  SEED: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),
  /** Attempts per judge job before it ends as IE (a crashed sandbox or worker is retried). */
  JUDGE_ATTEMPTS: env.positiveInt(3),
  /** Origins allowed to call the API from a browser (comma-separated); empty: same origin only. */
  CORS_ORIGINS: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((o) => o.trim()).filter((o) => o.length > 0))
    .pipe(z.array(z.url("CORS_ORIGINS: each entry must be an origin such as https://judge.example"))),
  /** Proxies whose X-Forwarded-For names the client (see http/trust-proxy.ts); empty: none. */
  TRUST_PROXY: TrustProxy,
  /** Requests per minute per client IP, over every /api route. */
  RATE_LIMIT_IP_PER_MINUTE: env.positiveInt(60_000),
  /** Submissions plus runs per minute per user. */
  RATE_LIMIT_SUBMITS_PER_MINUTE: env.positiveInt(6_000),
  /** Login and register attempts per minute per client IP. */
  RATE_LIMIT_AUTH_PER_MINUTE: env.positiveInt(600),
  /** Submissions one user may have waiting or being judged before new ones get 429. */
  MAX_PENDING_PER_USER: env.positiveInt(2_000),
  /** Judge jobs waiting before new submissions get 503 with Retry-After. */
  MAX_QUEUE_DEPTH: env.positiveInt(20_000),
  /** How long an Idempotency-Key's answer is remembered. */
  IDEMPOTENCY_TTL_SECONDS: env.positiveInt(24 * 3600),
  /** How long a key stays reserved by a request that has not answered: bounds a dead request's hold (409). */
  IDEMPOTENCY_PENDING_SECONDS: env.positiveInt(60),
  /** How often the reconciler re-enqueues unfinished submissions whose judge job is gone. */
  RECONCILE_INTERVAL_MS: env.positiveInt(30_000),
  /** A submission younger than this is left alone: its request may not have added its job yet. */
  RECONCILE_GRACE_MS: env.positiveInt(30_000),
  /** How long the accept path trusts its last read of the languages the fleet offers (intake/offered-languages.ts). */
  LANGUAGE_CACHE_MS: env.positiveInt(2_000),
  LOG_LEVEL: env.logLevel,
});
export type ApiConfig = z.infer<typeof ApiConfig>;

export function loadApiConfig(source: NodeJS.ProcessEnv = process.env): ApiConfig {
  const config = loadConfig("api", ApiConfig, source);
  if ((config.ADMIN_USERNAME === undefined) !== (config.ADMIN_PASSWORD === undefined)) {
    throw new Error("api: set both ADMIN_USERNAME and ADMIN_PASSWORD, or neither");
  }
  return config;
}
