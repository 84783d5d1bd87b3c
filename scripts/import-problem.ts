/**
 * npm run import-problem -- <package-dir | package.zip | function-problem.json> [--slug <slug>] [--publish] [--dry-run]
 *
 * A `.json` file is a function problem's one file (docs/function-problems.md, "Problem file",
 * format judge/function-problem@1); its slug is the file's own unless --slug names it, and
 * --publish publishes it (without it, the file's `published`, default false).
 *
 * Imports a Kattis problem package (problem.yaml, statement/ or problem_statement/ in Markdown
 * or LaTeX, data/sample, data/secret, output_validators/; symbolic links inside it followed)
 * into the database at DATABASE_URL, creating the problem or replacing it and all its tests;
 * everything it did not take (problem.yaml keys and files it ignores, limits it cannot apply,
 * LaTeX it does not know) is printed as a warning. A `.zip` is read as the API reads an upload
 * (symbolic links in it followed inside the package). The slug is the directory's name (a
 * zip's single top folder, else its file name) unless --slug names it. A bad package exits 1 with a message that names
 * the problem and the file. --dry-run reads and checks everything, prints what it would store
 * and the warnings, and stores nothing (no database needed).
 */
import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createPrisma } from "@judge/db";
import {
  PackageError,
  type PackageFiles,
  filesFromDirectory,
  filesFromZip,
  parseFunctionFile,
  parseKattisPackage,
  statementFilesOf,
} from "@judge/problem-package";
import type { ProblemInput } from "@judge/protocol";
import { saveProblem } from "@judge/problem-package/store";

const USAGE =
  "usage: npm run import-problem -- <package-dir | package.zip | problem.json> [--slug <slug>] [--publish] [--dry-run]\n(DATABASE_URL names the database)\n";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      slug: { type: "string" },
      publish: { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help || positionals.length !== 1) {
    process.stderr.write(USAGE);
    return values.help ? 0 : 2;
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!values["dry-run"] && (databaseUrl === undefined || databaseUrl === "")) {
    process.stderr.write(`DATABASE_URL is not set\n${USAGE}`);
    return 2;
  }
  const dir = resolve(positionals[0]!);
  try {
    const kattis = dir.endsWith(".json") ? null : await kattisPackageAt(dir);
    const packageFiles = kattis?.files ?? null;
    const problem =
      kattis === null
        ? await functionFileAt(dir, values.slug, values.publish)
        : parseKattisPackage(kattis.files, {
          slug: values.slug ?? kattis.name,
          published: values.publish,
          warn: (message) => process.stderr.write(`warning: ${message}\n`),
        });
    if (values["dry-run"]) {
      const files = packageFiles === null ? 0 : statementFilesOf(packageFiles).size;
      process.stdout.write(
        `would import ${problem.slug}: "${problem.title}", ${problem.samples.length} samples, ${problem.tests.length} tests, checker ${problem.checker.kind}, ${files} files, ${limitsText(problem)}; nothing stored (dry run)\n`,
      );
      return 0;
    }
    const prisma = createPrisma(databaseUrl!);
    try {
      const saved = await saveProblem(prisma, problem, packageFiles === null ? [] : [...statementFilesOf(packageFiles).values()]);
      process.stdout.write(`${saved.created ? "created" : "replaced"} ${saved.view.slug}: "${saved.view.title}", ${saved.view.tests} tests${saved.view.published ? ", published" : ""}\n`);
    } finally {
      await prisma.$disconnect();
    }
    return 0;
  } catch (error) {
    if (error instanceof PackageError) {
      process.stderr.write(`refused: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** The limits in words; a time limit the package does not fix is provisional until calibrated. */
function limitsText({ limits, timeCalibration }: ProblemInput): string {
  const time = timeCalibration === undefined ? `time ${limits.timeMs} ms` : `time ${limits.timeMs} ms (provisional, to calibrate: ×${timeCalibration.acToTimeLimit} the slowest accepted)`;
  return `${time}, memory ${limits.memoryKb} KiB${limits.outputKb === undefined ? "" : `, output ${limits.outputKb} KiB`}`;
}

/** A package directory, or a zip of one: its files and its name (the folder's, a zip's top folder's or file's). */
async function kattisPackageAt(path: string): Promise<{ files: PackageFiles; name: string }> {
  if (!path.endsWith(".zip")) return { files: await filesFromDirectory(path), name: basename(path) };
  const name = basename(path, ".zip");
  const { files, topDir } = filesFromZip(await readFile(path), name);
  return { files, name: topDir ?? name };
}

async function functionFileAt(path: string, slug: string | undefined, publish: boolean): Promise<ProblemInput> {
  const file = basename(path);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new PackageError(basename(path, ".json"), file, error instanceof SyntaxError ? `not JSON: ${error.message}` : String(error));
  }
  const body = slug === undefined || typeof raw !== "object" || raw === null ? raw : { ...raw, slug };
  return parseFunctionFile(body, { file, ...(publish ? { published: true } : {}) });
}

process.exitCode = await main();
