import { z } from "zod";

/** Field types shared by the services' environment schemas. */
export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
export const redisUrl = z.string().regex(/^rediss?:\/\//, "must start with redis:// or rediss://").default("redis://127.0.0.1:6379");
/** Namespace for BullMQ queues and every Redis key, so deployments and test runs can share a Redis. */
export const redisPrefix = z
  .string()
  .regex(/^[A-Za-z0-9_-]+$/, "letters, digits, '_' and '-' only")
  .default("judge");
export const logLevel = z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info");
export const secret = (what: string) => z.string().min(16, `${what} must be at least 16 characters`);
export const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
