import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import { zipSync } from "fflate";
import type { PackageImportResult, ProblemAdminView, ProblemDetail } from "@judge/protocol";
import { testBundleOf } from "@judge/db";
import { scoredPackage, zipOf } from "../../../packages/problem-package/test/sample-package.ts";
import { api, registerUser, startApiHarness, type ApiHarness } from "./support/api-harness.ts";

const encoder = new TextEncoder();

/** Unix mode of a symbolic link in a zip entry's external attributes, as `zip -ry` writes it. */
const SYMLINK_ATTRS = 0o120777 * 2 ** 16;

/** `links`: path to target, stored as symbolic links. */
function packageZip(top: string, overrides: Record<string, string | null> = {}, links: Record<string, string> = {}): Uint8Array {
  const files: Record<string, string | null> = {
    "problem.yaml": "name: Imported Sum\nlimits:\n  time_limit: 2\n  memory: 128\n",
    "problem_statement/problem.md": "Print a + b.\n",
    "data/sample/1.in": "1 2\n",
    "data/sample/1.ans": "3\n",
    "data/secret/1.in": "5 5\n",
    "data/secret/1.ans": "10\n",
    "output_validators/v/validate.py": "import sys\nsys.exit(42)\n",
    ...overrides,
  };
  return zipSync({
    ...Object.fromEntries(Object.entries(files).flatMap(([p, c]) => (c === null ? [] : [[`${top}/${p}`, encoder.encode(c)]]))),
    ...Object.fromEntries(Object.entries(links).map(([p, target]) => [`${top}/${p}`, [encoder.encode(target), { os: 3, attrs: SYMLINK_ATTRS }]])),
  });
}

