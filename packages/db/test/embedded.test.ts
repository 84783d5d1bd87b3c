import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, test } from "vitest";
import { promisify } from "node:util";
import pg from "pg";
import { createPrisma, migrate, readMigrations, seedProblems, startEmbeddedPostgres, testBundleOf, type EmbeddedPostgres } from "../src/index.ts";

let dataDir: string;
let embedded: EmbeddedPostgres;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "judge-pglite-"));
  embedded = await startEmbeddedPostgres({ dataDir });
});
afterAll(async () => {
  await embedded?.close();
  await rm(dataDir, { recursive: true, force: true });
});

test("migrate (twice at once), seed and query through Prisma", async () => {
  const results = await Promise.all([migrate(embedded.url), migrate(embedded.url)]);
  const applied = results.flatMap((r) => r.applied).sort();
  const all = (await readMigrations()).map((m) => m.name).sort();
  assert.deepEqual(applied, all, "each migration applied once, by one of the two");
  const prisma = createPrisma(embedded.url, { maxConnections: 4 });
  try {
    const seeded = await seedProblems(prisma);
    assert.ok(seeded.problems.length >= 5);
    const problem = await prisma.problem.findUniqueOrThrow({ where: { slug: "a-plus-b" }, include: { tests: true } });
    assert.equal(testBundleOf(problem).hash, problem.testsHash);
  } finally {
    await prisma.$disconnect();
  }
});

test("two pools write concurrently, transactions included", async () => {
  const a = createPrisma(embedded.url, { maxConnections: 5 });
  const b = createPrisma(embedded.url, { maxConnections: 5 });
  try {
    const user = await a.user.create({ data: { username: "embedded", passwordHash: "x" } });
    const problem = await a.problem.findUniqueOrThrow({ where: { slug: "a-plus-b" } });
    const writes = Array.from({ length: 200 }, (_, i) => {
      const prisma = i % 2 === 0 ? a : b;
      const data = { id: `emb-${i}`, userId: user.id, problemId: problem.id, language: "cpp", code: "int main(){}" };
      return i % 3 === 0
        ? prisma.$transaction(async (tx) => {
            await tx.submission.create({ data });
            await tx.submissionTest.create({ data: { submissionId: data.id, index: 1, verdict: "AC", timeMs: 1, memoryKb: 1 } });
          })
        : prisma.submission.create({ data });
    });
    await Promise.all(writes);
    assert.equal(await b.submission.count({ where: { userId: user.id } }), 200);
    assert.equal(await a.submissionTest.count(), 67);
  } finally {
    await Promise.all([a.$disconnect(), b.$disconnect()]);
  }
});

test("a client that leaves mid-transaction does not block the others", async () => {
  const quitter = new pg.Client({ connectionString: embedded.url });
  quitter.on("error", () => undefined); // its own connection dropping is the point
  await quitter.connect();
  await quitter.query("BEGIN");
  await quitter.query("INSERT INTO users (id, username, password_hash) VALUES ('q', 'quitter', 'x')");
  const other = createPrisma(embedded.url, { maxConnections: 2 });
  try {
    const waiting = other.user.count({ where: { username: "quitter" } });
    (quitter as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    assert.equal(await waiting, 0, "the transaction was rolled back");
  } finally {
    await other.$disconnect();
    await quitter.end().catch(() => undefined);
  }
});

test("another process connects over the wire protocol", async () => {
  const script = `import pg from "pg";
const c = new pg.Client(process.argv[1]); await c.connect();
const r = await c.query("SELECT count(*)::int AS n FROM problems"); await c.end();
process.stdout.write(String(r.rows[0].n));`;
  const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script, embedded.url], {
    cwd: join(import.meta.dirname, ".."),
  });
  assert.ok(Number(stdout) >= 5);
});

test("data persists across a restart in the same directory", async () => {
  await embedded.close();
  await embedded.close();
  embedded = await startEmbeddedPostgres({ dataDir });
  const prisma = createPrisma(embedded.url, { maxConnections: 2 });
  try {
    assert.deepEqual(await migrate(embedded.url), { applied: [] });
    assert.ok((await prisma.problem.count()) >= 5);
    assert.ok((await seedProblems(prisma)).problems.every((p) => p.outcome === "unchanged"));
  } finally {
    await prisma.$disconnect();
  }
});
