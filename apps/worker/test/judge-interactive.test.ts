import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import type { CheckerSpec, TestBundle } from "@judge/protocol";
import type { Judge } from "../src/judge/index.ts";
import { boxProcesses, bundle, createTestJudge, judgeOnce, runRecorder } from "./judge-fixtures.ts";
import { startRunJobHarness } from "./run-job-harness.ts";

let judge: Judge;
beforeAll(async () => {
  judge = await createTestJudge({ only: ["c", "python"] });
});
afterAll(async () => {
  await judge.close();
});

/**
 * Guess the number: the input file holds the secret (1..1000). Each guess gets "lower",
 * "higher" or "correct"; a correct guess within 12 accepts (42), anything else rejects (43).
 * It leaves a judge message in its feedback dir either way.
 */
const guessInteractor = `#include <stdio.h>
#include <string.h>
static void say(const char *dir, const char *text, int tries) {
  char path[4096];
  snprintf(path, sizeof path, "%sjudgemessage.txt", dir);
  FILE *f = fopen(path, "w");
  if (f) { fprintf(f, "%s after %d guesses\\n", text, tries); fclose(f); }
}
int main(int argc, char **argv) {
  if (argc < 4) return 1;
  FILE *in = fopen(argv[1], "r");
  int secret;
  if (!in || fscanf(in, "%d", &secret) != 1) return 1;
  for (int tries = 1; tries <= 12; tries++) {
    int guess;
    if (scanf("%d", &guess) != 1) { say(argv[3], "no guess", tries - 1); return 43; }
    if (guess < 1 || guess > 1000) { say(argv[3], "out of range", tries); return 43; }
    if (guess == secret) { printf("correct\\n"); fflush(stdout); say(argv[3], "guessed", tries); return 42; }
    printf(guess < secret ? "higher\\n" : "lower\\n");
    fflush(stdout);
  }
  say(argv[3], "too many guesses", 12);
  return 43;
}
`;

const interactor: CheckerSpec = { kind: "interactor", language: "c", source: guessInteractor };
const guessBundle = (limits: Partial<TestBundle["limits"]> = {}): TestBundle =>
  bundle([["737\n", ""], ["1\n", ""]], limits, interactor);

const binarySearch = `import sys
lo, hi = 1, 1000
while True:
    mid = (lo + hi) // 2
    print(mid, flush=True)
    reply = input()
    if reply == "correct":
        break
    if reply == "higher":
        lo = mid + 1
    else:
        hi = mid - 1
print("done", file=sys.stderr)
`;

test("a binary search is accepted on every test; the interactor is built once, each test talks over pipes", async () => {
  const outcome = await judgeOnce(judge, "python", binarySearch, guessBundle());
  assert.equal(outcome.verdict, "AC");
  assert.equal(outcome.passed, 2);
  assert.deepEqual(outcome.tests.map((t) => t.verdict), ["AC", "AC"]);
  assert.deepEqual(boxProcesses(), []);
});

test("a guess the interactor rejects is WA, although the submission then dies on the closed pipe", async () => {
  // After "0" the interactor exits 43 first; input() then meets EOF and Python exits 1.
  const outcome = await judgeOnce(judge, "python", "print(0, flush=True)\ninput()\n", guessBundle());
  assert.equal(outcome.verdict, "WA");
  assert.equal(outcome.passed, 0);
  // Its failing test for the owner: the interactor's input and the program's stderr; its
  // stdout went to the interactor, so there is no output or expected output to show.
  assert.equal(outcome.failure?.index, 1);
  assert.equal(outcome.failure?.input, "737\n");
  assert.equal(outcome.failure?.output, null);
  assert.equal(outcome.failure?.expected, null);
  assert.match(outcome.failure?.stderr ?? "", /EOFError/);
});

test("a submission that never answers deadlocks with the interactor: its wall limit makes it TLE", async () => {
  const outcome = await judgeOnce(judge, "python", "import sys\nsys.stdin.readline()\n", guessBundle({ timeMs: 300 }));
  assert.equal(outcome.verdict, "TLE");
  assert.deepEqual(boxProcesses(), [], "neither box outlives the test");
});

test("a submission that exits 1 after a correct first exchange is RE: it ended before the interactor rejected", async () => {
  const code = `print(500, flush=True)\ninput()\nraise SystemExit(1)\n`;
  const outcome = await judgeOnce(judge, "python", code, guessBundle());
  assert.equal(outcome.verdict, "RE");
});

test("the test's input and answer files are not in the submission's box", async () => {
  // If it could read the secret it would guess it at once and be accepted.
  const code = `import sys
secret = None
for path in ["/check/input", "/check/answer", "/check/input.txt"]:
    try:
        secret = int(open(path).read().split()[0])
        break
    except Exception as error:
        print(path, error, file=sys.stderr)
print(secret if secret is not None else 0, flush=True)
`;
  const outcome = await judgeOnce(judge, "python", code, guessBundle());
  assert.equal(outcome.verdict, "WA");
});

test("an interactor that crashes is IE, never the contestant's fault", async () => {
  const crashing: CheckerSpec = { kind: "interactor", language: "python", source: "import sys\nsys.stdin.readline()\nraise RuntimeError('broken interactor')\n" };
  const outcome = await judgeOnce(judge, "python", binarySearch, bundle([["5\n", ""]], {}, crashing));
  assert.equal(outcome.verdict, "IE");
});

test("an interactor that does not compile makes the submission IE, with a message that blames the problem", async () => {
  const broken: CheckerSpec = { kind: "interactor", language: "c", source: "int main(void) { return 42 }\n" };
  const outcome = await judgeOnce(judge, "python", binarySearch, bundle([["5\n", ""]], {}, broken));
  assert.equal(outcome.verdict, "IE");
  assert.match(outcome.compileOutput ?? "", /interactor is broken/);
});

test("Run: the custom input is the interactor's input; stdout shows its judge message, stderr the submission's", async () => {
  const listener = runRecorder();
  const outcome = await judge.run(
    { language: "python", code: binarySearch, input: "42\n", limits: { timeMs: 2000, memoryKb: 256 * 1024 }, interactive: { bundle: guessBundle() } },
    listener,
  );
  assert.equal(outcome.verdict, "AC");
  assert.match(outcome.output?.stdout ?? "", /^guessed after \d+ guesses\n$/);
  assert.equal(outcome.output?.stderr, "done\n");
  assert.deepEqual(listener.seen, ["compiling", "running"]);

  const rejected = await judge.run(
    { language: "python", code: "print(2000, flush=True)\n", input: "42\n", limits: { timeMs: 2000, memoryKb: 256 * 1024 }, interactive: { bundle: guessBundle() } },
    runRecorder(),
  );
  assert.equal(rejected.verdict, "WA");
  assert.equal(rejected.output?.stdout, "out of range after 1 guesses\n");
});

test("the Run job of an interactive problem fetches the bundle and publishes the interactor's message as stdout", async () => {
  const served = { ...guessBundle(), hash: "d".repeat(64) };
  const runs = await startRunJobHarness(judge, { "p-guess": served });
  try {
    const view = await runs.run(
      { language: "python", code: binarySearch, input: "999\n", limits: served.limits, interactive: { problemId: "p-guess", testsHash: served.hash } },
      "guess",
    );
    assert.equal(view?.verdict, "AC", JSON.stringify(view));
    assert.match(view?.output?.stdout ?? "", /^guessed after \d+ guesses\n$/);
    assert.equal(view?.output?.stderr, "done\n");
  } finally {
    await runs.close();
  }
});
