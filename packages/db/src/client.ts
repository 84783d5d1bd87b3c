import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export interface PrismaOptions {
  /** Pool size of this process; pg's default is 10. */
  maxConnections?: number;
}

/**
 * Prisma 7's engine-free client over `pg` (the native query engine cannot be downloaded here).
 * The caller owns it: `await prisma.$disconnect()` on shutdown closes the pool.
 */
export function createPrisma(databaseUrl: string, options: PrismaOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  // Prisma's 2 s wait for a transaction's connection fails under a burst (and always on the
  // embedded PGlite, which runs transactions one at a time); waiting longer only delays.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 30_000, timeout: 30_000 } });
}
