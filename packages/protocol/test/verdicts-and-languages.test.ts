import assert from "node:assert/strict";
import { test } from "vitest";
import { LanguageId, LanguageInfo, Status, Verdict, languageDisplay, verdictNames } from "../src/index.ts";

test("the statuses and verdicts are the design's, nothing more", () => {
  assert.deepEqual([...Status.options].sort(), ["compiling", "done", "queued", "running"]);
  assert.deepEqual([...Verdict.options].sort(), ["AC", "CE", "IE", "MLE", "OLE", "RE", "TLE", "WA"]);
  assert.equal(Verdict.safeParse("ac").success, false, "verdicts are case-sensitive");
});

test("every verdict has its own display name", () => {
  const names = Verdict.options.map((v) => verdictNames[v]);
  assert.ok(names.every((n) => typeof n === "string" && n.length > 0));
  assert.equal(new Set(names).size, names.length);
  assert.equal(verdictNames.AC, "Accepted");
  assert.equal(verdictNames.IE, "Internal Error");
});

test("the design's language ids are all known", () => {
  for (const id of ["c", "cpp", "python", "javascript", "typescript", "java", "go", "rust"]) {
    assert.equal(LanguageId.safeParse(id).success, true, id);
  }
  for (const id of ["C++", "py", "node", ""]) assert.equal(LanguageId.safeParse(id).success, false, id);
});

test("every language has a name, an extension for its source file and a starter that is not empty", () => {
  for (const id of LanguageId.options) {
    const display = languageDisplay[id];
    assert.ok(display.name.length > 0, id);
    assert.match(display.extension, /^[a-z]+$/, id);
    assert.ok(display.starter.trim().length > 0, id);
  }
  assert.equal(new Set(LanguageId.options.map((id) => languageDisplay[id].name)).size, LanguageId.options.length, "names tell languages apart");
});

test("a language a worker advertises has an id from the catalog, a name and a version", () => {
  assert.equal(LanguageInfo.safeParse({ id: "go", name: "Go", version: "1.22" }).success, true);
  assert.equal(LanguageInfo.safeParse({ id: "go", name: "Go" }).success, false);
  assert.equal(LanguageInfo.safeParse({ id: "fortran", name: "Fortran", version: "13" }).success, false);
});
