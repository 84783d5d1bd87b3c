import { createHash } from "node:crypto";
import type { Dirent } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DbError } from "../errors.ts";

/** `prisma/migrations` at the repository root, where Prisma's CLI looks as well. */
export const defaultMigrationsDir = resolve(fileURLToPath(import.meta.url), "../../../../../prisma/migrations");

export interface MigrationFile {
  /** The directory name, e.g. `20250101000000_init`; Prisma's `migration_name`. */
  name: string;
  sql: string;
  /** Hex SHA-256 of migration.sql's bytes, as Prisma stores it in `_prisma_migrations.checksum`. */
  checksum: string;
}

/** Migration directories sort by their timestamp prefix, which is Prisma's order too. */
export async function readMigrations(dir: string = defaultMigrationsDir): Promise<MigrationFile[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new DbError("MIGRATIONS_DIR_INVALID", `cannot read migrations directory ${dir}`, { cause: error });
  }
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrations: MigrationFile[] = [];
  for (const name of names) {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(dir, name, "migration.sql"));
    } catch (error) {
      throw new DbError("MIGRATIONS_DIR_INVALID", `migration ${name} has no migration.sql`, { cause: error });
    }
    migrations.push({ name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") });
  }
  return migrations;
}
