import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { CheckerSpec, Scoring, TestBundle } from "@judge/protocol";
import { createPrisma, hashTestBundle, migrate, seedProblems, testBundleOf, type PrismaClient } from "../src/index.ts";
import { scratchDatabase } from "./scratch-database.ts";

/** A migrated database of one test's own, removed when the test's `using` scope ends. */
async function migratedDatabase(): Promise<{ prisma: PrismaClient; [Symbol.asyncDispose](): Promise<void> }> {
  const db = await scratchDatabase();
  await migrate(db.url);
  const prisma = createPrisma(db.url, { maxConnections: 4 });
  return {
    prisma,
    [Symbol.asyncDispose]: async () => {
      await prisma.$disconnect();
      await db.drop();
    },
  };
}

test("seeding creates the sample problems, then changes nothing", async () => {
  await using db = await migratedDatabase();
  const { prisma } = db;
  const first = await seedProblems(prisma);
  assert.ok(first.problems.length >= 5);
  assert.ok(first.problems.every((p) => p.outcome === "created"));
  const stamps = await prisma.problem.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } });
  const second = await seedProblems(prisma);
  assert.ok(second.problems.every((p) => p.outcome === "unchanged"));
  assert.equal(await prisma.problem.count(), first.problems.length);
  assert.deepEqual(await prisma.problem.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } }), stamps);
});

test("concurrent seeders do not collide", async () => {
  await using db = await migratedDatabase();
  const { prisma } = db;
  await seedProblems(prisma);
  await prisma.problem.delete({ where: { slug: "fizzbuzz" } });
  const results = await Promise.all([seedProblems(prisma), seedProblems(prisma)]);
  const outcomes = results.map((r) => r.problems.find((p) => p.slug === "fizzbuzz")?.outcome).sort();
  assert.deepEqual(outcomes, ["created", "unchanged"]);
});

describe("a seeded database", () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let prisma: PrismaClient;
  beforeAll(async () => {
    db = await migratedDatabase();
    prisma = db.prisma;
    await seedProblems(prisma);
  });
  afterAll(async () => {
    await db?.[Symbol.asyncDispose]();
  });

  test("a-plus-b is the problem DESIGN.md describes, and its bundle hash is testsHash", async () => {
    const problem = await prisma.problem.findUniqueOrThrow({ where: { slug: "a-plus-b" }, include: { tests: true } });
    assert.deepEqual(CheckerSpec.parse(problem.checker), { kind: "tokens" });
    const samples = problem.tests.filter((t) => t.sample);
    assert.ok(samples.length >= 1 && samples.length <= 2);
    assert.ok(problem.tests.length > samples.length + 3);
    const bundle = TestBundle.parse(testBundleOf(problem));
    assert.equal(bundle.hash, problem.testsHash);
    for (const t of bundle.tests) {
      const [a, b] = t.input.trim().split(" ").map(Number);
      assert.ok(Math.abs(a!) <= 1e9 && Math.abs(b!) <= 1e9);
      assert.equal(t.output, `${a! + b!}\n`);
    }
    assert.ok(bundle.tests.some((t) => t.input.startsWith("-")), "has a negative case");
    assert.ok(bundle.tests.some((t) => t.output === "2000000000\n"), "has the largest sum");
  });

  test("every seeded problem is consistent: 1-based tests, samples first, hash matches", async () => {
    const problems = await prisma.problem.findMany({ include: { tests: { orderBy: { index: "asc" } } } });
    for (const problem of problems) {
      assert.deepEqual(problem.tests.map((t) => t.index), problem.tests.map((_, i) => i + 1), problem.slug);
      const firstHidden = problem.tests.findIndex((t) => !t.sample);
      assert.ok(firstHidden >= 1 && problem.tests.slice(firstHidden).every((t) => !t.sample), problem.slug);
      assert.equal(testBundleOf(problem).hash, problem.testsHash, problem.slug);
      for (const t of problem.tests) assert.ok(t.input.length < 2_000_000, `${problem.slug} test ${t.index} is too big`);
    }
    const kinds = new Set(problems.map((p) => CheckerSpec.parse(p.checker).kind));
    assert.ok(kinds.has("float") && kinds.has("tokens"));
  });

  test("changing a stored test changes the problem's bundle hash", async () => {
    const problem = await prisma.problem.findUniqueOrThrow({ where: { slug: "a-plus-b" }, include: { tests: true } });
    const edited = { ...problem, tests: problem.tests.map((t) => (t.index === 2 ? { ...t, output: `${t.output}0` } : t)) };
    assert.notEqual(testBundleOf(edited).hash, problem.testsHash);
  });
});

test("the bundle hash changes with any test, limit or checker change", () => {
  const limits = { timeMs: 1000, memoryKb: 262_144 };
  const checker: CheckerSpec = { kind: "float", abs: 1e-6, rel: 1e-6 };
  const tests = [
    { input: "1 2\n", output: "3\n" },
    { input: "2 2\n", output: "4\n" },
  ];
  const base = hashTestBundle(limits, checker, tests);
  assert.match(base, /^[a-f0-9]{64}$/);
  assert.equal(hashTestBundle({ ...limits }, { kind: "float", rel: 1e-6, abs: 1e-6 }, tests.map((t) => ({ ...t }))), base);
  const variants = [
    hashTestBundle(limits, checker, [tests[0]!, { input: "2 2\n", output: "5\n" }]),
    hashTestBundle(limits, checker, [tests[0]!, { input: "2 3\n", output: "4\n" }]),
    hashTestBundle(limits, checker, [tests[1]!, tests[0]!]),
    hashTestBundle(limits, checker, [tests[0]!]),
    // Moving a character across the input/output boundary must not collide.
    hashTestBundle(limits, checker, [{ input: "1 2\n3", output: "\n" }, tests[1]!]),
    hashTestBundle({ ...limits, timeMs: 2000 }, checker, tests),
    hashTestBundle({ ...limits, memoryKb: 131_072 }, checker, tests),
    hashTestBundle(limits, { kind: "float", abs: 1e-6, rel: 1e-5 }, tests),
    hashTestBundle(limits, { kind: "tokens" }, tests),
    // test groups: having them, and any change to them
    hashTestBundle(limits, checker, tests, undefined, Scoring.parse({ scored: false, groups: [{ path: "" }], tests: ["", ""] })),
    hashTestBundle(limits, checker, tests, undefined, Scoring.parse({ scored: true, groups: [{ path: "" }], tests: ["", ""] })),
    hashTestBundle(limits, checker, tests, undefined, Scoring.parse({ scored: true, groups: [{ path: "", acceptScore: 2 }], tests: ["", ""] })),
  ];
  assert.equal(new Set([base, ...variants]).size, variants.length + 1);
});
