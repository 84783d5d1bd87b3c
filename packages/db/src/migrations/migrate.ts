import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Logger } from "@judge/config";
import { DbError } from "../errors.ts";
import { defaultMigrationsDir, readMigrations, type MigrationFile } from "./migration-files.ts";

/**
 * The key Prisma's schema engine takes with pg_advisory_lock around `migrate deploy`; using
 * the same one serializes our migrator with other instances of itself and with Prisma's CLI.
 */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

/** Prisma's own DDL for its bookkeeping table, so that its CLI reads our rows as its own. */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrateOptions {
  migrationsDir?: string;
  logger?: Logger;
}

export interface MigrateResult {
  /** Names of the migrations this call applied, in order; empty when already up to date. */
  applied: string[];
}

/**
 * Applies the pending `prisma/migrations/<name>/migration.sql` files in order, each in its own
 * transaction, under Prisma's advisory lock, so several processes may call it at once on start.
 * Rows in `_prisma_migrations` are written the way `prisma migrate deploy` writes them.
 */
export async function migrate(databaseUrl: string, loggerOrOptions?: Logger | MigrateOptions): Promise<MigrateResult> {
  const options: MigrateOptions = isLogger(loggerOrOptions) ? { logger: loggerOrOptions } : (loggerOrOptions ?? {});
  const log = options.logger?.child({ module: "migrate" });
  const migrations = await readMigrations(options.migrationsDir ?? defaultMigrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Session-level lock: it outlives each migration's transaction and ends with the session.
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const rows = (await client.query<MigrationRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
      )).rows;
      const applied: string[] = [];
      for (const migration of pendingMigrations(migrations, rows, log)) {
        if (!(await applyOne(client, migration))) continue;
        applied.push(migration.name);
        log?.info({ migration: migration.name }, "applied migration");
      }
      if (applied.length === 0) log?.debug("database schema is up to date");
      return { applied };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

function isLogger(value: Logger | MigrateOptions | undefined): value is Logger {
  return value !== undefined && typeof (value as Partial<Logger>).child === "function";
}

function pendingMigrations(files: MigrationFile[], rows: MigrationRow[], log: Logger | undefined): MigrationFile[] {
  // Like `prisma migrate deploy` (P3009): a failed, unresolved migration stops everything
  // until someone runs `prisma migrate resolve`, because the schema may be half changed.
  const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
  if (failed) {
    throw new DbError(
      "MIGRATION_PREVIOUSLY_FAILED",
      `migration ${failed.migration_name} failed earlier and was not resolved; fix the database, then mark it with \`prisma migrate resolve\``,
    );
  }
  const applied = new Map(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => [r.migration_name, r]));
  for (const file of files) {
    const row = applied.get(file.name);
    if (row && row.checksum !== file.checksum) {
      log?.warn({ migration: file.name }, "migration.sql was edited after it was applied");
    }
  }
  const known = new Set(files.map((f) => f.name));
  for (const name of applied.keys()) {
    if (!known.has(name)) log?.warn({ migration: name }, "database has a migration that is not in the migrations directory");
  }
  return files.filter((f) => !applied.has(f.name));
}

/** Returns false when another migrator got there first. */
async function applyOne(client: pg.Client, migration: MigrationFile): Promise<boolean> {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    // Checked again inside the transaction: on embedded PGlite every connection shares one
    // backend, so the advisory lock excludes nobody, but whole transactions are serialized.
    const done = await client.query(
      `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      [migration.name],
    );
    if (done.rowCount !== 0) {
      await client.query("ROLLBACK");
      return false;
    }
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    // One simple-protocol query runs the whole file, several statements at once.
    await client.query(migration.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
    return true;
  } catch (error) {
    // The transaction leaves the schema as it was, so the next start can simply retry.
    await client.query("ROLLBACK").catch(() => undefined);
    throw new DbError("MIGRATION_FAILED", `migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
  }
}
