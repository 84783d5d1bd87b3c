import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { type CheckerSpec, ProblemInput, Slug } from "@judge/protocol";
import { PackageError } from "./errors.ts";
import type { PackageFiles } from "./package-files.ts";
import { customValidator } from "./output-validator.ts";
import { interactorOf, isInteractive } from "./interactive.ts";
import { defaultValidatorChecker, validatorFlags } from "./validator-flags.ts";
import { resolveStatementFile, rewriteFileReferences, statementFilesOf } from "./statement-files.ts";
import { attributionLine, attributionOf, statementsOf } from "./statements.ts";
import { packageLimits } from "./package-limits.ts";
import { unusedParts } from "./unused-parts.ts";
import { scoringOf, testInputPaths } from "./test-groups.ts";

/**
 * The parts of Kattis' problem.yaml this judge uses; other keys are allowed and reported
 * as ignored (unused-parts.ts); author, source, license, rights_owner and credits become the statement's
 * attribution (statements.ts). `difficulty` and `tags` are this judge's own additions.
 */
const ProblemYaml = z.object({
  name: z.union([z.string().min(1), z.record(z.string(), z.string().min(1))]).optional(),
  problem_format_version: z.string().optional(),
  validation: z.string().optional(),
  validator_flags: z.string().optional(),
  keywords: z.union([z.string(), z.array(z.string())]).optional(),
  tags: z.array(z.string()).optional(),
  difficulty: z.enum(["easy", "medium", "hard"]).optional(),
  /** both layouts' limits: package-limits.ts */
  limits: z.unknown().optional(),
}).passthrough();

export interface ImportOptions {
  /** the problem's slug: the package's directory name unless given */
  slug: string;
  published?: boolean;
  /** told what of the package was not taken as it is (e.g. LaTeX it does not understand) */
  warn?: (message: string) => void;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * A Kattis problem package (problem.yaml; statements in Markdown or LaTeX, see statements.ts;
 * data/sample and data/secret with .in/.ans pairs; output_validators/ speaking 42/43) as the
 * ProblemInput the API stores. Throws PackageError naming the file at fault.
 */
export function parseKattisPackage(files: PackageFiles, options: ImportOptions): ProblemInput {
  const slug = Slug.safeParse(options.slug);
  if (!slug.success) throw new PackageError(options.slug, null, "the package's name is not a valid slug (lowercase words joined by '-')");
  const problem = slug.data;
  const text = (path: string): string => {
    const content = files.get(path);
    if (content === undefined) throw new PackageError(problem, path, "missing");
    try {
      return decoder.decode(content);
    } catch {
      throw new PackageError(problem, path, "not UTF-8 text");
    }
  };

  let yaml: z.infer<typeof ProblemYaml>;
  try {
    const parsed = ProblemYaml.safeParse(parseYaml(text("problem.yaml")) ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new PackageError(problem, "problem.yaml", `${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`);
    }
    yaml = parsed.data;
  } catch (error) {
    if (error instanceof PackageError) throw error;
    throw new PackageError(problem, "problem.yaml", `not valid YAML (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
  }

  const warn = (message: string) => options.warn?.(message);
  for (const message of unusedParts(files, yaml)) warn(message);
  const found = statementsOf(files, problem, text);
  for (const warning of found.warnings) options.warn?.(warning);
  const attribution = attributionOf(yaml);
  const attributed = (markdown: string) => (attribution === null ? markdown : `${markdown.trimEnd()}\n\n---\n\n${attributionLine(attribution)}\n`);
  const title =
    typeof yaml.name === "string" ? yaml.name : (yaml.name?.en ?? found.titles[found.language] ?? Object.values(yaml.name ?? {})[0] ?? problem);
  const available = statementFilesOf(files);
  const filesUrl = `/api/problems/${problem}/files`;
  for (const image of found.images) {
    if (resolveStatementFile(image, available) === undefined) options.warn?.(`the statement shows ${image}, which the package does not have`);
  }
  const attachments = [...available.values()].filter((f) => f.attachment).map((f) => `[${f.name}](${filesUrl}/${f.name})`);
  const withFiles = (markdown: string) =>
    `${rewriteFileReferences(markdown, available, filesUrl).trimEnd()}\n${attachments.length === 0 ? "" : `\nAttachments: ${attachments.join(", ")}\n`}`;
  const statements = Object.fromEntries(Object.entries(found.statements).map(([language, markdown]) => [language, attributed(withFiles(markdown))]));

  const scoring = scoringOf({
    files,
    yaml,
    problem,
    text,
    warn: (message) => options.warn?.(message),
    tests: [...testInputPaths(files, "data/sample/"), ...testInputPaths(files, "data/secret/")],
  });
  const input = {
    slug: problem,
    title,
    difficulty: yaml.difficulty ?? "medium",
    tags: yaml.tags ?? (typeof yaml.keywords === "string" ? yaml.keywords.split(/\s+/).filter(Boolean) : (yaml.keywords ?? [])),
    statement: statements[found.language]!,
    ...(Object.keys(statements).length > 1 ? { statements } : {}),
    ...(attribution === null ? {} : { attribution }),
    ...packageLimits(files, yaml, problem, text, warn),
    checker: checkerOf(files, yaml, problem, text),
    samples: testsIn(files, "data/sample/", problem, text),
    tests: testsIn(files, "data/secret/", problem, text),
    published: options.published ?? false,
    // A package's samples are public in its statement; its secret tests stay secret.
    failureDetails: "public" as const,
    ...(scoring === undefined ? {} : { scoring }),
  };
  if (input.tests.length === 0) throw new PackageError(problem, "data/secret/", "no tests (.in with .ans)");
  const parsed = ProblemInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PackageError(problem, fileOfField(issue?.path[0]), `${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}

/** `.in`/`.ans` pairs under `dir` (recursively, in run order); an unpaired `.in` is an error. */
function testsIn(files: PackageFiles, dir: string, problem: string, text: (p: string) => string) {
  return testInputPaths(files, dir).map((path) => {
    const answer = `${path.slice(0, -3)}.ans`;
    if (!files.has(answer)) throw new PackageError(problem, path, `has no answer file ${answer}`);
    return { input: text(path), output: text(answer) };
  });
}

/**
 * `validation: custom` (or any output_validators/ present) means the package's validator, its
 * directory taken whole (output-validator.ts); else problemtools' default validator with
 * the package's flags (validator-flags.ts). An interactive problem's validator is its
 * interactor (interactive.ts).
 */
function checkerOf(files: PackageFiles, yaml: z.infer<typeof ProblemYaml>, problem: string, text: (p: string) => string): CheckerSpec {
  const validatorFiles = [...files.keys()].filter((p) => p.startsWith("output_validators/") || p.startsWith("output_validator/"));
  const custom = yaml.validation?.startsWith("custom") === true;
  const flags = validatorFlags(files, yaml.validator_flags, problem, text);
  if (isInteractive(yaml)) return interactorOf(files, problem, text, flags);
  if (validatorFiles.length === 0) {
    if (custom) throw new PackageError(problem, "output_validators/", "problem.yaml asks for a custom validator but there is none");
    return flagsChecker(flags, problem);
  }
  return customValidator(files, problem, text, flags);
}

function flagsChecker(flags: readonly string[], problem: string): CheckerSpec {
  return defaultValidatorChecker(flags, problem);
}

function fileOfField(field: PropertyKey | undefined): string {
  switch (field) {
    case "statement":
      return "statement/";
    case "samples":
      return "data/sample/";
    case "tests":
      return "data/secret/";
    case "scoring":
      return "data/";
    default:
      return "problem.yaml";
  }
}
