import { createHash } from "node:crypto";
import { CheckerSpec, FunctionSpec, type Limits, Scoring, type TestBundle } from "@judge/protocol";

export interface TestData {
  input: string;
  output: string;
}

/** Version tag of the encoding below; bump it when the encoding changes so every hash does. */
const ENCODING = "judge-test-bundle/v1";

/** Object keys sorted at every depth, so `{abs, rel}` and `{rel, abs}` hash alike. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/**
 * SHA-256 (hex) over limits, checker, the tests in order and a function problem's spec
 * (signature, comparison, reference solutions): the workers' cache key for test data, so any
 * change to any of them must change it. Each part is one JSON text per line; JSON escapes
 * newlines inside strings, so the encoding is unambiguous. A stdin problem hashes as before
 * function problems existed, so its workers' caches stay warm; so does one without test groups.
 */
export function hashTestBundle(
  limits: Limits,
  checker: CheckerSpec,
  tests: readonly TestData[],
  spec?: FunctionSpec,
  scoring?: Scoring,
): string {
  const hash = createHash("sha256");
  hash.update(`${ENCODING}\n`);
  // Optional limits only when set: problems without them keep the hash they had before those existed.
  const { timeMs, memoryKb, ...optional } = limits;
  hash.update(`${JSON.stringify({ timeMs, memoryKb, ...(canonical(optional) as object) })}\n`);
  hash.update(`${JSON.stringify(canonical(checker))}\n`);
  hash.update(`${tests.length}\n`);
  for (const test of tests) hash.update(`${JSON.stringify([test.input, test.output])}\n`);
  if (spec !== undefined) hash.update(`function ${JSON.stringify(canonical(spec))}\n`);
  if (scoring !== undefined) hash.update(`scoring ${JSON.stringify(canonical(scoring))}\n`);
  return hash.digest("hex");
}

/** A problem row as Prisma returns it with `include: { tests: true }` (or a subset of it). */
export interface ProblemWithTests {
  timeLimitMs: number;
  memoryLimitKb: number;
  /** KiB; absent on rows read before output limits, null: the judge's own cap. */
  outputLimitKb?: number | null;
  /** KiB; absent on rows read before code limits, null: MAX_CODE_BYTES alone. */
  codeLimitKb?: number | null;
  /** Prisma's `Json`: parsed here, so a malformed row fails loudly instead of judging wrong. */
  checker: unknown;
  tests: readonly (TestData & { index: number })[];
  /** Absent on rows read before function problems; `stdin` then. */
  kind?: "stdin" | "function";
  signature?: unknown;
  comparison?: unknown;
  references?: unknown;
  /** A Scoring from @judge/protocol, or null (no groups); absent on rows read before scoring. */
  scoring?: unknown;
}

/** A function problem's spec from its JSON columns, parsed, or undefined for a stdin problem. */
export function functionSpecOf(problem: Pick<ProblemWithTests, "kind" | "signature" | "comparison" | "references">): FunctionSpec | undefined {
  if (problem.kind !== "function") return undefined;
  return FunctionSpec.parse({ signature: problem.signature, comparison: problem.comparison ?? {}, references: problem.references });
}

/** A problem row's limits, the output and code limits only when it has them. */
export function limitsOfRow(problem: Pick<ProblemWithTests, "timeLimitMs" | "memoryLimitKb" | "outputLimitKb" | "codeLimitKb">): Limits {
  return {
    timeMs: problem.timeLimitMs,
    memoryKb: problem.memoryLimitKb,
    ...(problem.outputLimitKb === null || problem.outputLimitKb === undefined ? {} : { outputKb: problem.outputLimitKb }),
    ...(problem.codeLimitKb === null || problem.codeLimitKb === undefined ? {} : { codeKb: problem.codeLimitKb }),
  };
}

/** What the worker downloads (by hash) to judge a submission of this problem. */
export function testBundleOf(problem: ProblemWithTests): TestBundle {
  const limits = limitsOfRow(problem);
  const checker = CheckerSpec.parse(problem.checker);
  const tests = [...problem.tests].sort((a, b) => a.index - b.index).map((t) => ({ input: t.input, output: t.output }));
  const spec = functionSpecOf(problem);
  const scoring = problem.scoring === null || problem.scoring === undefined ? undefined : Scoring.parse(problem.scoring);
  return {
    hash: hashTestBundle(limits, checker, tests, spec, scoring),
    limits,
    checker,
    tests,
    ...(spec ? { function: spec } : {}),
    ...(scoring ? { scoring } : {}),
  };
}
