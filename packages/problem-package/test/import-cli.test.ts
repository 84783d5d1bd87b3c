import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, test } from "vitest";
import { fileURLToPath } from "node:url";
import { createDatabase, createPrisma, dropDatabase, migrate } from "@judge/db";
import { ADMIN_DATABASE_URL } from "../../../test/support/test-stack.ts";
import { samplePackage, zipOf } from "./sample-package.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const dbName = `judge_test_${randomUUID().replace(/-/g, "")}`;
let databaseUrl: string;
let work: string;

beforeAll(async () => {
  databaseUrl = await createDatabase(ADMIN_DATABASE_URL, dbName);
  await migrate(databaseUrl);
  work = await mkdtemp(join(tmpdir(), "import-cli-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await dropDatabase(ADMIN_DATABASE_URL, dbName);
});

async function writePackage(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(work, name);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", join(root, "scripts/import-problem.ts"), ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl } },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr }),
    );
  });
}

test("npm run import-problem -- <dir>: stores the package under the directory's name", async () => {
  const dir = await writePackage("cli-abs-sum", samplePackage());
  const result = await cli(dir, "--publish");
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /created cli-abs-sum: "Absolute Sum", 5 tests, published/);
  const prisma = createPrisma(databaseUrl);
  try {
    const row = await prisma.problem.findUniqueOrThrow({ where: { slug: "cli-abs-sum" }, include: { tests: true } });
    assert.equal(row.tests.length, 5);
    assert.equal(row.published, true);
  } finally {
    await prisma.$disconnect();
  }
});

test("import-problem refuses a bad package with exit 1, naming the problem and the file", async () => {
  const dir = await writePackage("cli-broken", samplePackage({ "data/sample/2.ans": null }));
  const result = await cli(dir);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /refused: problem "cli-broken", data\/sample\/2\.in: has no answer file/);
});

test("import-problem takes a legacy package with a LaTeX statement and symlinked samples, warning of unknown LaTeX", async () => {
  const dir = await writePackage("cli-hop", {
    "problem.yaml": "author: Ada Hopper\nlicense: cc by-sa\n",
    "problem_statement/problem.en.tex": "\\problemname{Hop}\nHop $k$ times.\\strangecmd{kept}\n\\section*{Input}\nOne integer.\n",
    "data/secret/1.in": "3\n",
    "data/secret/1.ans": "6\n",
  });
  await mkdir(join(dir, "data/sample"));
  await symlink("../secret/1.in", join(dir, "data/sample/1.in"));
  await symlink("../secret/1.ans", join(dir, "data/sample/1.ans"));
  const result = await cli(dir);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /created cli-hop: "Hop", 2 tests/);
  assert.match(result.stderr, /warning: problem_statement\/problem\.en\.tex: LaTeX not understood, its text kept: \\strangecmd/);
  const prisma = createPrisma(databaseUrl);
  try {
    const row = await prisma.problem.findUniqueOrThrow({ where: { slug: "cli-hop" }, include: { tests: { orderBy: { index: "asc" } } } });
    assert.match(row.statement, /^Hop \$k\$ times\.kept\n\n## Input\n\nOne integer\.\n\n---\n\n\*Author: Ada Hopper\. License: cc by-sa\.\*/);
    assert.deepEqual(row.tests.map((t) => [t.input, t.output]), [["3\n", "6\n"], ["3\n", "6\n"]]);
  } finally {
    await prisma.$disconnect();
  }
});

