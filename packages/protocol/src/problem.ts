import { z } from "zod";
import { LanguageId } from "./languages.ts";
import { Scoring } from "./scoring.ts";
import { FunctionSpec, ProblemKind, Signature } from "./signature.ts";

export const Difficulty = z.enum(["easy", "medium", "hard"]);
export type Difficulty = z.infer<typeof Difficulty>;

export const Slug = z.string().min(1).max(64).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lowercase words joined by '-'");

/** Which exit-code protocol a checker program speaks. */
export const CheckerConvention = z.enum(["testlib", "kattis"]);
export type CheckerConvention = z.infer<typeof CheckerConvention>;

/**
 * A checker program's other files by plain name (headers, more C/C++ sources, Python modules),
 * built with its `source` as a whole.
 */
const ProgramFiles = z
  .record(z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, "a plain file name"), z.string().max(1024 * 1024))
  .refine((files) => Object.keys(files).length <= 64, "at most 64 files")
  .optional();

/** Extra arguments after a checker program's own (a Kattis package's `validator_flags`). */
const ProgramFlags = z.array(z.string().min(1).max(1000)).max(100).optional();

/** How output is compared with the expected answer. */
export const CheckerSpec = z.discriminatedUnion("kind", [
  /** Byte for byte. */
  z.object({ kind: z.literal("exact") }),
  /** Line by line, token by token; trailing white space and a final newline ignored. */
  z.object({ kind: z.literal("tokens") }),
  /** Tokens, numbers compared with a tolerance: ok when |a-b| <= abs or |a-b| <= rel*|b|. */
  z.object({ kind: z.literal("float"), abs: z.number().min(0), rel: z.number().min(0) }),
  /**
   * problemtools' default output validator: tokens separated by any white space, compared
   * case-insensitively; `spaceChangeSensitive` makes the white space count character for
   * character, `caseSensitive` the case; with `floatAbs` and/or `floatRel` an answer token that
   * is a float accepts a float within |a-b| <= floatAbs or |a-b| <= floatRel*|answer|.
   */
  z.object({
    kind: z.literal("kattis-default"),
    caseSensitive: z.boolean().default(false),
    spaceChangeSensitive: z.boolean().default(false),
    floatAbs: z.number().min(0).optional(),
    floatRel: z.number().min(0).optional(),
  }),
  /**
   * The problem's own checker program, compiled once and run sandboxed. `testlib`: argv input,
   * output, answer; exit 0 AC, 1 WA, 2 presentation error (WA). `kattis` (output validator):
   * argv input, answer, feedback dir, the output on stdin; exit 42 AC, 43 WA. Anything else,
   * a crash or a timeout is the judge's failure (IE), never WA.
   */
  z.object({
    kind: z.literal("program"),
    language: LanguageId,
    source: z.string().min(1).max(1024 * 1024),
    convention: CheckerConvention.default("testlib"),
    /**
     * The program's other files by plain name (headers, more C/C++ sources, Python modules),
     * built with `source` as a whole: C/C++ sources are compiled together with it, Python
     * modules importable from it.
     */
    files: ProgramFiles,
    /** extra arguments after the convention's own (a Kattis package's `validator_flags`) */
    flags: ProgramFlags,
  }),
  /**
   * An interactive problem's interactor (a Kattis package's output validator of a problem of
   * type interactive), with the program fields of `program`. Argv `input answer feedback_dir
   * [flags...]`; its stdout is the submission's stdin and its stdin the submission's stdout.
   * Exit 42 accepts, 43 rejects; anything else, a crash or a limit hit is IE.
   */
  z.object({
    kind: z.literal("interactor"),
    language: LanguageId,
    source: z.string().min(1).max(1024 * 1024),
    files: ProgramFiles,
    flags: ProgramFlags,
  }),
]);
export type CheckerSpec = z.infer<typeof CheckerSpec>;

export const Limits = z.object({
  timeMs: z.number().int().min(100).max(20_000),
  /** KiB */
  memoryKb: z.number().int().min(16 * 1024).max(2 * 1024 * 1024),
  /**
   * KiB of stdout a submission may write per test; one more is OLE. Absent: the judge's own
   * cap. The judge's cap applies too when it is smaller.
   */
  outputKb: z.number().int().min(1).max(1024 * 1024).optional(),
  /**
   * KiB of source a submission may have; the API refuses a larger one. MAX_CODE_BYTES (job.ts)
   * bounds every problem's anyway. Absent: MAX_CODE_BYTES alone.
   */
  codeKb: z.number().int().min(1).max(1024 * 1024).optional(),
});
export type Limits = z.infer<typeof Limits>;

