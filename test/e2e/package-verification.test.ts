import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createPrisma, testBundleOf } from "@judge/db";
import { filesFromDirectory } from "@judge/problem-package";
import {
  calibratedTimeLimitMs,
  type PackageImportResult,
  type ProblemAdminView,
  type ProblemDetail,
  type ProblemPage,
  type SubmissionView,
  type VerificationReport,
} from "@judge/protocol";
import { eventually } from "../support/eventually.ts";
import { api, registerUser, startTestStack, submit, type TestStack } from "../support/test-stack.ts";

const ADMIN = { username: "verify-admin", password: "verify-admin-password" };
const root = fileURLToPath(new URL("../../", import.meta.url));
const encoder = new TextEncoder();

const DOUBLE_PY = "print(2 * int(input()))\n";

/**
 * A legacy package with no fixed time limit (time_multiplier 3, whole seconds) and one
 * submission per folder; the .cob one (COBOL) has no language here and is reported as skipped.
 */
const doubling: Record<string, string> = {
  "problem.yaml": "name: Double It\nlimits:\n  time_multiplier: 3\n",
  "problem_statement/problem.en.md": "Print twice the number.\n",
  "data/sample/1.in": "2\n",
  "data/sample/1.ans": "4\n",
  "data/secret/1.in": "21\n",
  "data/secret/1.ans": "42\n",
  "submissions/accepted/double.c": '#include <stdio.h>\nint main(void) { long n; scanf("%ld", &n); printf("%ld\\n", 2 * n); return 0; }\n',
  "submissions/accepted/double.py": DOUBLE_PY,
  "submissions/accepted/double.cob": "IDENTIFICATION DIVISION.\n",
  "submissions/wrong_answer/plus_one.py": "print(int(input()) + 1)\n",
  "submissions/time_limit_exceeded/spin.c": "int main(void) { volatile unsigned long x = 0; for (;;) x++; }\n",
  "submissions/run_time_error/crash.py": "raise SystemExit(3)\n",
};

