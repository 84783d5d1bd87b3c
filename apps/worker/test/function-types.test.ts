import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { functionLanguages } from "@judge/function-problems";
import { type CaseReport, type DesignSignature, type LanguageId, ValueType } from "@judge/protocol";
import type { Judge } from "../src/judge/index.ts";
import { createPrivateTestJudge, recorder } from "./judge-fixtures.ts";
import { echoSignature, functionBundle, identitySignature } from "./function-fixtures/bundles.ts";
import { edgeValues } from "./function-fixtures/edge-values.ts";
import { echoFixtures, identityFixtures } from "./function-fixtures/index.ts";

/**
 * Every type through every language's driver, one compile per language: the echo design
 * problem has a method per type, and case i calls method i with each of the type's edge values,
 * as argument and as result, doubles compared exactly (the contract asks for round-trip
 * digits). A few function identity judgings keep the function convention's path covered.
 */
let judge: Judge;
let available: Set<LanguageId>;
beforeAll(async () => {
  judge = await createPrivateTestJudge("function-types");
  available = new Set(judge.languages().map((l) => l.id));
});
afterAll(async () => {
  await judge.close();
});

const languages = (Object.keys(echoFixtures) as LanguageId[]).filter((id) => functionLanguages[id] !== undefined);
const exact = { comparison: { tolerance: { abs: 0, rel: 0 } } };

/** Case i of the echo problem: a fresh object, then method i called with each edge value of type i. */
function echoTests(signature: DesignSignature): Array<[string, string]> {
  return ValueType.options.map((type, i) => {
    const values = edgeValues(type);
    const calls = [signature.className, ...values.map(() => signature.methods[i]!.name)];
    const args = [[], ...values.map((v) => [v])];
    return [`${JSON.stringify(calls)}\n${JSON.stringify(args)}`, JSON.stringify([null, ...values])];
  });
}

/** Which type a failure is about: case `index` (1-based) is the type `ValueType.options[index - 1]`. */
function failedType(failure: CaseReport | null | undefined): string {
  if (failure == null) return "no failing case";
  return `type ${ValueType.options[failure.index - 1] ?? "?"} (case ${failure.index})`;
}

describe("every type round-trips through each language's design driver", () => {
  for (const language of languages) {
    test(language, async (context) => {
      if (!available.has(language)) context.skip();
      const signature = echoSignature();
      const b = functionBundle(signature, echoTests(signature), exact);
      const listener = recorder();
      const outcome = await judge.judge({ language, code: echoFixtures[language]!(signature), bundle: b }, listener);
      const detail = JSON.stringify({ failure: outcome.failure, compile: outcome.compileOutput });
      assert.equal(outcome.verdict, "AC", `${language}: ${failedType(outcome.failure)} ${detail}`);
      assert.equal(outcome.passed, ValueType.options.length);
      assert.equal(listener.results.length, ValueType.options.length);
      assert.equal(outcome.failure ?? null, null);
    });
  }
});

describe("an array and a tree round-trip through each language's function driver", () => {
  for (const language of languages) {
    for (const type of ["integer[]", "TreeNode"] as const) {
      test(`${language}: ${type}`, async (context) => {
        if (!available.has(language)) context.skip();
        const signature = identitySignature(type);
        const values = edgeValues(type);
        const tests = values.map((v): [string, string] => [JSON.stringify(v), JSON.stringify(v)]);
        const listener = recorder();
        const outcome = await judge.judge(
          { language, code: identityFixtures[language]!(signature), bundle: functionBundle(signature, tests, exact) },
          listener,
        );
        assert.equal(outcome.verdict, "AC", JSON.stringify({ failure: outcome.failure, compile: outcome.compileOutput }));
        assert.equal(outcome.passed, values.length);
        assert.equal(outcome.failure ?? null, null);
      });
    }
  }
});
