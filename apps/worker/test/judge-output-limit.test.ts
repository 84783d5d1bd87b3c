import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import type { Judge } from "../src/judge/index.ts";
import { bundle, createTestJudge, judgeOnce } from "./judge-fixtures.ts";

/** Writes n bytes to stdout: n-1 x's and a newline (n read from stdin). */
const writesN = "import sys\nn = int(sys.stdin.readline())\nsys.stdout.write('x' * (n - 1) + '\\n')\n";
const KiB = 1024;

let judge: Judge;
beforeAll(async () => {
  judge = await createTestJudge({ only: ["python"] });
});
afterAll(async () => {
  await judge?.close();
});

test("a problem's outputKb caps a submission's stdout: exactly the limit is judged, one byte more is OLE", async () => {
  const limit = 64 * KiB;
  const exactly = bundle([[`${limit}\n`, `${"x".repeat(limit - 1)}\n`]], { outputKb: limit / KiB });
  assert.equal((await judgeOnce(judge, "python", writesN, exactly)).verdict, "AC");
  const over = bundle([[`${limit + 1}\n`, `${"x".repeat(limit)}\n`]], { outputKb: limit / KiB });
  const outcome = await judgeOnce(judge, "python", writesN, over);
  assert.equal(outcome.verdict, "OLE", JSON.stringify(outcome));
  // The judge's own cap (64 MiB) would have let it through: the problem's limit did this.
  assert.equal((await judgeOnce(judge, "python", writesN, bundle([[`${limit + 1}\n`, `${"x".repeat(limit)}\n`]]))).verdict, "AC");
});