describe("a package's own submissions, judged as its folders say, with the time limit they calibrate", () => {
  let stack: TestStack;
  let admin: string;
  let work: string;

  beforeAll(async () => {
    stack = await startTestStack({ extraEnv: { ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password } });
    const login = await api<{ token: string }>(stack.apiUrl, "/api/auth/login", { body: ADMIN });
    assert.equal(login.status, 200);
    admin = login.body.token;
    work = await mkdtemp(join(tmpdir(), "package-verification-"));
  });
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
    await stack?.teardown();
  });

  /** The real CLI (`npm run import-problem`) against this stack, as an admin. */
  function importCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", join(root, "scripts/import-problem.ts"), ...args],
        {
          cwd: root,
          env: { ...process.env, DATABASE_URL: stack.databaseUrl, JUDGE_API_URL: stack.apiUrl, ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password },
        },
        (error, stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr }),
      );
    });
  }

  async function report(slug: string): Promise<VerificationReport> {
    const res = await api<VerificationReport>(stack.apiUrl, `/api/problems/${slug}/verification`, { token: admin });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  }

  it("POST /verify: every submission gets its folder's verdict; the limit is the slowest accepted × the multiplier; people's stats untouched", async () => {
    const zip = zipSync(Object.fromEntries(Object.entries(doubling).map(([p, c]) => [`double-it/${p}`, encoder.encode(c)])));
    const imported = await fetch(`${stack.apiUrl}/api/problems/import?publish=1`, {
      method: "POST",
      headers: { "content-type": "application/zip", authorization: `Bearer ${admin}` },
      body: zip,
    });
    assert.equal(imported.status, 201);
    const view = (await imported.json()) as ProblemAdminView;

    // Someone's own accepted submission: the verification must leave what people see of it alone.
    const user = await registerUser(stack.apiUrl);
    const mine = await submit(stack.apiUrl, user.token, "python", DOUBLE_PY, "double-it");
    const before = await eventually("the user's submission judged", async () => {
      const res = await api<SubmissionView>(stack.apiUrl, `/api/submissions/${mine}`, { token: user.token });
      return res.body.status === "done" && res.body;
    }, { timeoutMs: 120_000, intervalMs: 200 });
    assert.equal(before.verdict, "AC");

    const started = await api<VerificationReport>(stack.apiUrl, "/api/problems/double-it/verify", { token: admin, method: "POST" });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    assert.equal(started.body.phase, "calibrating", "no fixed limit: the accepted ones run first");
    assert.deepEqual(
      started.body.items.filter((i) => i.submissionId !== null).map((i) => i.path),
      ["accepted/double.c", "accepted/double.py"],
    );

    const done = await eventually("the verification complete", async () => {
      const r = await report("double-it");
      return r.complete && r;
    }, { timeoutMs: 240_000, intervalMs: 250 });
    const lines = done.items.map((i) => `${i.path} ${i.verdict} ${i.matches} ${i.skipped}`).join("\n");
    assert.equal(done.passed, true, lines);
    assert.deepEqual(
      done.items.map((i) => [i.path, i.verdict, i.matches, i.skipped]),
      [
        ["accepted/double.c", "AC", true, null],
        ["accepted/double.cob", null, null, "no language here for .cob"],
        ["accepted/double.py", "AC", true, null],
        ["run_time_error/crash.py", "RE", true, null],
        ["time_limit_exceeded/spin.c", "TLE", true, null],
        ["wrong_answer/plus_one.py", "WA", true, null],
      ],
    );

    // The calibration, against the times the report measured.
    const accepted = done.items.filter((i) => i.expected === "accepted" && i.skipped === null);
    const slowest = Math.max(...accepted.map((i) => i.timeMs ?? 0));
    assert.equal(done.calibration?.maxAcceptedMs, slowest);
    assert.equal(done.calibration?.acToTimeLimit, 3);
    assert.equal(done.calibration?.resolutionMs, 1000);
    const expectedLimit = calibratedTimeLimitMs(slowest, { acToTimeLimit: 3, resolutionMs: 1000 });
    assert.equal(expectedLimit % 1000, 0);
    assert.ok(expectedLimit >= slowest * 3);
    assert.equal(done.timeLimitMs, expectedLimit);
    for (const item of accepted) assert.equal(item.timeLimitMs, done.calibration?.generousLimitMs, `${item.path} ran under the generous limit`);
    for (const item of done.items.filter((i) => i.expected !== "accepted")) {
      if (item.skipped === null) assert.equal(item.timeLimitMs, expectedLimit, `${item.path} ran under the calibrated limit`);
    }
    const detail = await api<{ limits: { timeMs: number } }>(stack.apiUrl, "/api/problems/double-it");
    assert.equal(detail.body.limits.timeMs, expectedLimit);
    const prisma = createPrisma(stack.databaseUrl);
    try {
      // The hash the workers fetch tests by follows the limit (it was the generous one's while calibrating).
      const row = await prisma.problem.findUniqueOrThrow({ where: { slug: "double-it" }, include: { tests: true } });
      assert.equal(row.timeLimitMs, expectedLimit);
      assert.equal(row.testsHash, testBundleOf(row).hash);
      assert.equal(row.testsHash === view.testsHash, expectedLimit === 1000, "the import's provisional limit is 1 s");
    } finally {
      await prisma.$disconnect();
    }

    // People's numbers: the 4 judged non-AC package submissions and 2 AC ones count nowhere.
    const list = await api<ProblemPage>(stack.apiUrl, "/api/problems?q=Double", { token: user.token });
    assert.equal(list.body.items.find((p) => p.slug === "double-it")?.acceptanceRate, 1);
    const history = await api<{ items: SubmissionView[] }>(stack.apiUrl, "/api/submissions?problem=double-it", { token: admin });
    assert.deepEqual(history.body.items.map((s) => s.id), [mine]);
    const after = await api<SubmissionView>(stack.apiUrl, `/api/submissions/${mine}`, { token: user.token });
    assert.equal(after.body.stats?.acceptedInLanguage, 1);
    assert.equal(after.body.stats?.fasterThan, 0);
  });

  it("npm run import-problem -- DIR --verify: waits for the judge, prints the table, exits 1 on a mismatch", async () => {
    const dir = join(work, "double-cli");
    const files: Record<string, string> = {
      ...Object.fromEntries(Object.entries(doubling).filter(([p]) => !p.startsWith("submissions/"))),
      "submissions/accepted/double.py": DOUBLE_PY,
      // Mislabelled: it is right, so it gets AC where its folder says WA.
      "submissions/wrong_answer/actually_right.py": DOUBLE_PY,
    };
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
    }
    const result = await importCli(dir, "--verify", "--timeout", "240");
    assert.equal(result.code, 1, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, /created double-cli/);
    assert.match(result.stdout, /^accepted\/double\.py\s+accepted\s+python\s+AC\s+\d+ ms\s+20000 ms\s+ok$/m);
    assert.match(result.stdout, /^wrong_answer\/actually_right\.py\s+wrong_answer\s+python\s+AC\s+\d+ ms\s+\d+ ms\s+MISMATCH$/m);
    assert.match(result.stdout, /time limit: \d+ ms \(largest accepted time \d+ ms × 3, rounded up to 1000 ms\)/);
    assert.match(result.stdout, /1 submission\(s\) did not get what their folder says/);
  });

  /**
   * The packages of test/fixtures/packages (our own, one per layout's features): every
   * submission in them gets what its folder says, through the CLI (a directory with symbolic
   * links, a zip) and the API (a zip).
   */
  it("our own legacy and 2023-07 packages: LaTeX, attachments, a two-file validator with flags, calibration, symlinks, interactive, scoring — every submission as labelled", async () => {
    const fixtures = join(root, "test/fixtures/packages");
    const table = (r: VerificationReport) => r.items.map((i) => `${i.path} ${i.verdict} ${i.score ?? ""}/${i.maxScore ?? ""} ${i.matches} ${i.skipped}`).join("\n");
    const verified = async (slug: string) => {
      const done = await eventually(`${slug} verified`, async () => {
        const r = await report(slug);
        return r.complete && r;
      }, { timeoutMs: 240_000, intervalMs: 250 });
      assert.equal(done.passed, true, table(done));
      assert.deepEqual(done.items.filter((i) => i.skipped !== null), [], "every submission judged");
      return done;
    };

    // Legacy, through the CLI from its directory (data/secret/03-sample.* are links to the sample).
    const pairSum = await importCli(join(fixtures, "pair-sum"), "--publish", "--verify", "--timeout", "240");
    assert.equal(pairSum.code, 0, `${pairSum.stdout}\n${pairSum.stderr}`);
    assert.equal(pairSum.stderr, "", "nothing of the package left out");
    const pairs = await verified("pair-sum");
    assert.deepEqual(
      pairs.items.map((i) => [i.path, i.verdict]),
      [
        ["accepted/Adder.java", "AC"],
        ["accepted/multi", "AC"],
        ["accepted/sum.c", "AC"],
        ["accepted/sum.py", "AC"],
        ["run_time_error/crash.py", "RE"],
        ["time_limit_exceeded/spin.c", "TLE"],
        ["wrong_answer/off_by_one.py", "WA"],
      ],
    );
    assert.equal(pairs.calibration?.acToTimeLimit, 4);
    assert.equal(pairs.timeLimitMs, calibratedTimeLimitMs(pairs.calibration?.maxAcceptedMs ?? 0, { acToTimeLimit: 4, resolutionMs: 1000 }));
    const detail = await api<ProblemDetail>(stack.apiUrl, "/api/problems/pair-sum");
    assert.match(detail.body.statement, /!\[[^\]]*\]\(\/api\/problems\/pair-sum\/files\/pairs\.png\)/, "the LaTeX figure, served by the API");
    assert.match(detail.body.statement, /\$s = a \+ b\$/);
    assert.match(detail.body.statement, /\[notes\.txt\]\(\/api\/problems\/pair-sum\/files\/notes\.txt\)/);
    assert.equal(detail.body.attribution?.license, "cc by-sa");
    assert.equal((await fetch(`${stack.apiUrl}/api/problems/pair-sum/files/pairs.png`)).headers.get("content-type"), "image/png");

    // 2023-07 interactive, through the API as a zip.
    const guessFiles = await filesFromDirectory(join(fixtures, "guess-number"));
    const zip = zipSync(Object.fromEntries([...guessFiles].map(([p, c]) => [`guess-number/${p}`, c])));
    const imported = await fetch(`${stack.apiUrl}/api/problems/import?publish=1`, {
      method: "POST",
      headers: { "content-type": "application/zip", authorization: `Bearer ${admin}` },
      body: zip,
    });
    assert.equal(imported.status, 201, await imported.clone().text());
    assert.deepEqual(((await imported.json()) as PackageImportResult).warnings, []);
    const guess = await api<ProblemDetail>(stack.apiUrl, "/api/problems/guess-number");
    assert.equal(guess.body.interactive, true);
    assert.deepEqual(Object.keys(guess.body.statements ?? {}).sort(), ["en", "sv"]);
    const started = await api<VerificationReport>(stack.apiUrl, "/api/problems/guess-number/verify", { token: admin, method: "POST" });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    assert.deepEqual(
      (await verified("guess-number")).items.map((i) => [i.path, i.verdict]),
      [
        ["accepted/bisect.cpp", "AC"],
        ["accepted/bisect.py", "AC"],
        ["run_time_error/give_up.py", "RE"],
        ["time_limit_exceeded/think_forever.c", "TLE"],
        ["wrong_answer/count_up.py", "WA"],
      ],
    );

    // 2023-07 scoring, through the CLI from a zip: accepted scores the most, partially_accepted less.
    const meanZip = join(work, "mean-value.zip");
    const meanFiles = await filesFromDirectory(join(fixtures, "mean-value"));
    await writeFile(meanZip, zipSync(Object.fromEntries([...meanFiles].map(([p, c]) => [`mean-value/${p}`, c]))));
    const mean = await importCli(meanZip, "--publish", "--verify", "--timeout", "240");
    assert.equal(mean.code, 0, `${mean.stdout}\n${mean.stderr}`);
    assert.deepEqual(
      (await verified("mean-value")).items.map((i) => [i.path, i.verdict, i.score, i.maxScore]),
      [
        ["accepted/mean.py", "AC", 100, 100],
        ["partially_accepted/int32.c", "AC", 30, 100],
        ["wrong_answer/zero.py", "WA", 0, 100],
      ],
    );
  });
});
