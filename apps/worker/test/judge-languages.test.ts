import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import { type LanguageId, languageDisplay } from "@judge/protocol";
import type { Judge } from "../src/judge/index.ts";
import { bundle, createTestJudge, judgeOnce } from "./judge-fixtures.ts";
import { modalPrograms } from "./language-programs.ts";

/**
 * Every verdict in every language beyond the ones with their own file (c, cpp, python,
 * javascript). Locally a missing toolchain skips its language; in CI (CI=true, after
 * scripts/install-toolchains.sh --all) it fails.
 */
const languages = (process.env.JUDGE_LANGUAGES?.split(",") ?? Object.keys(modalPrograms)) as LanguageId[];

let judge: Judge;
beforeAll(async () => {
  judge = await createTestJudge({ only: languages });
});
afterAll(async () => {
  await judge.close();
});

const sums = bundle([["1 2\n", "3\n"], ["1000000000 1000000000\n", "2000000000\n"]]);
const one = (a: number, limits: Parameters<typeof bundle>[1] = {}) => bundle([[`${a} 0\n`, `${a}\n`]], limits);

/** The input that makes a modal program earn each verdict, with the limits it needs. */
const provoke = {
  WA: one(-4),
  RE: one(-2),
  TLE: one(-1, { timeMs: 1000 }),
  // 128 MiB: room for a JVM or Mono runtime to start, far below the 512 MiB the program holds.
  MLE: one(-3, { memoryKb: 128 * 1024 }),
} as const;

for (const language of languages) {
  const programs = modalPrograms[language]!;
  const brief = programs.brief;
  if (brief !== undefined) {
    test(`${language}: AC, ${[...brief, "CE"].join(", ")}`, async (ctx) => {
      if (!judge.languages().some((l) => l.id === language)) {
        assert.ok(process.env.CI !== "true", `${language} must be installed in CI`);
        ctx.skip(`${language} is not installed here`);
        return;
      }
      const ac = await judgeOnce(judge, language, programs.modal, sums);
      assert.equal(ac.verdict, "AC", JSON.stringify(ac));
      assert.equal(ac.passed, 2);
      for (const verdict of brief) {
        const outcome = await judgeOnce(judge, language, programs.modal, provoke[verdict]);
        assert.equal(outcome.verdict, verdict, JSON.stringify(outcome));
      }
      const ce = await judgeOnce(judge, language, programs.ce, sums);
      assert.equal(ce.verdict, "CE");
      assert.ok((ce.compileOutput ?? "").length > 0, "a CE carries the compiler's message");
    });
    continue;
  }
  test(`${language}: AC, WA, TLE, RE, MLE, CE, AC under 32 MiB`, async (ctx) => {
    if (!judge.languages().some((l) => l.id === language)) {
      assert.ok(process.env.CI !== "true", `${language} must be installed in CI`);
      ctx.skip(`${language} is not installed here`);
      return;
    }
    const ac = await judgeOnce(judge, language, programs.modal, sums);
    assert.equal(ac.verdict, "AC", JSON.stringify(ac));
    assert.equal(ac.passed, 2);
    assert.equal((await judgeOnce(judge, language, programs.modal, provoke.WA)).verdict, "WA");
    const tle = await judgeOnce(judge, language, programs.modal, provoke.TLE);
    assert.equal(tle.verdict, "TLE", JSON.stringify(tle));
    const re = await judgeOnce(judge, language, programs.modal, provoke.RE);
    assert.equal(re.verdict, "RE", JSON.stringify(re));
    const mle = await judgeOnce(judge, language, programs.modal, provoke.MLE);
    assert.equal(mle.verdict, "MLE", JSON.stringify(mle));
    const ce = await judgeOnce(judge, language, programs.ce, sums);
    assert.equal(ce.verdict, "CE");
    assert.ok((ce.compileOutput ?? "").length > 0, "a CE carries the compiler's message");
    // JVM, Mono, Go and V8 reserve far more address space than this: only what they touch counts.
    const small = await judgeOnce(judge, language, programs.modal, bundle([["1 2\n", "3\n"]], { memoryKb: 32 * 1024 }));
    assert.equal(small.verdict, "AC", `under 32 MiB: ${JSON.stringify(small)}`);
    // After all of that the same judge still judges correctly.
    assert.equal((await judgeOnce(judge, language, programs.modal, sums)).verdict, "AC");
  });
}

test("languages: each advertised version is the toolchain's own", () => {
  for (const info of judge.languages()) assert.match(info.version, /\d+\.\d+/, `${info.id}: ${info.version}`);
});

test("languages: every starter template compiles and runs on empty input", async () => {
  const all = await createTestJudge();
  try {
    for (const info of all.languages()) {
      const outcome = await all.run(
        { language: info.id, code: languageDisplay[info.id].starter, input: "", limits: { timeMs: 5000, memoryKb: 256 * 1024 } },
        { compiling: async () => {}, running: async () => {} },
      );
      assert.notEqual(outcome.verdict, "CE", `${info.id}: ${outcome.compileOutput}`);
      assert.equal(outcome.verdict, "AC", `${info.id}: ${JSON.stringify(outcome)}`);
    }
  } finally {
    await all.close();
  }
});
