import assert from "node:assert/strict";
import { test } from "vitest";
import { interactiveVerdict } from "../src/interactive/verdict.ts";

const ended = (exitCode: number) => ({ outcome: exitCode === 0 ? ("ok" as const) : ("runtime-error" as const), exitCode });

test("the interactor's 42 with a clean submission is AC; its 43 is WA", () => {
  assert.equal(interactiveVerdict({ interactor: ended(42), submission: "check", interactorFirst: false }), "AC");
  assert.equal(interactiveVerdict({ interactor: ended(43), submission: "check", interactorFirst: false }), "WA");
});

test("a rejection that came first is WA whatever the submission then did", () => {
  assert.equal(interactiveVerdict({ interactor: ended(43), submission: "RE", interactorFirst: true }), "WA");
  assert.equal(interactiveVerdict({ interactor: ended(43), submission: "TLE", interactorFirst: true }), "WA");
});

test("the submission's own failure wins when it ended first, or when the interactor accepted", () => {
  assert.equal(interactiveVerdict({ interactor: ended(43), submission: "RE", interactorFirst: false }), "RE");
  assert.equal(interactiveVerdict({ interactor: ended(43), submission: "TLE", interactorFirst: false }), "TLE");
  assert.equal(interactiveVerdict({ interactor: ended(42), submission: "RE", interactorFirst: true }), "RE");
  assert.equal(interactiveVerdict({ interactor: ended(42), submission: "MLE", interactorFirst: false }), "MLE");
});

test("an interactor that exits otherwise, crashes or hits a limit is IE", () => {
  assert.equal(interactiveVerdict({ interactor: ended(0), submission: "check", interactorFirst: false }), "IE");
  assert.equal(interactiveVerdict({ interactor: ended(139), submission: "RE", interactorFirst: true }), "IE");
  assert.equal(interactiveVerdict({ interactor: { outcome: "time-limit", exitCode: 137 }, submission: "TLE", interactorFirst: false }), "IE");
  // A limit hit is IE even when the killed box's status happened to read 42.
  assert.equal(interactiveVerdict({ interactor: { outcome: "memory-limit", exitCode: 42 }, submission: "check", interactorFirst: true }), "IE");
});
