import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "vitest";
import { defaultEditorSettings, loadEditorSettings, saveEditorSettings } from "../src/editor/settings/editorSettings.ts";
import { canFormat, FormatError, formatCode } from "../src/editor/settings/formatCode.ts";

/** A Map behind the Storage methods safeStorage calls: these tests run in Node, without a DOM. */
function memoryStorage(): Pick<Storage, "getItem" | "setItem" | "removeItem"> & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
  };
}

describe("editor settings in localStorage", () => {
  let storage: ReturnType<typeof memoryStorage>;
  beforeEach(() => {
    storage = memoryStorage();
    Object.assign(globalThis, { window: { localStorage: storage } });
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, "window");
  });

  it("keeps each user's settings apart, and the signed-out visitor's apart from both", () => {
    saveEditorSettings("u1", { fontSize: 20, tabSize: 2, keyBindings: "vim" });
    saveEditorSettings(null, { fontSize: 12, tabSize: 8, keyBindings: "emacs" });
    assert.deepEqual(loadEditorSettings("u1"), { fontSize: 20, tabSize: 2, keyBindings: "vim" });
    assert.deepEqual(loadEditorSettings(null), { fontSize: 12, tabSize: 8, keyBindings: "emacs" });
    assert.deepEqual(loadEditorSettings("u2"), defaultEditorSettings);
  });

  it("falls back field by field: one bad value does not reset the others, bad JSON resets all", () => {
    storage.setItem("judge:editor-settings:u1", JSON.stringify({ fontSize: 400, tabSize: 2, keyBindings: "nano" }));
    assert.deepEqual(loadEditorSettings("u1"), { fontSize: defaultEditorSettings.fontSize, tabSize: 2, keyBindings: "default" });
    storage.setItem("judge:editor-settings:u1", "{not json");
    assert.deepEqual(loadEditorSettings("u1"), defaultEditorSettings);
  });
});

describe("format on demand with Prettier", () => {
  it("formats JavaScript and TypeScript only", () => {
    assert.equal(canFormat("javascript"), true);
    assert.equal(canFormat("typescript"), true);
    assert.equal(canFormat("python"), false);
    assert.equal(canFormat("cpp"), false);
  });

  it("formats a messy line with the chosen tab size, and types the syntax error", async () => {
    const messy = "function add( a,b ){return a+b}";
    assert.equal(await formatCode("javascript", messy, 2), "function add(a, b) {\n  return a + b;\n}\n");
    assert.equal(await formatCode("typescript", "const f=(x:number):number=>{return x*2}", 4), "const f = (x: number): number => {\n    return x * 2;\n};\n");
    await assert.rejects(formatCode("javascript", "function (", 2), (error: unknown) => error instanceof FormatError && error.code === "FORMAT_FAILED");
    await assert.rejects(formatCode("python", "x=1", 2), FormatError);
  });
});
