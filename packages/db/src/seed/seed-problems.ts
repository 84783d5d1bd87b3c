import type { Logger } from "@judge/config";
import { defaultFailureDetails } from "@judge/protocol";
import { hashTestBundle } from "../bundle.ts";
import { functionColumnsOf } from "../problem-rows.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { sampleProblems } from "./catalog.ts";
import type { ProblemDefinition } from "./problem-definition.ts";

/**
 * Serializes seeders: every API replica seeds on start, and two upserts of a new slug would
 * otherwise race on the unique index. Any constant distinct from Prisma's migrate lock.
 */
const SEED_LOCK_SQL = "SELECT 1 FROM pg_advisory_xact_lock(7270736902)";

export type SeedOutcome = "created" | "updated" | "unchanged";

export interface SeedResult {
  problems: { slug: string; outcome: SeedOutcome }[];
}

/**
 * Creates or brings up to date (by slug) each sample problem and its tests. Idempotent: a
 * second run finds the same metadata and test hash and writes nothing. Seeded slugs follow the
 * code, so an admin's edit of one of them is overwritten at the next start.
 */
export async function seedProblems(
  prisma: PrismaClient,
  logger?: Logger,
  problems: readonly ProblemDefinition[] = sampleProblems,
): Promise<SeedResult> {
  const log = logger?.child({ module: "seed" });
  const result: SeedResult = { problems: [] };
  for (const problem of problems) {
    const outcome = await seedOne(prisma, problem);
    log?.info({ slug: problem.slug, outcome }, "seeded problem");
    result.problems.push({ slug: problem.slug, outcome });
  }
  return result;
}

async function seedOne(prisma: PrismaClient, def: ProblemDefinition): Promise<SeedOutcome> {
  const tests = [
    ...def.samples.map((t) => ({ ...t, sample: true })),
    ...def.hidden().map((t) => ({ ...t, sample: false })),
  ].map((t, i) => ({ ...t, index: i + 1 }));
  const testsHash = hashTestBundle(def.limits, def.checker, tests, def.function);
  const kind = def.function === undefined ? ("stdin" as const) : ("function" as const);
  const fields = {
    title: def.title,
    difficulty: def.difficulty,
    tags: def.tags,
    statement: def.statement,
    timeLimitMs: def.limits.timeMs,
    memoryLimitKb: def.limits.memoryKb,
    checker: def.checker,
    kind,
    failureDetails: defaultFailureDetails(kind),
    ...functionColumnsOf(def.function),
    testsHash,
  };
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(SEED_LOCK_SQL);
      const existing = await tx.problem.findUnique({ where: { slug: def.slug } });
      if (!existing) {
        await tx.problem.create({
          data: { slug: def.slug, ...fields, tests: { createMany: { data: tests } } },
        });
        return "created";
      }
      const same =
        existing.title === fields.title &&
        existing.difficulty === fields.difficulty &&
        JSON.stringify(existing.tags) === JSON.stringify(fields.tags) &&
        existing.statement === fields.statement &&
        existing.testsHash === testsHash;
      if (same) return "unchanged";
      await tx.problem.update({ where: { id: existing.id }, data: fields });
      // The hash covers limits, checker, tests and a function spec, so equal hashes mean the tests are current.
      if (existing.testsHash !== testsHash) {
        await tx.testCase.deleteMany({ where: { problemId: existing.id } });
        await tx.testCase.createMany({ data: tests.map((t) => ({ ...t, problemId: existing.id })) });
      }
      return "updated";
    },
    // Megabytes of tests go in at once; the default 5 s interactive timeout is too tight.
    { maxWait: 30_000, timeout: 120_000 },
  );
}
