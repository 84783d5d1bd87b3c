import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it, vi } from "vitest";
import { draftOwner, initialLanguage, loadDraft, saveDraft, saveLanguageChoice } from "../src/editor/drafts.ts";

/** localStorage as the browser keeps it: strings by key, for this test only. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe("drafts and the language choice, per user", () => {
  beforeEach(() => vi.stubGlobal("window", { localStorage: memoryStorage() }));
  afterEach(() => vi.unstubAllGlobals());

  const alice = draftOwner({ id: "a1", username: "alice", role: "user" });
  const bob = draftOwner({ id: "b2", username: "bob", role: "user" });
  const guest = draftOwner(null);

  it("shows a draft to its owner only, never to the next user or a signed-out visitor", () => {
    saveDraft(alice, "a-plus-b", "python", "print('alice')", "");
    assert.equal(loadDraft(alice, "a-plus-b", "python"), "print('alice')");
    assert.equal(loadDraft(bob, "a-plus-b", "python"), null);
    assert.equal(loadDraft(guest, "a-plus-b", "python"), null);
  });

  it("stores nothing while it is unknown who is signed in", () => {
    assert.equal(draftOwner(undefined), null);
    saveDraft(null, "a-plus-b", "python", "typed too early", "");
    assert.equal(loadDraft(null, "a-plus-b", "python"), null);
    assert.equal(loadDraft(guest, "a-plus-b", "python"), null);
  });

  it("opens a newcomer in Python, else C++, not the first language alphabetically", () => {
    assert.equal(initialLanguage(bob, "a-plus-b", ["c", "cpp", "python"]), "python");
    assert.equal(initialLanguage(bob, "a-plus-b", ["c", "cpp", "java"]), "cpp");
    assert.equal(initialLanguage(bob, "a-plus-b", ["java", "c"]), "java");
    assert.equal(initialLanguage(bob, "a-plus-b", []), null);
  });

  it("opens a user's last language, on this problem first, and not someone else's", () => {
    saveLanguageChoice(alice, "two-sum", "java");
    saveLanguageChoice(alice, "a-plus-b", "cpp");
    assert.equal(initialLanguage(alice, "two-sum", ["cpp", "java", "python"]), "java");
    assert.equal(initialLanguage(alice, "max-subarray-sum", ["cpp", "java", "python"]), "cpp", "the last one anywhere");
    assert.equal(initialLanguage(alice, "max-subarray-sum", ["java", "python"]), "python", "not offered: the newcomer's choice");
    assert.equal(initialLanguage(bob, "a-plus-b", ["cpp", "python"]), "python");
  });
});
