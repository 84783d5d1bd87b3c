import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import type { DesignSignature, FunctionSignature } from "@judge/protocol";
import type { Judge } from "../src/judge/index.ts";
import { boxProcesses, createTestJudge, recorder, runRecorder } from "./judge-fixtures.ts";
import { functionBundle } from "./function-fixtures/bundles.ts";

const MiB = 2 ** 20;

let judge: Judge;
beforeAll(async () => {
  // A small output cap, so the result flood below ends quickly.
  judge = await createTestJudge({ only: ["python", "lua"], limits: { outputBytes: 4 * MiB } });
});
afterAll(async () => {
  await judge.close();
});

const twoSum: FunctionSignature = {
  kind: "function",
  name: "twoSum",
  params: [
    { name: "nums", type: "integer[]" },
    { name: "target", type: "integer" },
  ],
  returns: "integer[]",
};
const twoSumTests: Array<[string, string]> = [
  ["[2,7,11,15]\n9", "[0,1]"],
  ["[3,2,4]\n6", "[1,2]"],
  ["[3,3]\n6", "[0,1]"],
];
const twoSumBundle = (limits = {}) => functionBundle(twoSum, twoSumTests, { limits, references: [{ language: "python", code: twoSumOk }] });

/** A pasted LeetCode solution: no imports, relying on the prelude's List. */
const twoSumOk = [
  "class Solution:",
  "    def twoSum(self, nums: List[int], target: int) -> List[int]:",
  "        seen = defaultdict(int)",
  "        for i, x in enumerate(nums):",
  "            if target - x in seen:",
  "                return [seen[target - x], i]",
  "            seen[x] = i",
  "",
].join("\n");

/** Right on the first case only, printing on every case. */
const twoSumFirstOnly = [
  "class Solution:",
  "    def twoSum(self, nums: List[int], target: int) -> List[int]:",
  "        print('looking at', nums)",
  "        return [0, 1]",
  "",
].join("\n");

function code(lines: string[]): string {
  return `${lines.join("\n")}\n`;
}

test("AC: every case in one process, each result published as it arrives, time and memory per case", async () => {
  const listener = recorder();
  const outcome = await judge.judge({ language: "python", code: twoSumOk, bundle: twoSumBundle() }, listener);
  assert.equal(outcome.verdict, "AC", JSON.stringify(outcome));
  assert.equal(outcome.passed, 3);
  assert.deepEqual(listener.steps, [
    "compiling",
    "running 1/3", "tested 1/3 AC",
    "running 2/3", "tested 2/3 AC",
    "running 3/3", "tested 3/3 AC",
  ]);
  assert.ok(outcome.tests.every((t) => t.memoryKb > 0));
  assert.equal(outcome.memoryKb, Math.max(...outcome.tests.map((t) => t.memoryKb)));
  assert.equal(outcome.failure ?? null, null);
  assert.deepEqual(boxProcesses(), []);
});

test("WA stops at the first failing case and reports it: input, output, expected and that case's stdout", async () => {
  const listener = recorder();
  const outcome = await judge.judge({ language: "python", code: twoSumFirstOnly, bundle: twoSumBundle() }, listener);
  assert.equal(outcome.verdict, "WA");
  assert.equal(outcome.passed, 1);
  assert.deepEqual(outcome.tests.map((t) => t.verdict), ["AC", "WA"]);
  assert.deepEqual(outcome.failure, {
    index: 2,
    input: "[3,2,4]\n6",
    output: "[0,1]",
    expected: "[1,2]",
    stdout: "looking at [3, 2, 4]\n",
    verdict: "WA",
  });
});

