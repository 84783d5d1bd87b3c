import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, test } from "vitest";
import type { FunctionSignature, Verdict } from "@judge/protocol";
import type { Judge } from "../src/judge/index.ts";
import { boxProcesses, createTestJudge, recorder } from "./judge-fixtures.ts";
import { functionBundle } from "./function-fixtures/bundles.ts";

/**
 * The driver runs in the user's process, so the user can do anything it can: none of that may
 * turn a wrong solution into AC. The problem: `double(x) = 2x`; every hostile solution below
 * answers wrong (or not at all) through the driver.
 */
let judge: Judge;
beforeAll(async () => {
  judge = await createTestJudge({ only: ["python"] });
});
afterAll(async () => {
  await judge.close();
});

const doubleIt: FunctionSignature = { kind: "function", name: "double", params: [{ name: "x", type: "integer" }], returns: "integer" };
const tests: Array<[string, string]> = [
  ["1", "2"],
  ["21", "42"],
  ["50", "100"],
];
const b = functionBundle(doubleIt, tests);

function code(lines: string[]): string {
  return `${lines.join("\n")}\n`;
}

const wrongBody = ["class Solution:", "    def double(self, x: int) -> int:", "        return x + 1"];

async function verdictOf(source: string): Promise<{ verdict: Verdict; passed: number; stdout: string }> {
  const outcome = await judge.judge({ language: "python", code: source, bundle: b }, recorder());
  assert.deepEqual(boxProcesses(), []);
  return { verdict: outcome.verdict, passed: outcome.passed, stdout: outcome.failure?.stdout ?? "" };
}

test("the reference point: the right solution is AC, the wrong one WA", async () => {
  assert.equal((await verdictOf(code(["class Solution:", "    def double(self, x: int) -> int:", "        return 2 * x"]))).verdict, "AC");
  assert.equal((await verdictOf(code(wrongBody))).verdict, "WA");
});

test("fake result lines on stdout are only prints", async () => {
  const faker = code([
    "import sys",
    "print('2\\n42\\n100')",
    "sys.stdout.flush()",
    "class Solution:",
    "    def double(self, x: int) -> int:",
    "        print(2 * x)",
    "        return x + 1",
  ]);
  assert.equal((await verdictOf(faker)).verdict, "WA");
});

test("lines written to fd 3 by the user are claims that shift the driver's, never a pass", async () => {
  // A line of its own ahead of the driver's: cases are judged by position, so it is case 1's
  // result (not JSON: WA), and every answer of the driver moves down a case.
  const ahead = code([
    "import os",
    "class Solution:",
    "    calls = 0",
    "    def double(self, x: int) -> int:",
    "        Solution.calls += 1",
    "        if Solution.calls == 1: os.write(3, b'not json\\n')",
    "        return x + 1",
  ]);
  assert.equal((await verdictOf(ahead)).verdict, "WA");
  // Claiming the answers it guessed right, then exiting before the driver can add more.
  const claims = code(["import os", "os.write(3, b'2\\n42\\n99\\n')", "os._exit(0)"]);
  const claimed = await verdictOf(claims);
  assert.equal(claimed.verdict, "WA");
  assert.equal(claimed.passed, 2);
});

test("patching the driver's output function changes nothing but the claims", async () => {
  const patcher = code([
    "import __main__, os",
    "__main__._emit = lambda line: os.write(3, b'2\\n')",
    ...wrongBody,
  ]);
  const patched = await verdictOf(patcher);
  assert.equal(patched.verdict, "WA");
  assert.equal(patched.passed, 1);
  // Silencing it: no result at all is a runtime error of the first case.
  const silencer = code(["import __main__", "__main__._emit = lambda line: None", ...wrongBody]);
  assert.equal((await verdictOf(silencer)).verdict, "RE");
});

test("exiting with status 0 before answering is RE, never AC", async () => {
  assert.equal((await verdictOf(code(["import os", "os._exit(0)"]))).verdict, "RE");
  const partly = code([
    "import os, sys",
    "class Solution:",
    "    def double(self, x: int) -> int:",
    "        if x == 21: sys.exit(0)",
    "        return 2 * x",
  ]);
  const outcome = await verdictOf(partly);
  assert.equal(outcome.verdict, "RE");
  assert.equal(outcome.passed, 1);
});

test("the driver's source and the whole box hold no expected output", async () => {
  const secret = `zq${randomBytes(8).toString("hex")}`;
  const echo: FunctionSignature = { kind: "function", name: "guess", params: [{ name: "s", type: "string" }], returns: "string" };
  const secretBundle = functionBundle(echo, [['"ask"', JSON.stringify(secret)]]);
  // Reads main.py, then every readable file under the roots a program can see, looking for the
  // secret's prefix; returns what follows it, or a miss.
  const searcher = code([
    "import os, re",
    "class Solution:",
    "    def guess(self, s: str) -> str:",
    "        driver = open(os.path.join(os.path.dirname(os.path.abspath(__import__('__main__').__file__)), 'main.py')).read()",
    "        print('driver bytes', len(driver))",
    "        pattern = re.compile(rb'zq[0-9a-f]{16}')",
    "        scanned = 0",
    "        for root in ('/prog', '/box', '/tmp', '/proc/self', '/etc', '/dev/shm'):",
    "            for folder, dirs, files in os.walk(root):",
    "                if folder.startswith('/proc/self/') and folder.count('/') > 4: dirs[:] = []",
    "                for name in files:",
    "                    try:",
    "                        with open(os.path.join(folder, name), 'rb') as f: data = f.read(1 << 20)",
    "                    except Exception: continue",
    "                    scanned += 1",
    "                    m = pattern.search(data)",
    "                    if m: return m.group(0).decode()",
    "        m = pattern.search(driver.encode()) or pattern.search(repr(os.environ).encode())",
    "        if m: return m.group(0).decode()",
    "        print('scanned', scanned)",
    "        return 'missed'",
  ]);
  const outcome = await judge.judge({ language: "python", code: searcher, bundle: secretBundle }, recorder());
  assert.equal(outcome.verdict, "WA", JSON.stringify(outcome));
  assert.equal(outcome.failure?.output, '"missed"');
  assert.match(outcome.failure?.stdout ?? "", /driver bytes \d+\nscanned \d+/);
  assert.ok(Number(/scanned (\d+)/.exec(outcome.failure?.stdout ?? "")?.[1]) > 3);
});
