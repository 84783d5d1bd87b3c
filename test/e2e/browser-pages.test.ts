import assert from "node:assert/strict";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startTestStack, type TestStack } from "../support/test-stack.ts";
import { artifacts, launchBrowser, registerInBrowser, typeSolution, unnamedControls, webDist, waitForLive } from "./browser-harness.ts";

const JUDGE_TIMEOUT = 90_000;
const SOLUTION = "a, b = map(int, input().split())\nprint(a + b)\n";

describe("the web app's pages in a real browser: list, drafts, history, accessibility, logout", () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    stack = await startTestStack({ gatewayPort: 0, webDir: webDist });
    base = stack.gatewayUrl ?? "";
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await registerInBrowser(page, base);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.teardown();
  });

  const rows = () => page.getByTestId("problem-row");
  const slugsShown = async () => rows().evaluateAll((els) => els.map((el) => el.getAttribute("data-slug") ?? ""));

  it("lists the problems with search, difficulty and tag filters kept in the URL", async () => {
    await page.goto(`${base}/problems`);
    await rows().first().waitFor();
    const all = await slugsShown();
    assert.ok(all.includes("a-plus-b") && all.includes("count-inversions"), `seeded problems listed: ${all.join(", ")}`);

    await page.getByTestId("problem-search").fill("inversions");
    await page.waitForURL(/[?&]q=inversions/);
    // Locators, not waitForFunction: Playwright evaluates its predicate with eval, which the
    // gateway's Content-Security-Policy (script-src 'self') refuses, as it should.
    await rows().nth(1).waitFor({ state: "detached" });
    await rows().first().waitFor();
    assert.deepEqual(await slugsShown(), ["count-inversions"]);

    await page.getByTestId("problem-search").fill("");
    await page.getByTestId("difficulty-filter").selectOption("hard");
    await page.waitForURL(/[?&]difficulty=hard/);
    // The hard ones: count-inversions and the seeded LeetCode problem median-of-two-sorted-arrays.
    await page.locator('[data-testid="problem-row"][data-slug="median-of-two-sorted-arrays"]').waitFor();
    await page.locator('[data-testid="problem-row"][data-slug="a-plus-b"]').waitFor({ state: "detached" });
    assert.deepEqual(await slugsShown(), ["count-inversions", "median-of-two-sorted-arrays"]);

    await page.getByTestId("difficulty-filter").selectOption("");
    await page.locator('[data-testid="problem-row"][data-slug="a-plus-b"]').getByRole("button", { name: "Filter by tag math" }).click();
    await page.waitForURL(/[?&]tag=math/);
    await page.locator('[data-testid="problem-row"][data-slug="count-inversions"]').waitFor({ state: "detached" });
    assert.ok((await slugsShown()).includes("a-plus-b"));
    assert.deepEqual(await unnamedControls(page), [], "every control on the list has an accessible name");
  });

  it("pages through the list with Load more, without losing or repeating a problem", async () => {
    await page.goto(`${base}/problems`);
    await rows().first().waitFor();
    const everything = await slugsShown();
    // The real API with pages of 2 instead of 50, so the seeded problems need several pages.
    const problemList = (url: URL) => url.pathname === "/api/problems";
    await page.route(
      problemList,
      (route) => {
        const url = new URL(route.request().url());
        url.searchParams.set("limit", "2");
        return route.continue({ url: url.toString() });
      },
    );
    await page.reload();
    await rows().nth(1).waitFor();
    assert.equal(await rows().count(), 2);
    const loadMore = page.getByTestId("load-more");
    for (let shown = 2; shown < everything.length; shown += 2) {
      await loadMore.click();
      await rows().nth(Math.min(shown + 2, everything.length) - 1).waitFor();
    }
    // An API may only know that a page was the last after asking for one more.
    if (await loadMore.isVisible()) await loadMore.click();
    await loadMore.waitFor({ state: "detached" });
    assert.deepEqual(await slugsShown(), everything);
    await page.unroute(problemList);
  });

  it("keeps the draft per problem and language across a reload", async () => {
    await page.goto(`${base}/problems/a-plus-b`);
    await page.getByTestId("language-select").selectOption("python");
    await typeSolution(page, `# my draft\n${SOLUTION}`);
    await page.reload(); // the pending draft is saved on pagehide
    await page.getByTestId("editor").locator(".cm-content").waitFor();
    assert.equal(await page.getByTestId("editor").getAttribute("data-language"), "python", "the language choice is kept");
    assert.match(await page.getByTestId("editor").locator(".cm-content").innerText(), /# my draft/);

    await page.getByTestId("language-select").selectOption("cpp");
    assert.doesNotMatch(await page.getByTestId("editor").locator(".cm-content").innerText(), /# my draft/, "each language has its own draft");
    await page.getByTestId("language-select").selectOption("python");
    assert.match(await page.getByTestId("editor").locator(".cm-content").innerText(), /# my draft/);
    assert.deepEqual(await unnamedControls(page), [], "every control on the problem page has an accessible name");
  });

  it("marks a solved problem, lists the submission and opens its page with code and per-test table", async () => {
    await waitForLive(page);
    await page.getByTestId("submit-button").click();
    await page.getByTestId("verdict").and(page.locator('[data-verdict="AC"]')).waitFor({ timeout: JUDGE_TIMEOUT });
    const total = Number(/\/\s*(\d+)/.exec(await page.getByTestId("passed").innerText())?.[1]);

    await page.getByTestId("tab-submissions").click();
    const row = page.getByTestId("submission-row").first();
    await row.waitFor();
    const id = await row.getAttribute("data-submission-id");
    await row.getByRole("link").click();
    await page.waitForURL(`**/submissions/${id}`);
    await page.getByTestId("submission-code").waitFor();
    assert.match(await page.getByTestId("submission-code").innerText(), /# my draft/);
    assert.equal(await page.getByTestId("verdict").getAttribute("data-verdict"), "AC");
    assert.equal(await page.getByTestId("test-table").locator("tbody tr").count(), total, "one row per test");
    await page.getByTestId("result-stats").waitFor({ timeout: JUDGE_TIMEOUT });
    await page.screenshot({ path: join(artifacts, "submission-page.png"), fullPage: true });

    await page.goto(`${base}/problems`);
    await page.locator('[data-testid="problem-row"][data-slug="a-plus-b"]').getByTestId("solved-mark").waitFor();
    assert.equal(await page.locator('[data-testid="problem-row"][data-slug="count-inversions"]').getByTestId("solved-mark").count(), 0);
    await page.screenshot({ path: join(artifacts, "problem-list.png") });
  });

  it("is keyboard reachable: the first Tab lands on the skip link, which moves focus to the content", async () => {
    await page.goto(`${base}/problems/a-plus-b`);
    await page.getByTestId("statement").waitFor();
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate("document.activeElement?.className"), "skip-link");
    await page.keyboard.press("Enter");
    await page.waitForURL(/#main$/);
  });

  it("logs out: the header offers a login, and Submit points at it", async () => {
    await page.getByTestId("logout-button").click();
    await page.getByTestId("login-link").or(page.locator(".user-menu [role=alert]")).waitFor();
    assert.equal(await page.locator(".user-menu [role=alert]").count(), 0, await page.locator(".user-menu").innerText());
    await page.getByTestId("login-prompt").waitFor();
    await page.getByTestId("submit-button").click();
    await page.locator('[data-testid="login-prompt"][role="alert"]').waitFor();
    assert.equal(await page.getByTestId("run-button").isEnabled(), true, "Run also points at the login rather than being dead");
  });
});
