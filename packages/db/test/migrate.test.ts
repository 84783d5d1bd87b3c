import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import pg from "pg";
import { createPrisma, migrate, readMigrations } from "../src/index.ts";
import { scratchDatabase } from "./scratch-database.ts";

let db: Awaited<ReturnType<typeof scratchDatabase>>;
beforeAll(async () => {
  db = await scratchDatabase();
});
afterAll(async () => {
  await db.drop();
});

interface Row {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}

async function migrationRows(url: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(`SELECT * FROM "_prisma_migrations" ORDER BY started_at`)).rows;
  } finally {
    await client.end();
  }
}

test("two concurrent migrations apply each file once", async () => {
  const files = await readMigrations();
  assert.ok(files.length >= 1);
  const results = await Promise.all([migrate(db.url), migrate(db.url), migrate(db.url)]);
  const applied = results.flatMap((r) => r.applied);
  assert.deepEqual(applied, files.map((f) => f.name));
  const rows = await migrationRows(db.url);
  assert.equal(rows.length, files.length);
});

test("rows look like Prisma's: uuid id, sha256 checksum, finished, one step", async () => {
  const files = await readMigrations();
  const rows = await migrationRows(db.url);
  rows.forEach((row, i) => {
    const file = files[i];
    assert.ok(file);
    assert.equal(row.migration_name, file.name);
    assert.equal(row.checksum, file.checksum);
    assert.match(row.checksum, /^[a-f0-9]{64}$/);
    assert.match(row.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.ok(row.finished_at instanceof Date);
    assert.equal(row.rolled_back_at, null);
    assert.equal(row.applied_steps_count, 1);
  });
});

test("migrating again is a no-op", async () => {
  const before = await migrationRows(db.url);
  assert.deepEqual(await migrate(db.url), { applied: [] });
  assert.deepEqual(await migrationRows(db.url), before);
});

test("the migrated schema works through Prisma", async () => {
  const prisma = createPrisma(db.url, { maxConnections: 2 });
  try {
    const user = await prisma.user.create({ data: { username: "migrate-test", passwordHash: "x" } });
    assert.equal(user.role, "user");
    assert.equal(await prisma.problem.count(), 0);
  } finally {
    await prisma.$disconnect();
  }
});
