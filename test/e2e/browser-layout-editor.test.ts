import assert from "node:assert/strict";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { startTestStack, type TestStack } from "../support/test-stack.ts";
import { artifacts, editorLines, launchBrowser, recordCspViolations, registerInBrowser, typeSolution, webDist, waitForLive } from "./browser-harness.ts";

const JUDGE_TIMEOUT = 90_000;

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  assert.ok(found, "the element is laid out");
  return found;
}

/** Drags the centre of a split handle by (dx, dy) with the mouse, as a person would. */
async function drag(page: Page, handle: Locator, dx: number, dy: number): Promise<void> {
  const { x, y, width, height } = await box(handle);
  await page.mouse.move(x + width / 2, y + height / 2);
  await page.mouse.down();
  await page.mouse.move(x + width / 2 + dx / 2, y + height / 2 + dy / 2);
  await page.mouse.move(x + width / 2 + dx, y + height / 2 + dy);
  await page.mouse.up();
}

describe("the problem page's resizable layout and editor settings in a real browser", () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;
  let base: string;
  let cspViolations: string[];
  let username: string;

  beforeAll(async () => {
    stack = await startTestStack({ gatewayPort: 0, webDir: webDist });
    base = stack.gatewayUrl ?? "";
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    cspViolations = recordCspViolations(page);
    username = await registerInBrowser(page, base);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.teardown();
  });

  const openProblem = async (slug = "a-plus-b") => {
    await page.goto(`${base}/problems/${slug}`);
    await page.getByTestId("editor").locator(".cm-content").waitFor();
  };
  const editorFrame = () => page.getByTestId("editor");

  it("drags the splits, keeps their sizes across a reload, and moves them with the keyboard", async () => {
    await openProblem();
    const statement = page.getByTestId("statement-panel");
    const before = (await box(statement)).width;
    await drag(page, page.getByTestId("split-columns"), 180, 0);
    const dragged = (await box(statement)).width;
    assert.ok(dragged - before > 150, `the statement widened by the drag: ${before} -> ${dragged}`);

    const editorPanel = page.getByTestId("editor-panel");
    const editorBefore = (await box(editorPanel)).height;
    await drag(page, page.getByTestId("split-rows"), 0, -120);
    const editorDragged = (await box(editorPanel)).height;
    assert.ok(editorBefore - editorDragged > 90, `the editor shrank by the drag: ${editorBefore} -> ${editorDragged}`);

    await page.reload();
    await editorFrame().locator(".cm-content").waitFor();
    assert.ok(Math.abs((await box(statement)).width - dragged) < 4, "the statement's width is remembered");
    assert.ok(Math.abs((await box(editorPanel)).height - editorDragged) < 4, "the editor's height is remembered");

    // Keyboard: a focused handle is a separator with a value; arrow keys move it.
    const rows = page.getByTestId("split-rows");
    assert.equal(await rows.getAttribute("role"), "separator");
    const valueBefore = Number(await rows.getAttribute("aria-valuenow"));
    await rows.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const valueAfter = Number(await rows.getAttribute("aria-valuenow"));
    assert.ok(valueAfter > valueBefore, `ArrowDown moved the split: ${valueBefore} -> ${valueAfter}`);
    assert.ok((await box(editorPanel)).height > editorDragged, "and the editor grew");
    await page.screenshot({ path: join(artifacts, "layout-resized.png") });
  });

  it("keeps the editor's height while long Run output scrolls inside the console", async () => {
    await openProblem();
    await page.getByTestId("language-select").selectOption("python");
    await waitForLive(page);
    const editorHeight = (await box(editorFrame())).height;
    const consoleHeight = (await box(page.getByTestId("console-panel"))).height;
    await typeSolution(page, "for i in range(400):\n    print('line', i)\n");
    await page.getByTestId("run-button").click();
    await page.getByTestId("run-result").and(page.locator('[data-status="done"]')).first().waitFor({ timeout: JUDGE_TIMEOUT });
    assert.match(await page.getByTestId("run-stdout").first().innerText(), /line 399/);

    assert.equal((await box(editorFrame())).height, editorHeight, "the editor kept its height");
    assert.equal((await box(page.getByTestId("console-panel"))).height, consoleHeight, "the console kept its height");
    const scroll = page.getByTestId("console-panel").locator(".output-panel");
    const [scrollHeight, clientHeight] = await scroll.evaluate((el) => [el.scrollHeight, el.clientHeight]);
    assert.ok(scrollHeight > clientHeight * 2, `the console scrolls: ${scrollHeight} > ${clientHeight}`);
  });

  it("puts the editor full screen and leaves on Esc or the button", async () => {
    await openProblem();
    const pane = page.getByTestId("editor-pane");
    const toggle = page.getByTestId("full-screen-button");
    const normal = await box(pane);
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-pressed"), "true");
    const full = await box(pane);
    assert.deepEqual([full.x, full.y, full.width, full.height], [0, 0, 1280, 860], "the editor covers the window");
    assert.ok((await box(editorFrame())).height > normal.height, "with a taller editor");
    await page.keyboard.press("Escape");
    assert.equal(await toggle.getAttribute("aria-pressed"), "false");
    assert.ok((await box(pane)).width < 1280, "Esc left full screen");

    await toggle.click();
    assert.equal((await box(pane)).width, 1280);
    await toggle.click();
    assert.ok((await box(pane)).width < 1280, "the button left full screen");
  });

  it("applies font size, tab size, Vim and Emacs bindings, and keeps them across a reload", async () => {
    await openProblem();
    await page.getByTestId("language-select").selectOption("python");
    const content = editorFrame().locator(".cm-content");
    // This file has no DOM types: the page's getComputedStyle, typed here for the one use.
    const fontSize = () =>
      content.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(el).fontSize);
    const lineHeight = async () => (await box(editorFrame().locator(".cm-line").first())).height;
    assert.equal(await fontSize(), "14px");
    const smallLine = await lineHeight();

    await page.getByTestId("editor-settings-button").click();
    await page.getByTestId("editor-settings").waitFor();
    await page.getByTestId("setting-font-size").selectOption("20");
    await page.getByTestId("setting-tab-size").selectOption("8");
    await page.screenshot({ path: join(artifacts, "editor-settings.png") });
    await page.keyboard.press("Escape");
    await page.getByTestId("editor-settings").waitFor({ state: "hidden" });
    assert.equal(await fontSize(), "20px");
    assert.ok((await lineHeight()) > smallLine, "a line is taller at 20px");

    // Tab on an empty line indents by the tab size, in spaces.
    await typeSolution(page, "");
    await page.keyboard.press("Tab");
    assert.deepEqual(await editorLines(page), [" ".repeat(8)]);

    await typeSolution(page, "alpha\nbeta\ngamma");
    await page.getByTestId("editor-settings-button").click();
    await page.getByTestId("setting-key-bindings").selectOption("vim");
    await page.keyboard.press("Escape");
    await editorFrame().locator(".cm-vimMode").waitFor();
    await content.click();
    // Normal mode: gg to the top, dd deletes the line; i inserts; Esc back to normal mode.
    for (const key of ["Escape", "g", "g", "d", "d"]) await page.keyboard.press(key);
    assert.deepEqual(await editorLines(page), ["beta", "gamma"]);
    for (const key of ["i", "X", "Escape"]) await page.keyboard.press(key);
    assert.deepEqual(await editorLines(page), ["Xbeta", "gamma"]);

    await page.reload();
    await content.waitFor();
    await editorFrame().locator(".cm-vimMode").waitFor();
    assert.equal(await fontSize(), "20px");
    await content.click();
    for (const key of ["Escape", "g", "g", "d", "d"]) await page.keyboard.press(key);
    assert.deepEqual(await editorLines(page), ["gamma"], "Vim is still on after the reload");
    await page.getByTestId("editor-settings-button").click();
    assert.equal(await page.getByTestId("setting-tab-size").inputValue(), "8");
    // Emacs: Ctrl-a goes to the line's start (where the standard keymap selects everything).
    await page.getByTestId("setting-key-bindings").selectOption("emacs");
    await page.keyboard.press("Escape");
    await editorFrame().locator(".cm-vimMode").waitFor({ state: "detached" });
    await content.click();
    await page.keyboard.press("End");
    await page.keyboard.press("Control+a");
    await page.keyboard.type("Z");
    assert.deepEqual(await editorLines(page), ["Zgamma"]);

    await page.getByTestId("editor-settings-button").click();
    await page.getByTestId("setting-key-bindings").selectOption("default");
    await page.keyboard.press("Escape");
  });

  it("keeps the settings with the account: another browser gets them on sign-in, not before", async () => {
    const other = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    try {
      const fresh = await other.newPage();
      const freshContent = fresh.getByTestId("editor").locator(".cm-content");
      const freshFontSize = () =>
        freshContent.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(el).fontSize);
      await fresh.goto(`${base}/problems/a-plus-b`);
      await freshContent.waitFor();
      assert.equal(await freshFontSize(), "14px", "signed out: the defaults");

      await fresh.goto(`${base}/login?next=${encodeURIComponent("/problems/a-plus-b")}`);
      await fresh.getByLabel("Username").fill(username);
      await fresh.getByLabel("Password").fill("correct horse battery");
      await fresh.getByTestId("auth-submit").click();
      await fresh.getByTestId("current-user").waitFor();
      await fresh.waitForURL(/\/problems\/a-plus-b/);
      await freshContent.waitFor();
      // The account's settings arrive from the API (set in the test before, in another context).
      await fresh.getByTestId("editor-settings-button").click();
      await fresh.locator('[data-testid="setting-tab-size"] option[value="8"]:checked').waitFor({ state: "attached" });
      assert.equal(await fresh.getByTestId("setting-font-size").inputValue(), "20");
      assert.equal(await freshFontSize(), "20px");
    } finally {
      await other.close();
    }
  });

  it("formats messy JavaScript with Prettier, and offers Format for JS/TS only", async () => {
    await openProblem();
    await page.getByTestId("language-select").selectOption("python");
    assert.equal(await page.getByTestId("format-button").isDisabled(), true, "no formatter for Python");
    await page.getByTestId("language-select").selectOption("javascript");
    await typeSolution(page, "const add=( a,b )=>{return a+b};console.log(add(1,2))");
    await page.getByTestId("format-button").click();
    await editorFrame().locator(".cm-line").nth(2).waitFor();
    // Tab size 8, kept from the previous test.
    assert.deepEqual(await editorLines(page), ["const add = (a, b) => {", `${" ".repeat(8)}return a + b;`, "};", "console.log(add(1, 2));", ""]);
    assert.deepEqual(cspViolations, [], "Prettier's and Vim's lazily loaded chunks broke no CSP rule");
  });

  it("stacks statement and editor on a phone, with no split handles", async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      await phone.goto(`${base}/problems/a-plus-b`);
      await phone.getByTestId("editor").locator(".cm-content").waitFor();
      assert.equal(await phone.locator('[role="separator"]').count(), 0, "no split handle below the breakpoint");
      const statement = await box(phone.getByTestId("statement"));
      const editor = await box(phone.getByTestId("editor"));
      assert.ok(editor.y > statement.y + statement.height - 1, "the editor comes below the statement");
      assert.ok(editor.x >= 0 && editor.x + editor.width <= 390, "the editor fits the phone's width");
      assert.equal(await phone.evaluate("document.documentElement.scrollWidth <= 390"), true, "nothing scrolls sideways");
      await phone.screenshot({ path: join(artifacts, "problem-phone-stacked.png"), fullPage: true });
    } finally {
      await phone.close();
    }
  });
});