test("npm run import-problem -- <file>.json imports a function problem; a test that does not fit exits 1 naming it", async () => {
  const file = {
    format: "judge/function-problem@1",
    slug: "cli-max-of",
    title: "Max Of",
    difficulty: "easy",
    statement: "Return the largest of `nums`.",
    limits: { timeMs: 1000, memoryKb: 65536 },
    signature: { kind: "function", name: "maxOf", params: [{ name: "nums", type: "integer[]" }], returns: "integer" },
    examples: [{ args: [[1, 5, 2]], expected: 5 }],
    tests: [{ args: [[-1]], expected: -1 }, { args: [[3, 3]], expected: 3 }],
    references: [{ language: "python", code: "class Solution:\n    def maxOf(self, nums: List[int]) -> int:\n        return max(nums)\n" }],
  };
  const good = join(work, "max-of.json");
  await writeFile(good, JSON.stringify(file));
  const result = await cli(good, "--publish");
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /created cli-max-of: "Max Of", 3 tests, published/);
  const prisma = createPrisma(databaseUrl);
  try {
    const row = await prisma.problem.findUniqueOrThrow({ where: { slug: "cli-max-of" }, include: { tests: { orderBy: { index: "asc" } } } });
    assert.equal(row.kind, "function");
    assert.deepEqual(row.signature, file.signature);
    assert.deepEqual(row.tests.map((t) => [t.input, t.output, t.sample]), [["[1,5,2]", "5", true], ["[-1]", "-1", false], ["[3,3]", "3", false]]);
  } finally {
    await prisma.$disconnect();
  }
  const bad = join(work, "max-of-bad.json");
  await writeFile(bad, JSON.stringify({ ...file, slug: "cli-max-bad", tests: [{ args: [[1, 2.5]], expected: 2.5 }] }));
  const refused = await cli(bad);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /refused: problem "cli-max-bad", max-of-bad.json: test 1 \(tests\[0\]\): nums\[1\]: expected a 32-bit integer/);
});

test("import-problem --dry-run prints what it would store and the warnings, and stores nothing", async () => {
  const dir = await writePackage("cli-dry", {
    "problem.yaml": "name: Dry\n",
    "problem_statement/problem.en.tex": "Dry $k$.\\oddmacro{x}\n",
    "data/sample/1.in": "1\n",
    "data/sample/1.ans": "1\n",
    "data/secret/1.in": "2\n",
    "data/secret/1.ans": "2\n",
  });
  const result = await cli(dir, "--dry-run");
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /would import cli-dry: "Dry", 1 samples, 1 tests, checker kattis-default, 0 files, time 1000 ms \(provisional, to calibrate: ×5 the slowest accepted\), memory 1048576 KiB, output 8192 KiB; nothing stored/);
  assert.match(result.stderr, /warning: .*\\oddmacro/);
  const prisma = createPrisma(databaseUrl);
  try {
    assert.equal(await prisma.problem.findUnique({ where: { slug: "cli-dry" } }), null);
  } finally {
    await prisma.$disconnect();
  }
});

test("npm run import-problem -- <file>.zip: the zip's top folder names it, its inside links are followed, what it leaves out is printed", async () => {
  const zip = join(work, "upload.zip");
  const files = samplePackage({ "data/sample/2.in": null, "generators/gen.py": "print(1)\n" });
  await writeFile(zip, zipOf(files, "cli-zipped", { "data/sample/2.in": "../secret/3.in" }));
  const result = await cli(zip);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /created cli-zipped: "Absolute Sum", 5 tests/);
  assert.match(result.stderr, /warning: generators\/ is ignored: generators are not run/);
  const prisma = createPrisma(databaseUrl);
  try {
    const row = await prisma.problem.findUniqueOrThrow({ where: { slug: "cli-zipped" }, include: { tests: { orderBy: { index: "asc" } } } });
    assert.equal(row.tests[1]?.input, "7 -9\n", "the linked sample has data/secret/3.in's content");
  } finally {
    await prisma.$disconnect();
  }

  const escaping = join(work, "escaping.zip");
  await writeFile(escaping, zipOf(samplePackage(), "cli-escaping", { "data/secret/9.in": "../../../../etc/hostname" }));
  const refused = await cli(escaping);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /refused: problem "escaping", data\/secret\/9\.in: a symbolic link to \.\.\/\.\.\/\.\.\/\.\.\/etc\/hostname, outside the package/);
});
