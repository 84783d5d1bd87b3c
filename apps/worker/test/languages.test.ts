import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import type { Judge } from "../src/judge/index.ts";
import { createTestJudge } from "./judge-fixtures.ts";

let judge: Judge;
beforeAll(async () => {
  judge = await createTestJudge();
});
afterAll(async () => {
  await judge.close();
});

test("languages(): the toolchains present here, each with its real version", () => {
  const languages = judge.languages();
  const ids = languages.map((l) => l.id);
  for (const required of ["python", "cpp", "javascript"] as const) assert.ok(ids.includes(required), `${required} missing from ${ids}`);
  for (const language of languages) {
    assert.match(language.version, /\d+\.\d+/, `${language.id}: ${language.version}`);
    assert.ok(language.name.length > 0);
  }
  const python = languages.find((l) => l.id === "python")!;
  assert.match(python.version, /^3\./);
  assert.match(languages.find((l) => l.id === "javascript")!.version, /^\d+\.\d+\.\d+$/);
  assert.match(languages.find((l) => l.id === "cpp")!.version, /^GCC \d+/);
});
