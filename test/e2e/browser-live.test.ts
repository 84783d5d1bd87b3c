import assert from "node:assert/strict";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { eventually } from "../support/eventually.ts";
import { api, registerUser, startTestStack, submit, type TestStack } from "../support/test-stack.ts";
import { artifacts, foreignRequests, launchBrowser, recordRequests, registerInBrowser, typeSolution, webDist, openProblemPage, waitForLive } from "./browser-harness.ts";

const JUDGE_TIMEOUT = 90_000;

describe("the web app in a real browser: Run, a notifier restart, nothing but its own origin", () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;
  let base: string;
  let requests: string[];

  beforeAll(async () => {
    stack = await startTestStack({ gatewayPort: 0, webDir: webDist });
    base = stack.gatewayUrl ?? "";
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    requests = recordRequests(page);
    await registerInBrowser(page, base);
    await openProblemPage(page, `${base}/problems/a-plus-b`);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.teardown();
  });

  const runResult = () => page.getByTestId("run-result");
  const finishedRun = () => runResult().and(page.locator('[data-status="done"]'));

  it("runs on the example: a wrong program gets a diff against the expected output, a right one matches", async () => {
    await typeSolution(page, "a, b = map(int, input().split())\nprint(a - b)\n");
    assert.ok(await page.getByTestId("run-mode-samples").isChecked(), "the examples are the default");
    await page.getByTestId("run-button").click();
    await finishedRun().waitFor({ timeout: JUDGE_TIMEOUT });
    assert.equal(await runResult().getAttribute("data-match"), "false");
    assert.equal((await page.getByTestId("run-stdout").innerText()).trim(), "-1");
    assert.equal((await page.getByTestId("run-expected").innerText()).trim(), "3");
    const diff = page.getByTestId("run-diff");
    assert.equal(await diff.locator(".diff-line.missing").innerText().then((t) => t.replace(/expected:\s*/, "").replace(/^−\s*/, "").trim()), "3");
    assert.equal(await diff.locator(".diff-line.extra").innerText().then((t) => t.replace(/yours:\s*/, "").replace(/^\+\s*/, "").trim()), "-1");
    await page.screenshot({ path: join(artifacts, "run-samples-diff.png") });

    await typeSolution(page, "a, b = map(int, input().split())\nprint(a + b)\n");
    await page.getByTestId("run-button").click();
    await runResult().and(page.locator('[data-match="true"]')).waitFor({ timeout: JUDGE_TIMEOUT });
    assert.equal(await page.getByTestId("run-outcome").innerText(), "Output matches");
    assert.equal(await page.getByTestId("run-diff").count(), 0, "no diff when the output matches");
  });

  it("runs once per example and compares each with its own expected output", async () => {
    await page.goto(`${base}/problems/reverse-string`);
    await page.getByTestId("statement").waitFor();
    await page.getByTestId("language-select").selectOption("python");
    // Right for the first example only.
    await typeSolution(page, 'input()\nprint("olleh")\n');
    await page.getByTestId("run-button").click();
    // A locator, not waitForFunction: Playwright evaluates its predicate with eval, which the
    // gateway's Content-Security-Policy (script-src 'self') refuses, as it should.
    await page.locator('[data-testid="run-result"][data-status="done"]').nth(1).waitFor({ timeout: JUDGE_TIMEOUT });
    assert.equal(await runResult().count(), 2);
    assert.deepEqual(await runResult().evaluateAll((els) => els.map((el) => el.getAttribute("data-match"))), ["true", "false"]);
    assert.match(await runResult().nth(1).getByTestId("run-diff").innerText(), /egduj/);
    await page.goto(`${base}/problems/a-plus-b`);
    await page.getByTestId("statement").waitFor();
  });

  it("runs on custom input and shows stdout and stderr, an exit code, a compiler's message; Ctrl+' runs too", async () => {
    await page.getByTestId("run-mode-custom").check();
    await page.getByTestId("custom-input").fill("20 22\n");
    await typeSolution(page, 'import sys\na, b = map(int, input().split())\nprint(a + b)\nprint("debug", a, file=sys.stderr)\n');
    await page.keyboard.press("ControlOrMeta+'");
    await finishedRun().waitFor({ timeout: JUDGE_TIMEOUT });
    assert.equal(await runResult().getAttribute("data-verdict"), "AC");
    assert.equal((await page.getByTestId("run-stdout").innerText()).trim(), "42");
    assert.equal((await page.getByTestId("run-stderr").innerText()).trim(), "debug 20");
    assert.equal(await page.getByTestId("run-expected").count(), 0, "custom input has nothing to compare with");
    await page.screenshot({ path: join(artifacts, "run-custom-input.png") });

    await typeSolution(page, "import sys\nprint('partial')\nsys.exit(3)\n");
    await page.getByTestId("run-button").click();
    await finishedRun().waitFor({ timeout: JUDGE_TIMEOUT });
    assert.equal(await runResult().getAttribute("data-verdict"), "RE");
    assert.equal((await page.getByTestId("run-stdout").innerText()).trim(), "partial");
    assert.match(await page.getByTestId("run-result").innerText(), /exit code 3/);

    await page.getByTestId("language-select").selectOption("cpp");
    await typeSolution(page, "int main() { return undefined_name; }\n");
    await page.getByTestId("run-button").click();
    await finishedRun().waitFor({ timeout: JUDGE_TIMEOUT });
    assert.equal(await runResult().getAttribute("data-verdict"), "CE");
    assert.match(await page.getByTestId("run-compile-output").innerText(), /undefined_name/);
    await page.getByTestId("language-select").selectOption("python");
  });

  it("keeps the verdict streaming across a notifier restart mid-judging", async () => {
    // Sleeps (no CPU) in each of the 15 tests, so judging outlasts the notifier's restart.
    await typeSolution(page, "import time\na, b = map(int, input().split())\ntime.sleep(0.5)\nprint(a + b)\n");
    await page.getByTestId("submit-button").click();
    await page.locator('[data-testid="test-result"][data-index="3"]').waitFor({ timeout: JUDGE_TIMEOUT });
    assert.equal(await page.getByTestId("submission-status").getAttribute("data-status"), "running");
    await page.screenshot({ path: join(artifacts, "verdict-live.png") });

    await stack.notifier.stop();
    await page.getByTestId("connection-state").and(page.locator('[data-state="connecting"], [data-state="closed"]')).waitFor();
    await stack.restartNotifier();
    await waitForLive(page, 30_000);

    const verdict = page.getByTestId("verdict");
    await verdict.waitFor({ timeout: JUDGE_TIMEOUT });
    assert.equal(await verdict.getAttribute("data-verdict"), "AC");
    const [, passed, total] = /^(\d+)\s*\/\s*(\d+)$/.exec(await page.getByTestId("passed").innerText()) ?? [];
    assert.ok(Number(total) > 3 && passed === total, `passed ${passed} of ${total}`);
    assert.equal(await page.getByTestId("test-result").and(page.locator('[data-verdict="AC"]')).count(), Number(total), "every test's result arrived");
    await page.screenshot({ path: join(artifacts, "verdict-after-notifier-restart.png") });
    await page.getByTestId("result-stats").waitFor({ timeout: JUDGE_TIMEOUT });
  });

  it("compares an accepted submission with someone else's: faster than X%, less memory than Y%", async () => {
    // Another person's accepted submission to compare with: one's own earlier ones do not count.
    const other = await registerUser(base);
    const otherId = await submit(base, other.token, "python", "a, b = map(int, input().split())\nprint(a + b)\n");
    await eventually(
      "the other person's submission judged",
      async () => (await api<{ status: string }>(base, `/api/submissions/${otherId}`)).body.status === "done",
      { timeoutMs: JUDGE_TIMEOUT },
    );
    await typeSolution(page, "a, b = map(int, input().split())\nprint(a + b)\n");
    const previous = await page.getByTestId("verdict").elementHandle();
    await page.keyboard.press("ControlOrMeta+Enter");
    // A new result card replaces the old one once the new submission is judged.
    await previous?.waitForElementState("hidden", { timeout: JUDGE_TIMEOUT });
    const verdict = page.getByTestId("verdict");
    await verdict.waitFor({ timeout: JUDGE_TIMEOUT });
    assert.equal(await verdict.getAttribute("data-verdict"), "AC");
    const stats = page.getByTestId("result-stats");
    await stats.waitFor({ timeout: JUDGE_TIMEOUT });
    assert.match(await stats.innerText(), /^Faster than \d+% and less memory than \d+% of 2 accepted Python 3 submissions\.$/);
    await page.screenshot({ path: join(artifacts, "verdict-accepted-stats.png") });
  });

  it("fits a narrow screen, in the dark theme too", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId("statement").waitFor();
    // Strings, not functions: this file is typed without the DOM library.
    const overflow = Number(await page.evaluate("document.documentElement.scrollWidth - window.innerWidth"));
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    const theme = async () => String(await page.evaluate('document.documentElement.dataset.theme ?? "system"'));
    for (let clicks = 0; clicks < 3 && (await theme()) !== "dark"; clicks++) await page.getByTestId("theme-toggle").click();
    assert.equal(await theme(), "dark");
    // #16181d, the dark --bg
    assert.equal(await page.evaluate("getComputedStyle(document.body).backgroundColor"), "rgb(22, 24, 29)");
    await page.screenshot({ path: join(artifacts, "problem-page-narrow.png"), fullPage: true });
    for (const path of ["/problems", "/problems?difficulty=easy"]) {
      await page.goto(`${base}${path}`);
      await page.getByTestId("problem-row").first().waitFor();
      const sideways = Number(await page.evaluate("document.documentElement.scrollWidth - window.innerWidth"));
      assert.ok(sideways <= 0, `${path} scrolls sideways by ${sideways}px`);
    }
    await page.screenshot({ path: join(artifacts, "problem-list-narrow.png"), fullPage: true });
  });

  it("asked nothing of any host but the app's own origin", () => {
    assert.ok(requests.some((url) => url.startsWith("ws")), "the WebSocket was recorded");
    assert.ok(requests.some((url) => url.endsWith(".js")), "scripts were recorded");
    assert.deepEqual(foreignRequests(requests, base), []);
  });
});
