import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { functionLanguages } from "@judge/function-problems";
import { type LanguageId, ValueType } from "@judge/protocol";
import type { Judge } from "../src/judge/index.ts";
import { createTestJudge, recorder } from "./judge-fixtures.ts";
import { functionBundle, identitySignature } from "./function-fixtures/bundles.ts";
import { edgeValues } from "./function-fixtures/edge-values.ts";
import { identityFixtures } from "./function-fixtures/index.ts";

/**
 * Every type through every language's driver: the identity problem of the type, one judging per
 * (language, type) with all the type's edge values as its cases, doubles compared exactly (the
 * contract asks for round-trip digits).
 */
let judge: Judge;
let available: Set<LanguageId>;
beforeAll(async () => {
  judge = await createTestJudge();
  available = new Set(judge.languages().map((l) => l.id));
});
afterAll(async () => {
  await judge.close();
});

const languages = (Object.keys(identityFixtures) as LanguageId[]).filter((id) => functionLanguages[id] !== undefined);

for (const language of languages) {
  describe(`${language}: every type round-trips`, () => {
    for (const type of ValueType.options) {
      test(type, async (context) => {
        if (!available.has(language)) context.skip();
        const signature = identitySignature(type);
        const values = edgeValues(type);
        const tests = values.map((v): [string, string] => [JSON.stringify(v), JSON.stringify(v)]);
        const b = functionBundle(signature, tests, { comparison: { tolerance: { abs: 0, rel: 0 } } });
        const listener = recorder();
        const outcome = await judge.judge({ language, code: identityFixtures[language]!(signature), bundle: b }, listener);
        assert.equal(outcome.verdict, "AC", JSON.stringify({ failure: outcome.failure, compile: outcome.compileOutput }));
        assert.equal(outcome.passed, values.length);
        assert.equal(listener.results.length, values.length);
        assert.equal(outcome.failure ?? null, null);
      });
    }
  });
}