test("TLE on the one slow case, after the fast ones passed", async () => {
  const slow = code([
    "class Solution:",
    "    def twoSum(self, nums: List[int], target: int) -> List[int]:",
    "        if nums == [3, 2, 4]:",
    "            while True: pass",
    "        return [0, 1]",
  ]);
  const outcome = await judge.judge({ language: "python", code: slow, bundle: twoSumBundle({ timeMs: 500 }) }, recorder());
  assert.equal(outcome.verdict, "TLE", JSON.stringify(outcome));
  assert.deepEqual(outcome.tests.map((t) => t.verdict), ["AC", "TLE"]);
  assert.ok(outcome.tests[1]!.timeMs >= 500, `cpu ${outcome.tests[1]!.timeMs}`);
  assert.equal(outcome.failure?.index, 2);
  assert.equal(outcome.failure?.output, null);
  assert.deepEqual(boxProcesses(), []);
});

test("RE when the program exits early, even with status 0, and on an exception", async () => {
  const exits = code([
    "import sys",
    "class Solution:",
    "    def twoSum(self, nums: List[int], target: int) -> List[int]:",
    "        if nums == [3, 2, 4]:",
    "            sys.exit(0)",
    "        return [0, 1]",
  ]);
  const early = await judge.judge({ language: "python", code: exits, bundle: twoSumBundle() }, recorder());
  assert.equal(early.verdict, "RE");
  assert.deepEqual(early.tests.map((t) => t.verdict), ["AC", "RE"]);
  const raises = code(["class Solution:", "    def twoSum(self, nums, target):", "        raise ValueError('boom')"]);
  const crashed = await judge.judge({ language: "python", code: raises, bundle: twoSumBundle() }, recorder());
  assert.equal(crashed.verdict, "RE");
  assert.equal(crashed.failure?.index, 1);
});

test("MLE when a case allocates past the memory limit", async () => {
  const hog = code([
    "class Solution:",
    "    def twoSum(self, nums: List[int], target: int) -> List[int]:",
    "        x = bytearray(512 << 20)",
    "        return [0, len(x)]",
  ]);
  const outcome = await judge.judge({ language: "python", code: hog, bundle: twoSumBundle({ memoryKb: 64 * 1024 }) }, recorder());
  assert.equal(outcome.verdict, "MLE", JSON.stringify(outcome));
});

test("OLE when the program floods the results descriptor", async () => {
  const flood = code([
    "import os",
    "class Solution:",
    "    def twoSum(self, nums: List[int], target: int) -> List[int]:",
    "        while True: os.write(3, b'7' * 65536)",
  ]);
  const outcome = await judge.judge({ language: "python", code: flood, bundle: twoSumBundle() }, recorder());
  assert.equal(outcome.verdict, "OLE", JSON.stringify(outcome));
});

