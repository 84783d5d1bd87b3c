import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import type { Judge } from "../src/judge/index.ts";
import { bundle, createTestJudge, judgeOnce } from "./judge-fixtures.ts";

let judge: Judge;
beforeAll(async () => {
  judge = await createTestJudge({ only: ["python"] });
});
afterAll(async () => {
  await judge.close();
});

const tests = [["2\n", "Yes\n1.41421356\n"]] as Array<[string, string]>;

test("the Kattis default validator judges a real run: line breaks and case ignored by default", async () => {
  const checker = { kind: "kattis-default", caseSensitive: false, spaceChangeSensitive: false } as const;
  assert.equal((await judgeOnce(judge, "python", "input()\nprint('YES 1.41421356')\n", bundle(tests, {}, checker))).verdict, "AC");
  assert.equal((await judgeOnce(judge, "python", "input()\nprint('YES 1.414214')\n", bundle(tests, {}, checker))).verdict, "WA");
});

test("with float_tolerance 1e-6 and case_sensitive: near floats pass, the wrong case fails", async () => {
  const checker = { kind: "kattis-default", caseSensitive: true, spaceChangeSensitive: false, floatAbs: 1e-6, floatRel: 1e-6 } as const;
  assert.equal((await judgeOnce(judge, "python", "input()\nprint('Yes', 2 ** 0.5)\n", bundle(tests, {}, checker))).verdict, "AC");
  assert.equal((await judgeOnce(judge, "python", "input()\nprint('YES', 2 ** 0.5)\n", bundle(tests, {}, checker))).verdict, "WA");
});
