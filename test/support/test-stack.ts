import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { createDatabase, dropDatabase } from "@judge/db";
import { startStack, type Stack, type StackOptions } from "../../scripts/stack/start-stack.ts";
import { ADMIN_DATABASE_URL, SHARED_REDIS } from "./services.ts";

export { ADMIN_DATABASE_URL, SHARED_REDIS };

export interface TestStack extends Stack {
  prefix: string;
  databaseUrl: string;
  /** Logs of all services, for a failing test's message. */
  logs: string[];
  teardown(): Promise<void>;
}

/**
 * The real stack on the machine's PostgreSQL and Redis, under names no other run uses:
 * its own database and its own Redis prefix, both removed at teardown.
 */
export async function startTestStack(options: Partial<StackOptions> = {}): Promise<TestStack> {
  const prefix = `test-${randomUUID()}`;
  const dbName = `judge_test_${randomUUID().replace(/-/g, "")}`;
  const databaseUrl = await createDatabase(ADMIN_DATABASE_URL, dbName);
  const logs: string[] = [];
  let stack: Stack;
  try {
    stack = await startStack({
      databaseUrl,
      redisUrl: SHARED_REDIS,
      prefix,
      workers: 1,
      workerConcurrency: 2,
      logLevel: "info",
      onLine: (service, line) => {
        logs.push(`${service} ${line}`);
        if (logs.length > 2000) logs.shift();
      },
      ...options,
    });
  } catch (err) {
    await dropDatabase(ADMIN_DATABASE_URL, dbName);
    await deleteKeys(SHARED_REDIS, prefix);
    throw err;
  }
  return Object.assign(stack, {
    prefix,
    databaseUrl,
    logs,
    teardown: async () => {
      await stack.close();
      await dropDatabase(ADMIN_DATABASE_URL, dbName);
      await deleteKeys(SHARED_REDIS, prefix);
    },
  });
}

/** Deletes this run's keys only: everything under its prefix. */
export async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

export async function api<T = unknown>(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; token?: string; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined || init.rawBody !== undefined) headers["content-type"] ??= "application/json";
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body !== undefined || init.rawBody !== undefined ? "POST" : "GET"),
    headers,
    body: init.rawBody ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
}

export async function registerUser(base: string, name = `u${randomUUID().slice(0, 8)}`): Promise<{ token: string; id: string }> {
  const res = await api<{ token: string; user: { id: string } }>(base, "/api/auth/register", {
    body: { username: name, password: "correct horse battery" },
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.token, id: res.body.user.id };
}

/** Submits as `token` and checks the API's answer: 202, queued. Returns the submission's id. */
export async function submit(base: string, token: string, language: string, code: string, problem = "a-plus-b"): Promise<string> {
  const res = await api<{ id: string; status: string }>(base, "/api/submissions", { token, body: { problem, language, code } });
  if (res.status !== 202 || res.body.status !== "queued") throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}
