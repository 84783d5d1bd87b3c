import assert from "node:assert/strict";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { startTestStack, type TestStack } from "../support/test-stack.ts";
import { artifacts, launchBrowser, registerInBrowser, typeSolution, webDist, openProblemPage, waitForLive } from "./browser-harness.ts";

const JUDGE_TIMEOUT = 90_000;

/** Wrong on a-plus-b's example (1 2 gives -1), after a line on stderr. */
const WRONG_ON_SAMPLE = 'import sys\na, b = map(int, input().split())\nprint("read", a, b, file=sys.stderr)\nprint(a - b)\n';
/** Right on the example, wrong on the first hidden test (0 0). */
const WRONG_ON_HIDDEN = "a, b = map(int, input().split())\nprint(a + b if a + b != 0 else 1)\n";

/** A diff line's text without its sign and the screen reader's words. */
const diffText = (text: string) => text.replace(/^[−+]\s*/, "").replace(/^(expected|yours):\s*/, "").trim();

describe("a stdin problem's failing test in a real browser (failureDetails: public, a-plus-b's default)", () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;
  let base: string;
  let failedUrl = "";

  beforeAll(async () => {
    stack = await startTestStack({ gatewayPort: 0, webDir: webDist });
    base = stack.gatewayUrl ?? "";
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await registerInBrowser(page, base);
    await openProblemPage(page, `${base}/problems/a-plus-b`);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.teardown();
  });

  async function submit(code: string, verdict: string): Promise<void> {
    await typeSolution(page, code);
    // The editor holds this code (not a starter or a draft restored after the typing).
    assert.match(await page.getByTestId("editor").locator(".cm-content").innerText(), /print\(a [-+] b/);
    await page.getByTestId("submit-button").click();
    await page.getByTestId("verdict").and(page.locator(`[data-verdict="${verdict}"]`)).waitFor({ timeout: JUDGE_TIMEOUT });
  }

  it("WA on the example: its input, expected, your output with a diff, and stderr on the result card and the submission page", async () => {
    await submit(WRONG_ON_SAMPLE, "WA");
    assert.equal(await page.getByTestId("failing-test").innerText(), "test 1");
    const failure = page.getByTestId("failure-case");
    await failure.waitFor({ timeout: JUDGE_TIMEOUT });
    assert.equal(await failure.getAttribute("data-index"), "1");
    assert.equal(await page.locator("#failed-case-heading").innerText(), "Failed test 1");
    assert.equal((await failure.getByTestId("case-input-value").innerText()).trim(), "1 2");
    assert.equal((await failure.getByTestId("case-expected").innerText()).trim(), "3");
    assert.equal((await failure.getByTestId("case-output").innerText()).trim(), "-1");
    assert.equal((await failure.getByTestId("case-stderr").innerText()).trim(), "read 1 2");
    const diff = failure.getByTestId("case-diff");
    assert.equal(diffText(await diff.locator(".diff-line.missing").innerText()), "3");
    assert.equal(diffText(await diff.locator(".diff-line.extra").innerText()), "-1");

    await page.getByRole("link", { name: "Details" }).click();
    await page.waitForURL(/\/submissions\//);
    // The problem page may stay on screen while the submission page loads: wait for the latter's own table.
    await page.getByTestId("test-table").waitFor({ timeout: JUDGE_TIMEOUT });
    failedUrl = page.url();
    const onPage = page.getByTestId("failure-case");
    await onPage.waitFor({ timeout: JUDGE_TIMEOUT });
    assert.equal((await onPage.getByTestId("case-output").innerText()).trim(), "-1");
    assert.equal((await onPage.getByTestId("case-stderr").innerText()).trim(), "read 1 2");
    // The README's picture: the whole card, as the submission page shows it (the editor's console scrolls).
    await page.getByTestId("result-card").screenshot({ path: join(artifacts, "failed-test-details.png") });
  });

  it("WA on a hidden test: the test's number alone, no data", async () => {
    await page.goto(`${base}/problems/a-plus-b`);
    await waitForLive(page);
    await submit(WRONG_ON_HIDDEN, "WA");
    // The page may still show the earlier WA's card for a moment: wait for this one's.
    await page.getByTestId("failing-test").filter({ hasText: "test 2" }).waitFor({ timeout: JUDGE_TIMEOUT });
    // The card has settled once the stored view came back (its GET ends with failure: null).
    await page.getByRole("link", { name: "Details" }).click();
    await page.waitForURL(/\/submissions\//);
    await page.getByTestId("test-table").waitFor({ timeout: JUDGE_TIMEOUT });
    await page.getByTestId("failing-test").waitFor();
    assert.equal(await page.getByTestId("failure-case").count(), 0);
  });

  it("on a phone, the failing test's details fit the screen", async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      const mobile = await phone.newPage();
      // The session is the cookie: the phone signs in by carrying it over.
      await phone.addCookies(await page.context().cookies());
      await mobile.goto(failedUrl);
      const failure = mobile.getByTestId("failure-case");
      await failure.waitFor({ timeout: JUDGE_TIMEOUT });
      assert.equal((await failure.getByTestId("case-output").innerText()).trim(), "-1");
      const box = await failure.boundingBox();
      const pageWidth: unknown = await mobile.evaluate("document.documentElement.scrollWidth");
      assert.ok(box !== null && box.x >= 0 && box.x + box.width <= 390, `the details fit 390 px: ${JSON.stringify(box)}, page ${String(pageWidth)} px`);
      await failure.screenshot({ path: join(artifacts, "failed-test-details-phone.png") });
    } finally {
      await phone.close();
    }
  });
});
