import pg from "pg";
import { DbError } from "./errors.ts";

const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function checkName(name: string): void {
  if (!DATABASE_NAME.test(name)) {
    throw new DbError("BAD_DATABASE_NAME", `database name ${JSON.stringify(name)} must match ${DATABASE_NAME}`);
  }
}

/** The same server and credentials as `url`, another database. */
export function databaseUrlFor(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function withAdmin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates database `name` (for tests: `judge_test_<random>`) and returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  checkName(name);
  // Identifiers cannot be bound parameters; the name is checked against DATABASE_NAME above.
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  return databaseUrlFor(adminUrl, name);
}

/** Drops database `name` if it exists, disconnecting whoever is still on it. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  checkName(name);
  await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
