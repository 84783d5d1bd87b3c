import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { Judge } from "../src/judge/index.ts";
import { bundle, createTestJudge, judgeOnce, sharedCacheDir, verdictSuite } from "./judge-fixtures.ts";

let judge: Judge;
beforeAll(async () => {
  judge = await createTestJudge({ only: ["cpp", "c"] });
});
afterAll(async () => {
  await judge.close();
});

const header = "#include <bits/stdc++.h>\nusing namespace std;\n";

describe("cpp verdicts", () => {
  verdictSuite(() => judge, "cpp", {
    ac: `${header}int main() { long long a, b; cin >> a >> b; cout << a + b << "\\n"; }\n`,
    wa: `${header}int main() { long long a, b; cin >> a >> b; cout << a - b << "\\n"; }\n`,
    tle: `${header}int main() { volatile unsigned long x = 0; for (;;) x++; }\n`,
    re: `${header}int main() { vector<int> v; return 3; }\n`,
    mle: `${header}int main() { vector<char> v(512u << 20, 1); cout << accumulate(v.begin(), v.end(), 0LL) << endl; }\n`,
  });
});

test("cpp: CE carries the compiler's message", async () => {
  const outcome = await judgeOnce(judge, "cpp", `${header}int main() { return undeclared_thing; }\n`, bundle([["", ""]]));
  assert.equal(outcome.verdict, "CE");
  assert.equal(outcome.passed, 0);
  assert.deepEqual(outcome.tests, []);
  assert.equal(outcome.timeMs, null);
  assert.match(outcome.compileOutput ?? "", /undeclared_thing/);
  assert.ok(Buffer.byteLength(outcome.compileOutput ?? "") <= 8 * 1024 + 64);
});

test("cpp: a huge compiler message is truncated", async () => {
  // Thousands of errors, each with a long line of context.
  const lines = Array.from({ length: 2000 }, (_, i) => `int f${i}() { return missing_${i}; }`).join("\n");
  const outcome = await judgeOnce(judge, "cpp", `${lines}\nint main() {}\n`, bundle([["", ""]]));
  assert.equal(outcome.verdict, "CE");
  assert.ok(Buffer.byteLength(outcome.compileOutput ?? "") <= 8 * 1024 + 64);
  assert.match(outcome.compileOutput ?? "", /truncated/);
});

test("cpp: a segfault is RE", async () => {
  const outcome = await judgeOnce(judge, "cpp", `${header}int main() { int *p = nullptr; *p = 1; cout << *p; }\n`, bundle([["", ""]]));
  assert.equal(outcome.verdict, "RE");
});

test("cpp: deep recursion fits in the generous stack", async () => {
  const code = `${header}int f(int n) { volatile int pad[8]; pad[0] = n; return n == 0 ? 0 : 1 + f(n - 1) + pad[0] * 0; }\nint main() { cout << f(1000000) << endl; }\n`;
  const outcome = await judgeOnce(judge, "cpp", code, bundle([["", "1000000\n"]]));
  assert.equal(outcome.verdict, "AC", JSON.stringify(outcome));
});

test("cpp: compiled once per source, then served from the cache", async () => {
  const code = `${header}// cache probe ${process.pid} ${Date.now()}\nint main() { long long a, b; cin >> a >> b; cout << a + b; }\n`;
  const entries = async () => (await readdir(join(sharedCacheDir, "artifacts", "cpp"))).length;
  const first = await judgeOnce(judge, "cpp", code, bundle([["1 2", "3"]]));
  assert.equal(first.verdict, "AC");
  const count = await entries();
  const second = await judgeOnce(judge, "cpp", code, bundle([["3 4", "7"]]));
  assert.equal(second.verdict, "AC");
  assert.equal(await entries(), count);
});

test("c: AC and CE", async () => {
  const ac = "#include <stdio.h>\nint main(void) { long long a, b; scanf(\"%lld %lld\", &a, &b); printf(\"%lld\\n\", a + b); return 0; }\n";
  assert.equal((await judgeOnce(judge, "c", ac, bundle([["1 2", "3"]]))).verdict, "AC");
  const ce = await judgeOnce(judge, "c", "int main(void) { return nope; }\n", bundle([["", ""]]));
  assert.equal(ce.verdict, "CE");
  assert.match(ce.compileOutput ?? "", /nope/);
});