async function upload(h: ApiHarness, token: string | null, body: Uint8Array, query = "") {
  const response = await fetch(`${h.base}/api/problems/import${query}`, {
    method: "POST",
    headers: { "content-type": "application/zip", ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body,
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

let h: ApiHarness;
let admin: string;
beforeAll(async () => {
  h = await startApiHarness();
  await h.offerLanguages();
  admin = await h.adminToken();
});
afterAll(async () => {
  await h?.close();
});

test("POST /api/problems/import: a zipped Kattis package becomes a problem; importing again replaces it", async () => {
  const created = await upload(h, admin, packageZip("imported-sum"), "?publish=1");
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const view = created.body as ProblemAdminView;
  assert.equal(view.slug, "imported-sum");
  assert.equal(view.tests, 2);
  const row = await h.prisma.problem.findUniqueOrThrow({ where: { slug: "imported-sum" }, include: { tests: { orderBy: { index: "asc" } } } });
  assert.equal(row.timeLimitMs, 2000);
  assert.equal(row.memoryLimitKb, 128 * 1024);
  assert.deepEqual(row.checker, { kind: "program", language: "python", source: "import sys\nsys.exit(42)\n", convention: "kattis" });
  assert.deepEqual(row.tests.map((t) => [t.input, t.sample]), [["1 2\n", true], ["5 5\n", false]]);
  const detail = await api<{ title: string }>(h.base, "/api/problems/imported-sum");
  assert.equal(detail.status, 200);
  assert.equal(detail.body.title, "Imported Sum");

  const replaced = await upload(h, admin, packageZip("imported-sum", { "data/secret/2.in": "0 0\n", "data/secret/2.ans": "0\n" }));
  assert.equal(replaced.status, 200);
  assert.equal((replaced.body as ProblemAdminView).tests, 3);
  assert.notEqual((replaced.body as ProblemAdminView).testsHash, view.testsHash);
});

test("POST /api/problems/import: a 2023-07 package with a LaTeX and a Markdown statement; GET returns every language and the attribution", async () => {
  const body = packageZip("two-tongues", {
    "problem.yaml": "problem_format_version: 2023-07-draft\nname:\n  en: Two Tongues\n  sv: Två tungor\nlicense: cc by-sa\nrights_owner: Nordic Cup\ncredits:\n  authors: Bo Ek\n",
    "problem_statement/problem.md": null,
    "statement/problem.en.tex": "\\problemname{Two Tongues}\nAdd $a$ and $b$.\n\\section*{Input}\nTwo integers.\n",
    "statement/problem.sv.md": "Addera $a$ och $b$.\n",
  });
  const created = await upload(h, admin, body, "?publish=1");
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const detail = await api<ProblemDetail>(h.base, "/api/problems/two-tongues");
  assert.equal(detail.status, 200);
  assert.equal(detail.body.title, "Two Tongues");
  assert.match(detail.body.statement, /^Add \$a\$ and \$b\$\.\n\n## Input\n\nTwo integers\.\n\n---\n\n\*Author: Bo Ek\. License: cc by-sa\. Rights owner: Nordic Cup\.\*\n$/);
  assert.deepEqual(Object.keys(detail.body.statements ?? {}), ["en", "sv"]);
  assert.equal(detail.body.statements?.en, detail.body.statement);
  assert.match(detail.body.statements?.sv ?? "", /^Addera \$a\$ och \$b\$\./);
  assert.deepEqual(detail.body.attribution, { authors: ["Bo Ek"], license: "cc by-sa", rightsOwner: "Nordic Cup" });
});

test("GET /api/problems/:slug/files/:name serves the statement's images and attachments the import stored", async () => {
  const body = packageZip("with-pics", {
    "problem_statement/problem.md": "Look: ![a frog](frog.png)\n",
    "problem_statement/frog.png": "\u0089PNG fake",
    "attachments/tool.py": "print(1)\n",
  });
  assert.equal((await upload(h, admin, body, "?publish=1")).status, 201);
  const detail = await api<ProblemDetail>(h.base, "/api/problems/with-pics");
  assert.match(detail.body.statement, /!\[a frog\]\(\/api\/problems\/with-pics\/files\/frog\.png\)/);
  assert.match(detail.body.statement, /Attachments: \[tool\.py\]\(\/api\/problems\/with-pics\/files\/tool\.py\)/);
  const image = await fetch(`${h.base}/api/problems/with-pics/files/frog.png`);
  assert.equal(image.status, 200);
  assert.equal(image.headers.get("content-type"), "image/png");
  assert.equal(image.headers.get("x-content-type-options"), "nosniff");
  assert.equal(await image.text(), "\u0089PNG fake");
  const attachment = await fetch(`${h.base}/api/problems/with-pics/files/tool.py`);
  assert.equal(attachment.status, 200);
  assert.match(attachment.headers.get("content-disposition") ?? "", /^attachment; filename="?tool\.py"?$/);
  assert.equal(await attachment.text(), "print(1)\n");
  assert.equal((await fetch(`${h.base}/api/problems/with-pics/files/nope.png`)).status, 404);

  // Importing again without the attachment replaces the stored files.
  assert.equal((await upload(h, admin, packageZip("with-pics", { "problem_statement/problem.md": "Plain.\n" }))).status, 200);
  assert.equal((await fetch(`${h.base}/api/problems/with-pics/files/tool.py`)).status, 404);
});

test("POST /api/problems/import: a bad package is a 400 naming the problem and the file; nothing is stored", async () => {
  const bad = await upload(h, admin, packageZip("broken-one", { "data/secret/1.ans": null }));
  assert.equal(bad.status, 400);
  assert.match(JSON.stringify(bad.body), /problem \\"broken-one\\", data\/secret\/1\.in: has no answer file/);
  assert.equal(await h.prisma.problem.count({ where: { slug: "broken-one" } }), 0);
  const notZip = await upload(h, admin, encoder.encode("hello"), "?slug=x-y");
  assert.equal(notZip.status, 400);
});

test("POST /api/problems/import: admins only", async () => {
  const user = await registerUser(h.base);
  assert.equal((await upload(h, user.token, packageZip("sneaky"))).status, 403);
  assert.equal((await upload(h, null, packageZip("sneaky"))).status, 401);
});

test("POST /api/problems/import?dryRun=1 reports what it would store and what it leaves out, and stores nothing", async () => {
  const slug = `dry-run-${Date.now().toString(36)}`;
  const zip = packageZip(slug, {
    "problem_statement/problem.md": null,
    "problem_statement/problem.en.tex": "\\problemname{Dry Sum}\nPrint $a+b$. \\unknownmacro{kept}\n\\includegraphics{missing}\n",
    "problem_statement/problem.sv.md": "Skriv a + b.\n",
  });
  const report = await upload(h, admin, zip, "?dryRun=1");
  assert.equal(report.status, 200, JSON.stringify(report.body));
  const body = report.body as { dryRun: boolean; slug: string; samples: number; tests: number; checker: string; statementLanguages: string[]; warnings: string[] };
  assert.equal(body.dryRun, true);
  assert.equal(body.slug, slug);
  assert.deepEqual([body.samples, body.tests, body.checker], [1, 1, "program"]);
  assert.deepEqual([...body.statementLanguages].sort(), ["en", "sv"]);
  assert.ok(body.warnings.some((w) => w.includes("unknownmacro")), JSON.stringify(body.warnings));
  assert.ok(body.warnings.some((w) => w.includes("missing")), JSON.stringify(body.warnings));
  assert.equal(await h.prisma.problem.findUnique({ where: { slug } }), null);
  // The same package without the flag is stored.
  const stored = await upload(h, admin, zip);
  assert.equal(stored.status, 201, JSON.stringify(stored.body));
  await h.prisma.problem.delete({ where: { slug } });
});

test("POST /api/problems/import: the answer lists every part of the package it did not take; the package's limits are stored", async () => {
  const created = await upload(
    h,
    admin,
    packageZip("reported-sum", {
      "problem.yaml": "problem_format_version: 2023-07-draft\nname: Reported Sum\nlanguages: [c]\nlimits:\n  output: 4\n  code: 1\n  compilation_time: 10\n",
      "input_validators/check.py": "print()\n",
    }),
    "?publish=1",
  );
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const body = created.body as PackageImportResult;
  assert.equal(body.slug, "reported-sum");
  assert.deepEqual(body.warnings, [
    "problem.yaml: languages is ignored: every language the judge has is offered for every problem",
    "input_validators/ is ignored: input validators are not run: test data is taken as it is",
    "limits.compilation_time is not applied: submissions compile under the judge's own limits",
  ]);
  const row = await h.prisma.problem.findUniqueOrThrow({ where: { slug: "reported-sum" } });
  assert.deepEqual([row.timeLimitMs, row.memoryLimitKb, row.outputLimitKb], [1000, 2048 * 1024, 4 * 1024], "provisional 1 s, the format's 2048 MiB, output 4 MiB");
  assert.deepEqual(row.timeCalibration, { acToTimeLimit: 2, timeLimitToTle: 1.5, resolutionMs: 1000 });
  const detail = await api<ProblemDetail>(h.base, "/api/problems/reported-sum");
  assert.deepEqual(detail.body.limits, { timeMs: 1000, memoryKb: 2048 * 1024, outputKb: 4 * 1024, codeKb: 1 });

  // limits.code: 1 KiB. A submission one byte over it is refused; one at it is taken.
  const user = await registerUser(h.base);
  const submit = (code: string) => api<{ error?: { message: string } }>(h.base, "/api/submissions", { token: user.token, body: { problem: "reported-sum", language: "python", code } });
  const over = await submit(`#${"x".repeat(1024)}`);
  assert.equal(over.status, 400, JSON.stringify(over.body));
  assert.match(over.body.error?.message ?? "", /over this problem's limit of 1 KiB/);
  assert.equal((await submit(`#${"x".repeat(1023)}`)).status, 202);
});

test("POST /api/problems/import: a symbolic link inside the zip is followed; one that leaves the package is a 400 naming it", async () => {
  const linked = await upload(h, admin, packageZip("linked-sum", { "data/sample/1.in": null }, { "data/sample/1.in": "../secret/1.in" }));
  assert.equal(linked.status, 201, JSON.stringify(linked.body));
  const row = await h.prisma.problem.findUniqueOrThrow({ where: { slug: "linked-sum" }, include: { tests: { orderBy: { index: "asc" } } } });
  assert.deepEqual(row.tests.map((t) => t.input), ["5 5\n", "5 5\n"], "the sample is the linked file's content");

  const escaping = await upload(h, admin, packageZip("escaping-sum", {}, { "data/secret/2.in": "../../../../etc/hostname" }));
  assert.equal(escaping.status, 400);
  const error = (escaping.body as { error: { message: string; details: { file: string } } }).error;
  assert.equal(error.details.file, "data/secret/2.in");
  assert.match(error.message, /a symbolic link to \.\.\/\.\.\/\.\.\/\.\.\/etc\/hostname, outside the package/);
  assert.equal(await h.prisma.problem.count({ where: { slug: "escaping-sum" } }), 0);
});

test("POST /api/problems/import: a scoring package's groups are reported by a dry run, stored, and in the bundle its hash covers", async () => {
  const zip = zipOf(scoredPackage(), "doubling-import");
  const report = await upload(h, admin, zip, "?dryRun=1");
  assert.equal(report.status, 200, JSON.stringify(report.body));
  assert.deepEqual((report.body as { scoring?: unknown }).scoring, { scored: true, groups: ["sample", "secret", "secret/large", "secret/small"] });
  const created = await upload(h, admin, zip);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const row = await h.prisma.problem.findUniqueOrThrow({ where: { slug: "doubling-import" }, include: { tests: true } });
  const bundle = testBundleOf(row);
  assert.equal(bundle.scoring?.scored, true);
  assert.deepEqual(bundle.scoring?.tests, ["sample", "secret/large", "secret/large", "secret/small", "secret/small"]);
  assert.equal(bundle.hash, row.testsHash);
  assert.equal((created.body as ProblemAdminView).testsHash, row.testsHash);
  await h.prisma.problem.delete({ where: { slug: "doubling-import" } });
});
