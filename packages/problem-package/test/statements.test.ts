import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, test } from "vitest";
import { PackageError, filesFromDirectory, parseKattisPackage, statementFilesOf } from "../src/index.ts";
import { attributionLine, attributionOf } from "../src/statements.ts";

const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

/** Writes a package; a value `{ link }` becomes a symbolic link with that text. */
async function writePackage(files: Record<string, string | { link: string }>): Promise<string> {
  const base = await mkdtemp(join(tmpdir(), "kattis-statements-"));
  roots.push(base);
  const root = join(base, "pkg");
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    if (typeof content === "string") await writeFile(join(root, path), content);
    else await symlink(content.link, join(root, path));
  }
  return root;
}

const legacyTex = String.raw`\problemname{Hop Count}
A frog hops $k$ times \emph{forward}.
\section*{Input}
One integer $1 \le k \le 10^9$.
\section*{Output}
Print $2k$.
\fancything{odd}
`;

test("legacy layout: a LaTeX statement becomes Markdown, the title from \\problemname, a symlinked sample read through", async () => {
  const root = await writePackage({
    "problem.yaml": "source: Frog Contest 2020\nauthor: Ada Hopper\nlicense: cc by-sa\nrights_owner: Frog Society\n",
    "problem_statement/problem.en.tex": legacyTex,
    "data/secret/1.in": "3\n",
    "data/secret/1.ans": "6\n",
    "data/sample/1.in": { link: "../secret/1.in" },
    "data/sample/1.ans": { link: "../secret/1.ans" },
  });
  const warnings: string[] = [];
  const problem = parseKattisPackage(await filesFromDirectory(root), { slug: "hop-count", warn: (w) => warnings.push(w) });
  assert.equal(problem.title, "Hop Count");
  assert.match(problem.statement, /^A frog hops \$k\$ times \*forward\*\.\n\n## Input\n\nOne integer \$1 \\le k \\le 10\^9\$\./);
  assert.match(problem.statement, /## Output\n\nPrint \$2k\$\./);
  assert.match(problem.statement, /\n---\n\n\*Author: Ada Hopper\. Source: Frog Contest 2020\. License: cc by-sa\. Rights owner: Frog Society\.\*\n$/);
  assert.deepEqual(problem.samples, [{ input: "3\n", output: "6\n" }]);
  assert.deepEqual(warnings, ["problem_statement/problem.en.tex: LaTeX not understood, its text kept: \\fancything"]);
});

test("2023-07 layout: statement/problem.en.md shown, problem.sv.md kept beside it; Markdown wins over LaTeX", async () => {
  const root = await writePackage({
    "problem.yaml": "problem_format_version: 2023-07-draft\nname:\n  en: Greeting\n  sv: Hälsning\ncredits:\n  authors: [Bo Ek, Li Wu]\nsource:\n  name: Nordic Cup\n  url: https://example.com/cup\n",
    "statement/problem.en.md": "Say **hello**.\n",
    "statement/problem.sv.md": "Säg **hej**.\n",
    "statement/problem.sv.tex": "\\problemname{Hälsning} ignored",
    "data/secret/1.in": "\n",
    "data/secret/1.ans": "hello\n",
  });
  const files = await filesFromDirectory(root);
  const problem = parseKattisPackage(files, { slug: "greeting" });
  assert.equal(problem.title, "Greeting");
  assert.equal(problem.statement, "Say **hello**.\n\n---\n\n*Author: Bo Ek, Li Wu. Source: [Nordic Cup](https://example.com/cup).*\n");
  const { statementsOf } = await import("../src/statements.ts");
  const found = statementsOf(files, "greeting", (p) => new TextDecoder().decode(files.get(p)));
  assert.equal(found.language, "en");
  assert.deepEqual(found.statements, { en: "Say **hello**.\n", sv: "Säg **hej**.\n" });
  assert.deepEqual(Object.keys(problem.statements ?? {}), ["en", "sv"]);
  assert.match(problem.statements?.sv ?? "", /^Säg \*\*hej\*\*\.\n\n---\n\n\*Author: Bo Ek, Li Wu\./);
  assert.deepEqual(problem.attribution, { authors: ["Bo Ek", "Li Wu"], source: "Nordic Cup", sourceUrl: "https://example.com/cup" });
});

test("no English statement: the only language is shown", async () => {
  const root = await writePackage({
    "problem.yaml": "name: Hej\n",
    "statement/problem.sv.md": "Säg hej.\n",
    "data/secret/1.in": "\n",
    "data/secret/1.ans": "hej\n",
  });
  assert.equal(parseKattisPackage(await filesFromDirectory(root), { slug: "hej" }).statement, "Säg hej.\n");
});

test("a symlink leading outside the package, or nowhere, is refused and named", async () => {
  const outside = await writePackage({ "secret.txt": "do not read\n" });
  const root = await writePackage({
    "problem.yaml": "name: P\n",
    "statement/problem.md": "P\n",
    "data/secret/1.in": { link: join(outside, "secret.txt") },
    "data/secret/1.ans": "x\n",
  });
  await assert.rejects(filesFromDirectory(root), (error: unknown) => {
    assert.ok(error instanceof PackageError, String(error));
    assert.match(error.message, /data\/secret\/1\.in: a symbolic link to .*secret\.txt, outside the package/);
    return true;
  });
  const dangling = await writePackage({ "problem.yaml": "name: P\n", "data/sample/1.in": { link: "../secret/9.in" } });
  await assert.rejects(filesFromDirectory(dangling), /data\/sample\/1\.in: a symbolic link to \.\.\/secret\/9\.in, which does not exist/);
});

test("a symlinked folder inside the package is read through; one that loops is refused", async () => {
  const root = await writePackage({
    "data/secret/a/1.in": "1\n",
    "data/secret/b": { link: "a" },
    "data/secret/a/up": { link: ".." },
  });
  await assert.rejects(filesFromDirectory(root), /a symbolic link that loops back/);
  const ok = await writePackage({ "data/secret/a/1.in": "1\n", "data/secret/b": { link: "a" } });
  const files = await filesFromDirectory(ok);
  assert.deepEqual([...files.keys()].sort(), ["data/secret/a/1.in", "data/secret/b/1.in"]);
});

test("attribution: nothing named, nothing added; legacy source_url links the source", () => {
  assert.equal(attributionOf({}), null);
  const cup = attributionOf({ source: "Cup", source_url: "https://e.com" });
  assert.deepEqual(cup, { authors: [], source: "Cup", sourceUrl: "https://e.com" });
  assert.equal(attributionLine(cup!), "*Source: [Cup](https://e.com).*");
});

test("images and attachments: references rewritten to the problem's file URL, attachments listed, a missing image warned of", async () => {
  const root = await writePackage({
    "problem.yaml": "name: Pics\n",
    "problem_statement/problem.en.tex": "\\problemname{Pics}\n\\illustration{0.4}{frog.png}{A frog}\nSee \\includegraphics{pond} and \\includegraphics{gone.png}.\n",
    "problem_statement/problem.sv.md": "![groda](frog.png) och [länk](https://example.com/x.png)\n",
    "problem_statement/frog.png": "PNG-bytes",
    "problem_statement/pond.jpg": "JPG-bytes",
    "attachments/template.py": "print()\n",
    "data/secret/1.in": "\n",
    "data/secret/1.ans": "x\n",
  });
  const files = await filesFromDirectory(root);
  const warnings: string[] = [];
  const problem = parseKattisPackage(files, { slug: "pics", warn: (w) => warnings.push(w) });
  assert.match(problem.statement, /!\[A frog\]\(\/api\/problems\/pics\/files\/frog\.png\)/);
  assert.match(problem.statement, /!\[\]\(\/api\/problems\/pics\/files\/pond\.jpg\)/);
  assert.match(problem.statement, /!\[\]\(gone\.png\)/);
  assert.match(problem.statement, /\nAttachments: \[template\.py\]\(\/api\/problems\/pics\/files\/template\.py\)\n/);
  assert.match(problem.statements?.sv ?? "", /^!\[groda\]\(\/api\/problems\/pics\/files\/frog\.png\) och \[länk\]\(https:\/\/example\.com\/x\.png\)/);
  assert.deepEqual(warnings, ["the statement shows gone.png, which the package does not have"]);
  const stored = statementFilesOf(files);
  assert.deepEqual(
    [...stored.values()].map((f) => [f.name, f.contentType, f.attachment, new TextDecoder().decode(f.content)]),
    [
      ["frog.png", "image/png", false, "PNG-bytes"],
      ["pond.jpg", "image/jpeg", false, "JPG-bytes"],
      ["template.py", "application/octet-stream", true, "print()\n"],
    ],
  );
});
