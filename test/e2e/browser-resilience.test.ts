import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { SubmissionPage } from "@judge/protocol";
import { eventually } from "../support/eventually.ts";
import { startTestStack, type TestStack } from "../support/test-stack.ts";
import { launchBrowser, registerInBrowser, typeSolution, webDist, openProblemPage } from "./browser-harness.ts";

const JUDGE_TIMEOUT = 90_000;
const SOLUTION = "a, b = map(int, input().split())\nprint(a + b)\n";

describe("the web app when users and networks misbehave: double clicks, a frozen notifier", () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    stack = await startTestStack({ gatewayPort: 0, webDir: webDist });
    base = stack.gatewayUrl ?? "";
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await registerInBrowser(page, base);
    await openProblemPage(page, `${base}/problems/a-plus-b`);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.teardown();
  });

  /** This user's submissions of a-plus-b, as the API has them (the page's own cookie). */
  async function mySubmissionIds(): Promise<string[]> {
    const response = await page.request.get(`${base}/api/submissions?problem=a-plus-b&mine=1`);
    assert.equal(response.status(), 200);
    return SubmissionPage.parse(await response.json()).items.map((s) => s.id);
  }

  const submitButton = () => page.getByTestId("submit-button");

  /** Waits until the intent was answered and judged, then says how many submissions it made. */
  async function newSubmissionsAfter(before: string[], act: () => Promise<void>): Promise<string[]> {
    const previous = (await page.getByTestId("verdict").count()) > 0 ? await page.getByTestId("verdict").elementHandle() : null;
    await act();
    await previous?.waitForElementState("hidden", { timeout: JUDGE_TIMEOUT });
    await page.getByTestId("verdict").and(page.locator('[data-verdict="AC"]')).waitFor({ timeout: JUDGE_TIMEOUT });
    await page.locator('[data-testid="submit-button"]:not([disabled])').waitFor();
    // A second POST, had one been sent, went out with the first, long before the verdict came.
    return (await mySubmissionIds()).filter((id) => !before.includes(id));
  }

  it("makes one submission of a double click, of two clicks in one tick, and of the shortcut pressed twice", async () => {
    await typeSolution(page, SOLUTION);
    const keys: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && new URL(request.url()).pathname === "/api/submissions") {
        keys.push(request.headers()["idempotency-key"] ?? "(none)");
      }
    });

    let before = await mySubmissionIds();
    assert.equal((await newSubmissionsAfter(before, () => submitButton().dblclick())).length, 1, "a double click");

    before = await mySubmissionIds();
    const sameTick = () =>
      submitButton().evaluate((button) => {
        button.click();
        button.click();
      });
    assert.equal((await newSubmissionsAfter(before, sameTick)).length, 1, "two clicks in one tick");

    before = await mySubmissionIds();
    const shortcutTwice = async () => {
      await page.keyboard.press("ControlOrMeta+Enter");
      await page.keyboard.press("ControlOrMeta+Enter");
    };
    assert.equal((await newSubmissionsAfter(before, shortcutTwice)).length, 1, "the shortcut twice");

    assert.equal(keys.length, 3, `one POST per intent: ${keys.join(", ")}`);
    assert.equal(new Set(keys).size, 3, "a key per intent");
    for (const key of keys) assert.match(key, /^[0-9a-f-]{36}$/);
  });

  it("starts one Run of a double click", async () => {
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && new URL(request.url()).pathname === "/api/runs") posts.push(request.headers()["idempotency-key"] ?? "(none)");
    });
    await page.getByTestId("tab-run").click();
    await page.getByTestId("run-mode-custom").check();
    await page.getByTestId("custom-input").fill("1 2\n");
    await page.getByTestId("run-button").evaluate((button) => {
      button.click();
      button.click();
    });
    await page.getByTestId("run-result").and(page.locator('[data-status="done"]')).waitFor({ timeout: JUDGE_TIMEOUT });
    await page.locator('[data-testid="run-button"]:not([disabled])').waitFor();
    assert.equal(posts.length, 1, `POST /api/runs: ${posts.join(", ")}`);
    assert.match(posts[0] ?? "", /^[0-9a-f-]{36}$/);
    await eventually("one run shown", async () => (await page.getByTestId("run-result").count()) === 1);
  });

  it("with the notifier frozen mid-judging, still shows the verdict (over HTTP), and the badge does not say Live", async () => {
    await page.getByTestId("tab-result").click();
    const badge = page.getByTestId("connection-state");
    await badge.and(page.locator('[data-state="open"]')).waitFor({ timeout: 30_000 });
    // Sleeps (no CPU) in each test, so judging goes on well after the freeze.
    await typeSolution(page, "import time\na, b = map(int, input().split())\ntime.sleep(0.5)\nprint(a + b)\n");
    const previous = await page.getByTestId("verdict").elementHandle();
    await submitButton().click();
    await previous?.waitForElementState("hidden", { timeout: JUDGE_TIMEOUT });
    await page.locator('[data-testid="test-result"][data-index="1"]').waitFor({ timeout: JUDGE_TIMEOUT });

    // Frozen, not dead: its TCP connections stay open and say nothing, as in a partition or a hung process.
    stack.notifier.kill("SIGSTOP");
    try {
      const verdict = page.getByTestId("verdict");
      await verdict.waitFor({ timeout: JUDGE_TIMEOUT });
      assert.equal(await verdict.getAttribute("data-verdict"), "AC");
      const [, passed, total] = /^(\d+)\s*\/\s*(\d+)$/.exec(await page.getByTestId("passed").innerText()) ?? [];
      assert.ok(Number(total) > 1 && passed === total, `passed ${passed} of ${total}`);
      // The verdict can only have come over HTTP, which is read only once the socket was given up.
      assert.notEqual(await badge.getAttribute("data-state"), "open");
      assert.doesNotMatch(await badge.innerText(), /^Live/);

      // A reload while it is still frozen: the verdict over HTTP, and the badge gives up "Connecting…".
      await page.reload();
      await page.getByTestId("verdict").and(page.locator('[data-verdict="AC"]')).waitFor({ timeout: JUDGE_TIMEOUT });
      await badge.and(page.locator('[data-state="closed"]')).waitFor({ timeout: 60_000 });
      assert.match(await badge.innerText(), /Reconnecting/);
    } finally {
      stack.notifier.kill("SIGCONT");
    }
    await badge.and(page.locator('[data-state="open"]')).waitFor({ timeout: 60_000 });
    assert.match(await badge.innerText(), /Live/);
  });
});
