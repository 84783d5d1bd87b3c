import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import type { Judge } from "../src/judge/index.ts";
import { bundle, createTestJudge, boxProcesses, judgeOnce } from "./judge-fixtures.ts";

let judge: Judge;
beforeAll(async () => {
  judge = await createTestJudge({
    only: ["python", "cpp"],
    limits: { outputBytes: 1024 * 1024, compile: { cpuMs: 5000, wallMs: 10_000, memoryBytes: 512 * 1024 * 1024 } },
  });
});
afterAll(async () => {
  await judge.close();
});

const sum = bundle([["1 2\n", "3\n"]]);
const pythonSum = "a, b = map(int, input().split())\nprint(a + b)\n";

test("fork bombs get a verdict, leave nothing behind, and the judge goes on", async () => {
  const py = await judgeOnce(judge, "python", "import os\nwhile True:\n    os.fork()\n", bundle([["", ""]], { timeMs: 1000 }));
  assert.ok(["TLE", "RE", "MLE"].includes(py.verdict), py.verdict);
  const cpp = await judgeOnce(judge, "cpp", "#include <unistd.h>\nint main() { for (;;) fork(); }\n", bundle([["", ""]], { timeMs: 1000 }));
  assert.ok(["TLE", "RE", "MLE"].includes(cpp.verdict), cpp.verdict);
  assert.deepEqual(boxProcesses(), []);
  assert.equal((await judgeOnce(judge, "python", pythonSum, sum)).verdict, "AC");
});

test("output flood is OLE", async () => {
  const outcome = await judgeOnce(judge, "python", "import sys\nwhile True:\n    sys.stdout.write('flood' * 10000)\n", sum);
  assert.equal(outcome.verdict, "OLE");
  assert.deepEqual(boxProcesses(), []);
});

test("no network from a submission", async () => {
  const code = "import socket\ntry:\n    socket.create_connection(('127.0.0.1', 6379), timeout=3)\n    print('connected')\nexcept OSError:\n    print('blocked')\n";
  assert.equal((await judgeOnce(judge, "python", code, bundle([["", "blocked"]]))).verdict, "AC");
});

test("a submission cannot read worker files or the expected output", async () => {
  const code = [
    "import os",
    "seen = [p for p in ['/work', '/root', '/tmp/judge-worker-test-cache', '/etc/passwd'] if os.path.exists(p)]",
    "print('seen', *seen)",
  ].join("\n");
  assert.equal((await judgeOnce(judge, "python", code, bundle([["", "seen"]]))).verdict, "AC");
});

test("a compiler bomb (#include of an endless device) is stopped by the compile limits as CE", async () => {
  const outcome = await judgeOnce(judge, "cpp", '#include "/dev/zero"\nint main() {}\n', sum);
  assert.equal(outcome.verdict, "CE");
  assert.match(outcome.compileOutput ?? "", /compilation (time|memory|output) limit exceeded/);
  assert.deepEqual(boxProcesses(), []);
});

test("symlink planted in /box by the program does not escape (tmpfs scratch is private)", async () => {
  const code = "import os\nos.symlink('/etc/shadow', '/box/out')\nprint(open('/box/out').read() if os.path.exists('/box/out') else 'nothing')\n";
  assert.equal((await judgeOnce(judge, "python", code, bundle([["", "nothing"]]))).verdict, "AC");
});
