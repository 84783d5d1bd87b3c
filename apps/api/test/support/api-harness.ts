import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { createLogger, type Logger } from "@judge/config";
import { createDatabase, createPrisma, dropDatabase, type PrismaClient } from "@judge/db";
import { FleetRegistry } from "@judge/live-state";
import type { LanguageInfo } from "@judge/protocol";
import { generateTokenKeys } from "@judge/tokens";
import { loadApiConfig } from "../../src/config.ts";
import { startApi } from "../../src/start-api.ts";
import { ADMIN_DATABASE_URL, SHARED_REDIS, api, deleteKeys, registerUser } from "../../../../test/support/test-stack.ts";

export { api, registerUser };

export const ADMIN = { username: "root-admin", password: "admin-password-1" };

export interface ApiHarness {
  base: string;
  prefix: string;
  prisma: PrismaClient;
  redis: Redis;
  /** Signs in the admin from ADMIN_USERNAME / ADMIN_PASSWORD. */
  adminToken(): Promise<string>;
  /** Makes languages look offered by a live worker (no worker runs: jobs stay queued); default Python alone. */
  offerLanguages(languages?: LanguageInfo[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * The API in this process on the machine's PostgreSQL and Redis, under its own database and
 * Redis prefix (both removed by close()). `env` overrides the API's configuration; a test that
 * reads the logs passes its own logger.
 */
export async function startApiHarness(env: Record<string, string> = {}, options: { logger?: Logger } = {}): Promise<ApiHarness> {
  const prefix = `test-${randomUUID()}`;
  const dbName = `judge_test_${randomUUID().replace(/-/g, "")}`;
  const databaseUrl = await createDatabase(ADMIN_DATABASE_URL, dbName);
  const keys = await generateTokenKeys();
  const config = loadApiConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    REDIS_URL: SHARED_REDIS,
    REDIS_PREFIX: prefix,
    JWT_PRIVATE_KEY: keys.privateKey,
    WORKER_TOKEN: randomUUID(),
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: "silent",
    ...env,
  });
  let running: Awaited<ReturnType<typeof startApi>>;
  try {
    running = await startApi(config, options.logger ?? createLogger("api-test", "silent"));
  } catch (err) {
    await dropDatabase(ADMIN_DATABASE_URL, dbName);
    await deleteKeys(SHARED_REDIS, prefix);
    throw err;
  }
  const base = `http://127.0.0.1:${running.port}`;
  const prisma = createPrisma(databaseUrl);
  const redis = new Redis(SHARED_REDIS);
  let adminToken: Promise<string> | undefined;
  return {
    base,
    prefix,
    prisma,
    redis,
    adminToken: () =>
      (adminToken ??= api<{ token: string }>(base, "/api/auth/login", { body: ADMIN }).then((r) => {
        if (r.status !== 200) throw new Error(`admin login: ${r.status}`);
        return r.body.token;
      })),
    offerLanguages: async (languages = [{ id: "python", name: "Python", version: "3" }]) => {
      // seenAt in the future keeps this heartbeat alive however long the test runs.
      await new FleetRegistry(redis, prefix).beat({
        workerId: `fake-${randomUUID()}`,
        languages,
        concurrency: 1,
        seenAt: Date.now() + 3600_000,
      });
    },
    close: async () => {
      await running.close();
      await prisma.$disconnect();
      redis.disconnect();
      await dropDatabase(ADMIN_DATABASE_URL, dbName);
      await deleteKeys(SHARED_REDIS, prefix);
    },
  };
}
