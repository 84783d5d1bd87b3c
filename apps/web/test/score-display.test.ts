import assert from "node:assert/strict";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { queuedView } from "@judge/protocol";
import { test } from "vitest";
import { ResultCard } from "../src/submissions/ResultCard.tsx";
import { formatScore } from "../src/ui/format.ts";

test("a score shows as X / Y, rounded to hundredths; no score, nothing to show", () => {
  assert.equal(formatScore({ score: 30, maxScore: 100 }), "30 / 100");
  assert.equal(formatScore({ score: 100 / 3, maxScore: 100 }), "33.33 / 100");
  assert.equal(formatScore({ score: 0, maxScore: null }), "0");
  assert.equal(formatScore({ score: null, maxScore: 100 }), null);
  assert.equal(formatScore({}), null);
});

test("the result card shows a scoring problem's score, and no Score line for a pass-fail one", () => {
  const judged = {
    ...queuedView({ id: "s1", problem: "doubling", language: "python", createdAt: "2026-01-01T00:00:00.000Z" }),
    status: "done" as const,
    verdict: "AC" as const,
    passed: 3,
    total: 5,
  };
  const scored = renderToStaticMarkup(createElement(ResultCard, { view: { ...judged, score: 30, maxScore: 100 } }));
  assert.match(scored, /<dt>Score<\/dt><dd data-testid="score">30 \/ 100<\/dd>/);
  assert.doesNotMatch(renderToStaticMarkup(createElement(ResultCard, { view: judged })), /Score/);
});
