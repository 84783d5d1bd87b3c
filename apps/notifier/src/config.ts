import { z } from "zod";
import { env, loadConfig } from "@judge/config";

/**
 * The key may come from a one-line environment variable (Docker, CI secrets), where its
 * line breaks arrive as the two characters `\n`.
 */
const publicKeyPem = z
  .string()
  .transform((s) => s.replace(/\\n/g, "\n").trim())
  .refine((s) => s.startsWith("-----BEGIN PUBLIC KEY-----"), "must be an SPKI PEM public key (-----BEGIN PUBLIC KEY-----)");

/** The notifier's environment. Limits carry a `NOTIFIER_` prefix: `npm start` runs every service in one environment. */
export const NotifierEnv = z.object({
  PORT: env.port(8080),
  HOST: z.string().min(1).default("0.0.0.0"),
  REDIS_URL: env.redisUrl,
  REDIS_PREFIX: env.redisPrefix,
  JWT_PUBLIC_KEY: publicKeyPem,
  LOG_LEVEL: env.logLevel,
  /** Largest client frame in bytes; client messages are tiny, so anything bigger is abuse. */
  NOTIFIER_MAX_PAYLOAD_BYTES: env.positiveInt(4 * 1024),
  NOTIFIER_MAX_SUBSCRIPTIONS_PER_CONNECTION: env.positiveInt(64),
  /** 0: no limit. */
  NOTIFIER_MAX_CONNECTIONS_PER_USER: z.coerce.number().int().min(0).default(64),
  /** A client whose unsent bytes pass this gets no more events, only a fresh snapshot once it has drained. */
  NOTIFIER_SOFT_BUFFERED_BYTES: env.positiveInt(256 * 1024),
  /** A client whose unsent bytes pass this is dropped (close 4008). */
  NOTIFIER_MAX_BUFFERED_BYTES: env.positiveInt(1024 * 1024),
  NOTIFIER_PING_INTERVAL_MS: env.positiveInt(30_000),
});
export type NotifierEnv = z.infer<typeof NotifierEnv>;

export interface NotifierLimits {
  /** bytes */
  maxPayloadBytes: number;
  maxSubscriptionsPerConnection: number;
  /** 0: no limit */
  maxConnectionsPerUser: number;
  /** bytes; past it a client's events are coalesced into a snapshot sent when it drains. At most maxBufferedBytes. */
  softBufferedBytes: number;
  /** bytes; past it a client is dropped */
  maxBufferedBytes: number;
  /** ms; a connection that misses one pong is terminated at the next sweep. */
  pingIntervalMs: number;
}

export interface NotifierConfig {
  port: number;
  host: string;
  redisUrl: string;
  redisPrefix: string;
  /** SPKI PEM */
  jwtPublicKey: string;
  logLevel: NotifierEnv["LOG_LEVEL"];
  limits: NotifierLimits;
}

/** Parses the environment; call once, from `main()` (tests pass their own source). */
export function loadNotifierConfig(source: NodeJS.ProcessEnv = process.env): NotifierConfig {
  const e = loadConfig("notifier", NotifierEnv, source);
  return {
    port: e.PORT,
    host: e.HOST,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    jwtPublicKey: e.JWT_PUBLIC_KEY,
    logLevel: e.LOG_LEVEL,
    limits: {
      maxPayloadBytes: e.NOTIFIER_MAX_PAYLOAD_BYTES,
      maxSubscriptionsPerConnection: e.NOTIFIER_MAX_SUBSCRIPTIONS_PER_CONNECTION,
      maxConnectionsPerUser: e.NOTIFIER_MAX_CONNECTIONS_PER_USER,
      softBufferedBytes: Math.min(e.NOTIFIER_SOFT_BUFFERED_BYTES, e.NOTIFIER_MAX_BUFFERED_BYTES),
      maxBufferedBytes: e.NOTIFIER_MAX_BUFFERED_BYTES,
      pingIntervalMs: e.NOTIFIER_PING_INTERVAL_MS,
    },
  };
}