test("CE for a syntax error in the user's code, with the user's own file and line", async () => {
  const broken = code(["class Solution:", "    def twoSum(self, nums: List[int], target: int) -> List[int]:", "        return [0, 1", ""]);
  const outcome = await judge.judge({ language: "python", code: broken, bundle: twoSumBundle() }, recorder());
  assert.equal(outcome.verdict, "CE");
  assert.match(outcome.compileOutput ?? "", /solution\.py", line 3/);
  assert.equal(outcome.tests.length, 0);
});

test("CE with a clear message for a language that has no LeetCode-style driver", async () => {
  const outcome = await judge.judge({ language: "lua", code: "print(1)", bundle: twoSumBundle() }, recorder());
  assert.equal(outcome.verdict, "CE");
  assert.match(outcome.compileOutput ?? "", /Lua.*no LeetCode-style driver/);
});

test("a void in-place method is checked through its argument", async () => {
  const reverse: FunctionSignature = {
    kind: "function",
    name: "reverseString",
    params: [{ name: "s", type: "character[]" }],
    returns: "void",
    output: { paramIndex: 0 },
  };
  const b = functionBundle(reverse, [['["h","e","l","l","o"]', '["o","l","l","e","h"]'], ["[]", "[]"]]);
  const right = code(["class Solution:", "    def reverseString(self, s: List[str]) -> None:", "        s.reverse()"]);
  assert.equal((await judge.judge({ language: "python", code: right, bundle: b }, recorder())).verdict, "AC");
  // Returning the answer instead of changing the argument is not it.
  const copy = code(["class Solution:", "    def reverseString(self, s: List[str]) -> None:", "        return s[::-1]"]);
  const wrong = await judge.judge({ language: "python", code: copy, bundle: b }, recorder());
  assert.equal(wrong.verdict, "WA");
  assert.equal(wrong.failure?.output, '["h","e","l","l","o"]');
});

const counter: DesignSignature = {
  kind: "design",
  className: "Counter",
  constructorParams: [{ name: "start", type: "integer" }],
  methods: [
    { name: "add", params: [{ name: "n", type: "integer" }], returns: "void" },
    { name: "total", params: [], returns: "integer" },
    { name: "history", params: [], returns: "list<integer>" },
  ],
};
const counterTests: Array<[string, string]> = [
  ['["Counter","add","total","add","total","history"]\n[[5],[2],[],[3],[],[]]', "[null,null,7,null,10,[2,3]]"],
  ['["Counter","total"]\n[[0],[]]', "[null,0]"],
];

test("a design problem: the constructor and each call, one result per call", async () => {
  const right = code([
    "class Counter:",
    "    def __init__(self, start: int):",
    "        self.value, self.added = start, []",
    "    def add(self, n: int) -> None:",
    "        self.value += n",
    "        self.added.append(n)",
    "    def total(self) -> int:",
    "        return self.value",
    "    def history(self) -> List[int]:",
    "        return self.added",
  ]);
  const b = functionBundle(counter, counterTests);
  const outcome = await judge.judge({ language: "python", code: right, bundle: b }, recorder());
  assert.equal(outcome.verdict, "AC", JSON.stringify(outcome));
  const forgetful = right.replace("self.value += n", "pass");
  const wrong = await judge.judge({ language: "python", code: forgetful, bundle: b }, recorder());
  assert.equal(wrong.verdict, "WA");
  assert.equal(wrong.failure?.output, "[null,null,5,null,5,[2,3]]");
});


test("Run: every case, the reference's answer as expected, each case's own stdout", async () => {
  const listener = runRecorder();
  const outcome = await judge.run(
    {
      language: "python",
      code: twoSumFirstOnly,
      input: "[2,7,11,15]\n9\n\n[3,2,4]\n6\n[1,5,5]\n10\n",
      limits: { timeMs: 10_000, memoryKb: 256 * 1024 },
      function: { bundle: twoSumBundle() },
    },
    listener,
  );
  assert.deepEqual(listener.seen, ["compiling", "running"]);
  assert.equal(outcome.verdict, "WA");
  assert.equal(outcome.passed, 1);
  assert.equal(outcome.total, 3);
  assert.deepEqual(
    outcome.output?.cases?.map((c) => [c.index, c.input, c.output, c.expected, c.stdout, c.verdict]),
    [
      [1, "[2,7,11,15]\n9", "[0,1]", "[0,1]", "looking at [2, 7, 11, 15]\n", "AC"],
      [2, "[3,2,4]\n6", "[0,1]", "[1,2]", "looking at [3, 2, 4]\n", "WA"],
      // Run goes on after a mismatch.
      [3, "[1,5,5]\n10", "[0,1]", "[1,2]", "looking at [1, 5, 5]\n", "WA"],
    ],
  );
  const right = await judge.run(
    { language: "python", code: twoSumOk, input: "[3,3]\n6", limits: { timeMs: 10_000, memoryKb: 256 * 1024 }, function: { bundle: twoSumBundle() } },
    runRecorder(),
  );
  assert.equal(right.verdict, "AC");
  assert.equal(right.output?.cases?.[0]?.expected, "[0,1]");
});

test("Run: input that does not fit the signature gets a clear message, not an internal error", async () => {
  const outcome = await judge.run(
    { language: "python", code: twoSumOk, input: "[1,2]\n", limits: { timeMs: 10_000, memoryKb: 256 * 1024 }, function: { bundle: twoSumBundle() } },
    runRecorder(),
  );
  assert.equal(outcome.verdict, "CE");
  assert.match(outcome.compileOutput ?? "", /invalid test case input: each case has 2 lines/);
  const typed = await judge.run(
    { language: "python", code: twoSumOk, input: '["a"]\n1', limits: { timeMs: 10_000, memoryKb: 256 * 1024 }, function: { bundle: twoSumBundle() } },
    runRecorder(),
  );
  assert.match(typed.compileOutput ?? "", /nums\[0\]: expected a 32-bit integer/);
});

test("a checker program decides instead of the comparison: testlib with the input lines, expected and result JSON", async () => {
  // Accepts any pair of indices that sums to the target, as the problem allows.
  const checker = code([
    "import sys, json",
    "inp, out, ans = (open(p).read() for p in sys.argv[1:4])",
    "nums_line, target_line = inp.strip().split('\\n')",
    "nums, target, got = json.loads(nums_line), json.loads(target_line), json.loads(out)",
    "ok = isinstance(got, list) and len(got) == 2 and got[0] != got[1] and nums[got[0]] + nums[got[1]] == target",
    "sys.exit(0 if ok else 1)",
  ]);
  const reversed = twoSumOk.replace("return [seen[target - x], i]", "return [i, seen[target - x]]");
  const b = functionBundle(twoSum, twoSumTests, { checker: { kind: "program", language: "python", source: checker, convention: "testlib" } });
  assert.equal((await judge.judge({ language: "python", code: reversed, bundle: b }, recorder())).verdict, "AC");
  assert.equal((await judge.judge({ language: "python", code: twoSumFirstOnly, bundle: b }, recorder())).verdict, "WA");
});

test("python: LeetCode's prelude without import lines, builtins unshadowed, and tracebacks with the user's own lines", async () => {
  const pasted = code([
    "class Solution:",
    "    def twoSum(self, nums: List[int], target: int) -> List[int]:",
    "        heap: List[int] = []",
    "        heappush(heap, 3)",
    "        assert heappop(heap) == 3 and bisect_left([1, 2, 3], 2) == 1",
    "        assert Counter('aab')['a'] == 2 and deque([1]).popleft() == 1 and isinstance(defaultdict(int), OrderedDict) is False",
    "        assert gcd(12, 18) == 6 and comb(5, 2) == 10 and inf > 10 ** 18 and sqrt(16) == 4",
    "        assert list(accumulate([1, 2])) == [1, 3] and reduce(lambda a, b: a * b, [2, 3]) == 6",
    "        assert ascii_lowercase[0] == 'a' and pow(2, 10, 1000) == 24 and heapq.nlargest(1, [1, 5]) == [5]",
    "        @lru_cache(None)",
    "        def fib(n: int) -> int:",
    "            return n if n < 2 else fib(n - 1) + fib(n - 2)",
    "        assert fib(80) == 23416728348467685",
    "        node: Optional[ListNode] = ListNode(1)",
    "        if target == 6 and nums == [3, 3]:",
    "            raise KeyError('line 16')",
    "        return [0, 1]",
  ]);
  const outcome = await judge.run(
    { language: "python", code: pasted, input: "[2,7,11,15]\n9\n[3,3]\n6", limits: { timeMs: 10_000, memoryKb: 256 * 1024 }, function: { bundle: twoSumBundle() } },
    runRecorder(),
  );
  assert.deepEqual(outcome.output?.cases?.map((c) => c.verdict), ["AC", "RE"], outcome.output?.stderr);
  assert.match(outcome.output?.stderr ?? "", /File "\/prog\/solution\.py", line 16, in twoSum\n/);
  assert.equal(outcome.verdict, "RE");
});

test(
  "a program that lingers after its last answer is judged on its answers, and not waited for",
  async () => {
    const lingering = code([
      "import threading, time",
      "threading.Thread(target=time.sleep, args=(3600,)).start()",
      twoSumOk,
    ]);
    // Without the stop after the last line this would wait out the run's wall backstop (over a minute).
    const outcome = await judge.judge({ language: "python", code: lingering, bundle: twoSumBundle() }, recorder());
    assert.equal(outcome.verdict, "AC", JSON.stringify(outcome));
    assert.deepEqual(boxProcesses(), []);
  },
  30_000,
);
