import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import { MAX_RUN_OUTPUT_BYTES } from "@judge/protocol";
import type { Judge, RunRequest } from "../src/judge/index.ts";
import { createTestJudge, runRecorder } from "./judge-fixtures.ts";

let judge: Judge;
beforeAll(async () => {
  judge = await createTestJudge({ only: ["python", "c"] });
});
afterAll(async () => {
  await judge.close();
});

const limits = { timeMs: 10_000, memoryKb: 256 * 1024 };


function run(request: Partial<RunRequest> & Pick<RunRequest, "code">, listener = runRecorder()) {
  return judge.run({ language: "python", input: "", limits, ...request }, listener);
}

test("run: AC with the program's stdout, stderr and exit code, steps in order", async () => {
  const listener = runRecorder();
  const code = "import sys\na, b = map(int, input().split())\nprint(a + b)\nprint('note', file=sys.stderr)\n";
  const outcome = await run({ code, input: "40 2\n" }, listener);
  assert.equal(outcome.verdict, "AC", JSON.stringify(outcome));
  assert.deepEqual(outcome.output, { stdout: "42\n", stderr: "note\n", exitCode: 0, truncated: false });
  assert.deepEqual(listener.seen, ["compiling", "running"]);
  assert.equal(outcome.compileOutput, null);
  assert.ok(outcome.timeMs !== null && outcome.memoryKb !== null && outcome.memoryKb > 0);
});

test("run: RE on a non-zero exit, with what it printed before", async () => {
  const outcome = await run({ code: "import sys\nprint('partial')\nsys.exit(3)\n" });
  assert.equal(outcome.verdict, "RE");
  assert.equal(outcome.output?.stdout, "partial\n");
  assert.equal(outcome.output?.exitCode, 3);
});

test("run: TLE on an endless loop", async () => {
  const outcome = await run({ code: "while True:\n    pass\n", limits: { timeMs: 300, memoryKb: 256 * 1024 } });
  assert.equal(outcome.verdict, "TLE");
});

test("run: each stream is cut at MAX_RUN_OUTPUT_BYTES and marked truncated", async () => {
  const outcome = await run({ code: `print('x' * ${MAX_RUN_OUTPUT_BYTES * 2})\n` });
  assert.equal(outcome.verdict, "AC");
  assert.equal(outcome.output?.stdout.length, MAX_RUN_OUTPUT_BYTES);
  assert.equal(outcome.output?.truncated, true);
});

test("run: CE carries the compiler's message and no output; the same source compiles once", async () => {
  const outcome = await run({ language: "c", code: "int main(void) { return nope; }\n" });
  assert.equal(outcome.verdict, "CE");
  assert.equal(outcome.output, null);
  assert.match(outcome.compileOutput ?? "", /nope/);
  const ok = "#include <stdio.h>\nint main(void){int a,b;scanf(\"%d %d\",&a,&b);printf(\"%d\\n\",a*b);return 0;}\n";
  const first = await run({ language: "c", code: ok, input: "6 7" });
  const second = await run({ language: "c", code: ok, input: "3 3" });
  assert.equal(first.output?.stdout, "42\n");
  assert.equal(second.output?.stdout, "9\n");
});

test("run: a language this worker lacks is IE with no output", async () => {
  const outcome = await run({ language: "cpp", code: "int main(){}" });
  assert.equal(outcome.verdict, "IE");
  assert.equal(outcome.output, null);
});
