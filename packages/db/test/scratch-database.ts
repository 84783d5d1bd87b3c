import { randomBytes } from "node:crypto";
import { createDatabase, dropDatabase } from "../src/index.ts";
import { ADMIN_DATABASE_URL as adminUrl } from "../../../test/support/services.ts";

export { adminUrl };

/** A database of its own for one test file, never assuming an empty server. */
export async function scratchDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `judge_test_${randomBytes(6).toString("hex")}`;
  const url = await createDatabase(adminUrl, name);
  return { url, name, drop: () => dropDatabase(adminUrl, name) };
}
