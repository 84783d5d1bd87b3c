/**
 * npm run import-problem -- <package-dir> [--slug <slug>] [--publish]
 *
 * Imports a Kattis problem package (problem.yaml, problem_statement/, data/sample, data/secret,
 * output_validators/) into the database at DATABASE_URL, creating the problem or replacing it
 * and all its tests. The slug is the directory's name unless --slug names it. A bad package
 * exits 1 with a message that names the problem and the file.
 */
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createPrisma } from "@judge/db";
import { PackageError, filesFromDirectory, parseKattisPackage } from "@judge/problem-package";
import { saveProblem } from "@judge/problem-package/store";

const USAGE = "usage: npm run import-problem -- <package-dir> [--slug <slug>] [--publish]\n(DATABASE_URL names the database)\n";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { slug: { type: "string" }, publish: { type: "boolean", default: false }, help: { type: "boolean", default: false } },
  });
  if (values.help || positionals.length !== 1) {
    process.stderr.write(USAGE);
    return values.help ? 0 : 2;
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl === undefined || databaseUrl === "") {
    process.stderr.write(`DATABASE_URL is not set\n${USAGE}`);
    return 2;
  }
  const dir = resolve(positionals[0]!);
  try {
    const problem = parseKattisPackage(await filesFromDirectory(dir), { slug: values.slug ?? basename(dir), published: values.publish });
    const prisma = createPrisma(databaseUrl);
    try {
      const saved = await saveProblem(prisma, problem);
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

process.exitCode = await main();