/**
 * A Kattis package that fixes no time limit: problemtools sets it from the accepted
 * submissions' slowest time × `acToTimeLimit`, rounded up to a multiple of `resolutionMs`
 * (at least one), and expects time-limit-exceeded submissions to run past the limit ×
 * `timeLimitToTle`. Until that calibration runs, the problem's `timeMs` is provisional.
 */
export const TimeCalibration = z.object({
  acToTimeLimit: z.number().positive(),
  timeLimitToTle: z.number().positive(),
  resolutionMs: z.number().int().positive(),
});
export type TimeCalibration = z.infer<typeof TimeCalibration>;

export const Sample = z.object({ input: z.string(), output: z.string() });

/** A problem's statements by language tag ("en", "sv", "pt-BR"), each Markdown with $math$. */
export const Statements = z.record(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]+)?$/), z.string().max(200_000));
export type Statements = z.infer<typeof Statements>;

/** Who wrote a problem, where it comes from and under what license (a package's problem.yaml). */
export const Attribution = z.object({
  authors: z.array(z.string().min(1).max(200)).max(20).default([]),
  source: z.string().max(500).optional(),
  sourceUrl: z.string().max(2000).optional(),
  /** as problem.yaml gives it: "cc by-sa", "public domain", "unknown"… */
  license: z.string().max(100).optional(),
  rightsOwner: z.string().max(500).optional(),
});
export type Attribution = z.infer<typeof Attribution>;
export type Sample = z.infer<typeof Sample>;

export const ProblemSummary = z.object({
  slug: Slug,
  title: z.string(),
  difficulty: Difficulty,
  tags: z.array(z.string()),
  acceptanceRate: z.number().min(0).max(1).nullable(),
  solved: z.boolean().optional(),
});
export type ProblemSummary = z.infer<typeof ProblemSummary>;

export const ProblemPage = z.object({
  items: z.array(ProblemSummary),
  nextCursor: z.string().nullable(),
});
export type ProblemPage = z.infer<typeof ProblemPage>;

export const ProblemDetail = ProblemSummary.extend({
  statement: z.string(),
  /** Every language's statement, `statement`'s included; absent when there is only one. */
  statements: Statements.optional(),
  attribution: Attribution.optional(),
  samples: z.array(Sample),
  limits: Limits,
  languages: z.array(z.object({ id: LanguageId, name: z.string(), version: z.string(), starter: z.string() })),
  /** `function`: LeetCode style, the starter code is the signature to fill in. Absent means `stdin`. */
  kind: ProblemKind.optional(),
  signature: Signature.optional(),
  /**
   * An interactive problem: a sample's input is the interactor's input file, not what the
   * program reads, and a run's stdout is the interactor's judge message. Absent: not interactive.
   */
  interactive: z.literal(true).optional(),
  /** Languages the judge has but that have no LeetCode convention, so cannot take this problem. */
  unsupportedLanguages: z.array(z.object({ id: LanguageId, name: z.string(), reason: z.string() })).optional(),
});
export type ProblemDetail = z.infer<typeof ProblemDetail>;

/**
 * What a worker fetches from the API's internal endpoint, addressed by `hash`: a SHA-256 over
 * the tests, checker and limits, so any change to them changes the hash.
 */
export const TestBundle = z.object({
  hash: z.string().regex(/^[a-f0-9]{64}$/),
  limits: Limits,
  checker: CheckerSpec,
  tests: z.array(z.object({ input: z.string(), output: z.string() })).min(1),
  /** A function problem: each test's input is one JSON value per line, its output one JSON value. */
  function: FunctionSpec.optional(),
  /** A problem with test groups (and maybe a score): `scoring.tests` has one group per test. */
  scoring: Scoring.optional(),
});
export type TestBundle = z.infer<typeof TestBundle>;

/**
 * How much of a failing test its submitter sees (docs/problem-packages.md, "Failing test details"):
 * `public`: the input, expected output, the program's output and stderr, only when that test is
 * a sample (shown with the statement anyway); a hidden test shows its number alone.
 * `last-input`: the same for every test, hidden ones included (LeetCode's "last executed input").
 * `hidden`: the test's number alone, even for a sample (contests).
 */
export const FailureDetails = z.enum(["public", "last-input", "hidden"]);
export type FailureDetails = z.infer<typeof FailureDetails>;

/** A function problem is LeetCode's kind, which shows the failing case; others show public tests only. */
export function defaultFailureDetails(kind: "stdin" | "function"): FailureDetails {
  return kind === "function" ? "last-input" : "public";
}
