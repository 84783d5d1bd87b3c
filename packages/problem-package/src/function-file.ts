import { z } from "zod";
import { FunctionInputError, boxInput, encodeValue } from "@judge/function-problems";
import {
  CheckerSpec,
  Difficulty,
  Limits,
  ProblemInput,
  ReferenceSolution,
  ResultComparison,
  Signature,
  Slug,
  type ValueType,
} from "@judge/protocol";
import { PackageError } from "./errors.ts";

/**
 * The one-file form of a function problem (docs/function-problems.md, "Problem file"): what
 * an administrator writes by hand or exports, and what the seeded problems would look like on
 * disk. Tests are LeetCode's: `args` holds one JSON value per parameter (for a design problem,
 * the two lines: the calls and their arguments), `expected` the result.
 */
export const FUNCTION_FILE_FORMAT = "judge/function-problem@1";

export const FunctionFileTest = z.object({
  args: z.array(z.unknown()).min(1).max(8),
  expected: z.unknown(),
});
export type FunctionFileTest = z.infer<typeof FunctionFileTest>;

export const FunctionProblemFile = z.object({
  format: z.literal(FUNCTION_FILE_FORMAT),
  slug: Slug,
  title: z.string().min(1).max(200),
  difficulty: Difficulty,
  tags: z.array(z.string().min(1).max(40)).max(20).default([]),
  /** Markdown with $inline math$: LeetCode's statement, its examples and constraints. */
  statement: z.string().max(200_000),
  limits: Limits,
  signature: Signature,
  comparison: ResultComparison.optional(),
  /** Only a `program` checker (testlib: input lines, expected JSON, the result JSON); default: `comparison`. */
  checker: CheckerSpec.optional(),
  /** Shown with the statement, the Testcase panel's first cases, and judged first. */
  examples: z.array(FunctionFileTest).max(50).default([]),
  /** Hidden tests, judged after the examples. */
  tests: z.array(FunctionFileTest).min(1).max(1000),
  /** Run's expected outputs come from the first one whose language a worker offers. */
  references: z.array(ReferenceSolution).min(1).max(8),
  published: z.boolean().optional(),
});
export type FunctionProblemFile = z.input<typeof FunctionProblemFile>;

/** A test as stored: the args' lines and the expected JSON, compact as LeetCode shows them. */
function storedTest(test: FunctionFileTest): { input: string; output: string } {
  // `expected` may be absent in hand-written JSON; JSON has no undefined, so it is null then.
  return { input: test.args.map((a) => JSON.stringify(a)).join("\n"), output: JSON.stringify(test.expected ?? null) };
}

/**
 * The file as the ProblemInput the API stores, every test checked against the signature.
 * Throws PackageError naming the problem, the file and the test at fault.
 */
export function parseFunctionFile(raw: unknown, options: { file?: string; published?: boolean } = {}): ProblemInput {
  const file = options.file ?? null;
  const slugGuess = typeof raw === "object" && raw !== null && typeof (raw as { slug?: unknown }).slug === "string" ? (raw as { slug: string }).slug : "?";
  const parsed = FunctionProblemFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PackageError(slugGuess, file, `${issue?.path.join(".") || "file"}: ${issue?.message}`);
  }
  const f = parsed.data;
  const input = ProblemInput.safeParse({
    slug: f.slug,
    title: f.title,
    difficulty: f.difficulty,
    tags: f.tags,
    statement: f.statement,
    limits: f.limits,
    checker: f.checker ?? { kind: "exact" },
    samples: f.examples.map(storedTest),
    tests: f.tests.map(storedTest),
    published: options.published ?? f.published ?? false,
    kind: "function",
    signature: f.signature,
    ...(f.comparison ? { comparison: f.comparison } : {}),
    references: f.references,
  });
  if (!input.success) {
    const issue = input.error.issues[0];
    throw new PackageError(f.slug, file, `${issue?.path.join(".")}: ${issue?.message}`);
  }
  checkFunctionTests(input.data, file);
  return input.data;
}

/**
 * Every test of a function problem must fit its signature: its input lines encode to the
 * box format (the worker would refuse them at judge time otherwise) and its expected JSON has
 * the result's type. Throws PackageError naming the problem and the test; stdin problems pass.
 */
export function checkFunctionTests(input: ProblemInput, file: string | null = null): void {
  if (input.kind !== "function" || input.signature === undefined) return;
  const signature = input.signature;
  const named = [
    ...input.samples.map((t, i) => ({ ...t, name: `example ${i + 1} (samples[${i}])` })),
    ...input.tests.map((t, i) => ({ ...t, name: `test ${i + 1} (tests[${i}])` })),
  ];
  for (const test of named) {
    try {
      boxInput(signature, [test.input], "check");
      checkExpected(signature, test.input, test.output);
    } catch (error) {
      if (error instanceof FunctionInputError) throw new PackageError(input.slug, file, `${test.name}: ${error.message.replace(/^case 1: /, "")}`);
      throw error;
    }
  }
}

/** The expected JSON has the type the driver's result will have. */
function checkExpected(signature: Signature, inputText: string, outputText: string): void {
  let expected: unknown;
  try {
    expected = JSON.parse(outputText);
  } catch {
    throw new FunctionInputError(`expected output is not JSON: ${outputText.slice(0, 80)}`);
  }
  if (signature.kind === "function") {
    const type: ValueType =
      signature.returns === "void" ? signature.params[signature.output?.paramIndex ?? 0]!.type : signature.returns;
    encodeValue(type, expected, "expected", []);
    return;
  }
  // A design test's first line names the calls; the box encoder has checked it already.
  const calls = JSON.parse(inputText.split("\n").find((l) => l.trim() !== "") ?? "[]") as string[];
  if (!Array.isArray(expected) || expected.length !== calls.length) {
    throw new FunctionInputError(`expected: one value per call (${calls.length}), null for the constructor and void methods`);
  }
  for (const [i, name] of calls.entries()) {
    const method = i === 0 ? null : signature.methods.find((m) => m.name === name);
    if (method === null || method === undefined || method.returns === "void") {
      if (expected[i] !== null) throw new FunctionInputError(`expected[${i}]: ${i === 0 ? "the constructor" : name} returns nothing, so null`);
    } else {
      encodeValue(method.returns, expected[i], `expected[${i}] (${name})`, []);
    }
  }
}
