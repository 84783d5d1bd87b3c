import assert from "node:assert/strict";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startTestStack, type TestStack } from "../support/test-stack.ts";
import { artifacts, launchBrowser, recordCspViolations, typeSolution, webDist, openProblemPage, waitForLive } from "./browser-harness.ts";

describe("the web app in a real browser against the real stack", () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;
  let cspViolations: string[];

  beforeAll(async () => {
    stack = await startTestStack({ gatewayPort: 0, webDir: webDist });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    cspViolations = recordCspViolations(page);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.teardown();
  });

  it("registers, submits a-plus-b and watches Accepted stream in", async () => {
    await page.goto(`${stack.gatewayUrl}/register`);
    await page.getByLabel("Username").fill(`web${Date.now().toString(36)}`);
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByTestId("auth-submit").click();
    await page.getByTestId("current-user").waitFor();

    await openProblemPage(page, `${stack.gatewayUrl}/problems/a-plus-b`);
    await page.screenshot({ path: join(artifacts, "problem-page.png") });

    await typeSolution(page, "a, b = map(int, input().split())\nprint(a + b)\n");
    await page.getByTestId("submit-button").click();
    const verdict = page.getByTestId("verdict");
    await verdict.waitFor({ timeout: 60_000 });
    assert.equal(await verdict.getAttribute("data-verdict"), "AC");
    assert.equal(await page.getByTestId("submission-status").getAttribute("data-status"), "done");
    const chips = page.getByTestId("test-result");
    assert.ok((await chips.count()) >= 3, "each test's result is shown");
    assert.match(await page.getByTestId("passed").innerText(), /(\d+)\s*\/\s*\1/);
    await page.screenshot({ path: join(artifacts, "verdict-accepted.png") });
  });

  it("shows Wrong Answer on the failing test", async () => {
    await typeSolution(page, "a, b = map(int, input().split())\nprint(a - b)\n");
    await page.getByTestId("submit-button").click();
    const verdict = page.getByTestId("verdict").and(page.locator('[data-verdict="WA"]'));
    await verdict.waitFor({ timeout: 60_000 });
    assert.match(await page.getByTestId("failing-test").innerText(), /\d/);
  });

  it("shows the compiler's message for a compile error", async () => {
    await page.getByTestId("language-select").selectOption("cpp");
    await typeSolution(page, "int main() { return undefined_name; }\n");
    await page.getByTestId("submit-button").click();
    await page.getByTestId("verdict").and(page.locator('[data-verdict="CE"]')).waitFor({ timeout: 60_000 });
    assert.match(await page.getByTestId("compile-output").innerText(), /undefined_name/);
    await page.screenshot({ path: join(artifacts, "verdict-compile-error.png") });
  });

  it("works under the gateway's Content-Security-Policy: KaTeX, the editor and the socket, with no violation", async () => {
    const response = await page.goto(`${stack.gatewayUrl}/problems/circle-area`);
    assert.match(response?.headers()["content-security-policy"] ?? "", /script-src 'self'/);
    await page.getByTestId("statement").locator(".katex").first().waitFor();
    await page.getByTestId("editor").locator(".cm-content").waitFor();
    await waitForLive(page);
    // KaTeX's fonts loaded (a refused font would leave the fallback).
    assert.equal(await page.evaluate("document.fonts.check('16px KaTeX_Main')"), true);
    assert.deepEqual(cspViolations, [], "the pages visited in this file logged no CSP violation");
  });
});
