import { randomBytes } from "node:crypto";
import { createDatabase, dropDatabase } from "../src/index.ts";

/** The machine's PostgreSQL (trust auth); override with TEST_DATABASE_ADMIN_URL. */
export const adminUrl = process.env["TEST_DATABASE_ADMIN_URL"] ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** A database of its own for one test file, never assuming an empty server. */
export async function scratchDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `judge_test_${randomBytes(6).toString("hex")}`;
  const url = await createDatabase(adminUrl, name);
  return { url, name, drop: () => dropDatabase(adminUrl, name) };
}
