import { type CheckerSpec, FunctionSpec, type ProblemInput, defaultFailureDetails } from "@judge/protocol";
import { hashTestBundle } from "./bundle.ts";
import { Prisma } from "./generated/prisma/client.ts";

/**
 * A function problem compares typed results (its `comparison`) unless it has a checker
 * program; a stdin problem's token or float checker means nothing for it, so it is stored as
 * `exact` and the bundle says plainly what the worker does.
 */
export function checkerOf(input: Pick<ProblemInput, "kind" | "checker">): CheckerSpec {
  return input.kind === "function" && input.checker.kind !== "program" ? { kind: "exact" } : input.checker;
}

/** The function columns of a problem input: its spec, or nulls for a stdin problem. */
export function functionSpecOfInput(input: ProblemInput): FunctionSpec | undefined {
  if (input.kind !== "function") return undefined;
  return FunctionSpec.parse({ signature: input.signature, comparison: input.comparison ?? {}, references: input.references });
}

/**
 * A problem as the admin API and package imports give it, as the columns and test rows it is
 * stored in: samples first, then hidden tests, numbered from 1 (the order the judge runs them).
 * A function problem's tests must already fit its signature (the API and the importer check
 * them with the box encoder).
 */
export function problemRowsOf(input: ProblemInput) {
  const tests = [
    ...input.samples.map((t) => ({ ...t, sample: true })),
    ...input.tests.map((t) => ({ ...t, sample: false })),
  ].map((t, i) => ({ ...t, index: i + 1 }));
  const checker = checkerOf(input);
  const spec = functionSpecOfInput(input);
  return {
    fields: {
      title: input.title,
      difficulty: input.difficulty,
      tags: input.tags,
      statement: input.statement,
      statements: input.statements ?? Prisma.DbNull,
      attribution: input.attribution ?? Prisma.DbNull,
      timeLimitMs: input.limits.timeMs,
      memoryLimitKb: input.limits.memoryKb,
      outputLimitKb: input.limits.outputKb ?? null,
      codeLimitKb: input.limits.codeKb ?? null,
      timeCalibration: input.timeCalibration ?? Prisma.DbNull,
      checker,
      published: input.published,
      kind: input.kind,
      failureDetails: input.failureDetails ?? defaultFailureDetails(input.kind),
      ...functionColumnsOf(spec),
      scoring: input.scoring ?? Prisma.DbNull,
      // Workers cache test data by this hash: new tests, a new hash, a fresh download.
      testsHash: hashTestBundle(input.limits, checker, tests, spec, input.scoring),
    },
    tests,
  };
}

/** Prisma's JSON columns: DbNull clears them when a function problem becomes a stdin one. */
export function functionColumnsOf(spec: FunctionSpec | undefined) {
  return spec === undefined
    ? { signature: Prisma.DbNull, comparison: Prisma.DbNull, references: Prisma.DbNull }
    : { signature: spec.signature, comparison: spec.comparison, references: spec.references };
}
