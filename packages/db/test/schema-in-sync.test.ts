import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "vitest";
import { defaultMigrationsDir, readMigrations } from "../src/index.ts";
import { diffDatamodels } from "../src/migrations/schema-diff.ts";
import { adminUrl } from "./scratch-database.ts";

test("prisma/schema.prisma has no changes that lack a migration", async () => {
  const latest = (await readMigrations()).at(-1);
  assert.ok(latest, "there is at least one migration");
  const snapshot = await readFile(join(defaultMigrationsDir, latest.name, "schema.prisma.snapshot"), "utf8");
  const current = await readFile(join(defaultMigrationsDir, "..", "schema.prisma"), "utf8");
  const sql = await diffDatamodels({ path: "schema.prisma", content: snapshot }, { path: "schema.prisma", content: current }, adminUrl);
  assert.equal(sql, "", "run `npm run migration:new -w @judge/db -- <name>` to write the missing migration");
});

test("the first migration is exactly what the engine makes of its snapshot", async () => {
  const first = (await readMigrations())[0];
  assert.ok(first);
  const snapshot = await readFile(join(defaultMigrationsDir, first.name, "schema.prisma.snapshot"), "utf8");
  assert.equal(await diffDatamodels(null, { path: "schema.prisma", content: snapshot }, adminUrl), first.sql);
});
