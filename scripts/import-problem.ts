/**
 * npm run import-problem -- <package-dir | package.zip | function-problem.json> [--slug <slug>] [--publish] [--dry-run] [--verify [--timeout <s>]]
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
 *
 * --verify then judges the package's own submissions (submissions/<expected>/) through the
 * running judge: it calls the API (JUDGE_API_URL, default http://localhost:$PORT or :3000) as an
 * admin (JUDGE_TOKEN, or ADMIN_USERNAME and ADMIN_PASSWORD), because judging needs the queue,
 * the workers and the result consumer that steps a time calibration; it waits (at most
 * --timeout seconds, default 900), prints one line per submission and the time limit, and exits
 * 1 when any judged submission did not get what its folder says.
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
  packageSubmissionsOf,
  parseFunctionFile,
  parseKattisPackage,
  statementFilesOf,
} from "@judge/problem-package";
import type { ProblemInput } from "@judge/protocol";
import { saveProblem } from "@judge/problem-package/store";
import { VerificationClientError, formatReport, signIn, startVerification, waitForVerification } from "./import-problem/verification-client.ts";

const USAGE =
  "usage: npm run import-problem -- <package-dir | package.zip | problem.json> [--slug <slug>] [--publish] [--dry-run] [--verify [--timeout <s>]]\n" +
  "(DATABASE_URL names the database; --verify calls the API at JUDGE_API_URL as JUDGE_TOKEN or ADMIN_USERNAME/ADMIN_PASSWORD)\n";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      slug: { type: "string" },
      publish: { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
      verify: { type: "boolean", default: false },
      timeout: { type: "string", default: "900" },
      help: { type: "boolean", default: false },
    },
  });
  const timeoutSeconds = Number(values.timeout);
  if (values.help || positionals.length !== 1 || !(timeoutSeconds > 0)) {
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
      const saved =
        packageFiles === null
          ? await saveProblem(prisma, problem)
          : await saveProblem(prisma, problem, [...statementFilesOf(packageFiles).values()], packageSubmissionsOf(packageFiles));
      process.stdout.write(`${saved.created ? "created" : "replaced"} ${saved.view.slug}: "${saved.view.title}", ${saved.view.tests} tests${saved.view.published ? ", published" : ""}\n`);
    } finally {
      await prisma.$disconnect();
    }
    return values.verify ? await verify(problem.slug, timeoutSeconds * 1000) : 0;
  } catch (error) {
    if (error instanceof PackageError) {
      process.stderr.write(`refused: ${error.message}\n`);
      return 1;
    }
    if (error instanceof VerificationClientError) {
      process.stderr.write(`verification failed: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** Judges the package's submissions through the API and prints the report; 1 on any mismatch. */
async function verify(slug: string, timeoutMs: number): Promise<number> {
  const access = {
    baseUrl: process.env.JUDGE_API_URL || `http://localhost:${process.env.PORT || 3000}`,
    token: process.env.JUDGE_TOKEN || undefined,
    username: process.env.ADMIN_USERNAME,
    password: process.env.ADMIN_PASSWORD,
  };
  const token = await signIn(access);
  const started = await startVerification(access, token, slug);
  process.stdout.write(`verifying ${slug}: ${started.items.filter((i) => i.skipped === null).length} submissions to judge\n`);
  const report = await waitForVerification(access, token, slug, { timeoutMs });
  process.stdout.write(formatReport(report));
  return report.passed ? 0 : 1;
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
