import assert from "node:assert/strict";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { eventually } from "../support/eventually.ts";
import { startTestStack, type TestStack } from "../support/test-stack.ts";
import { artifacts, launchBrowser, loginInBrowser, PHONE, registerInBrowser, typeSolution, webDist, waitForLive } from "./browser-harness.ts";

const JUDGE_TIMEOUT = 90_000;
const SOLUTION = "a, b = map(int, input().split())\nprint(a + b)\n";

/** One `$x_i$` or `$x^k$` of a statement as rendered: the base letter and its script. */
interface ScriptMeasure {
  kind: "sub" | "sup";
  baseFontPx: number;
  scriptFontPx: number;
  base: { left: number; right: number; top: number; bottom: number };
  script: { left: number; right: number; top: number; bottom: number };
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  assert.ok(found, "the element is rendered");
  return found;
}

const editorHeight = async (page: Page) => (await box(page.getByTestId("editor"))).height;
const editorText = (page: Page) => page.getByTestId("editor").locator(".cm-content").innerText();

describe("what was broken in the web app, in a real browser: math, layout, drafts, stats, the submission page", () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;
  let base: string;
  let alice: string;
  let phone: BrowserContext | undefined;

  beforeAll(async () => {
    stack = await startTestStack({ gatewayPort: 0, webDir: webDist });
    base = stack.gatewayUrl ?? "";
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  });

  afterAll(async () => {
    await phone?.close();
    await browser?.close();
    await stack?.teardown();
  });

  it("renders math with one KaTeX: scripts smaller than their base, beside it on the same line", async () => {
    // The statement has $a_1, a_2, \ldots, a_n$, $a_i > a_j$ and $10^6$.
    await page.goto(`${base}/problems/count-inversions`);
    await page.getByTestId("statement").locator(".katex").first().waitFor();
    const scripts: ScriptMeasure[] = await page.getByTestId("statement").evaluate((statement) => {
      // No DOM types in this file's program: the element's own window gives getComputedStyle.
      type Node = typeof statement;
      const view = statement.ownerDocument.defaultView;
      const rect = (el: Node) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      };
      const fontPx = (el: Node) => Number.parseFloat(view?.getComputedStyle(el).fontSize ?? "NaN");
      return [...statement.querySelectorAll(".katex-html .msupsub")].flatMap((scripts) => {
        const baseLetter = scripts.previousElementSibling;
        const script = scripts.querySelector(".mtight:not(:has(.mtight))");
        if (!baseLetter || !script) return [];
        // KaTeX marks a subscript-only stack vlist-t2 (it has a depth below the baseline).
        const kind: "sub" | "sup" = scripts.querySelector(".vlist-t2") ? "sub" : "sup";
        return [{ kind, baseFontPx: fontPx(baseLetter), scriptFontPx: fontPx(script), base: rect(baseLetter), script: rect(script) }];
      });
    });
    assert.ok(scripts.some((s) => s.kind === "sub") && scripts.some((s) => s.kind === "sup"), JSON.stringify(scripts));
    for (const s of scripts) {
      const where = JSON.stringify(s);
      assert.ok(s.scriptFontPx < 0.85 * s.baseFontPx, `a ${s.kind}script is drawn smaller than its base: ${where}`);
      assert.ok(s.script.left >= s.base.right - 2, `the script sits right of its base, not on the next line: ${where}`);
      const baseMiddle = (s.base.top + s.base.bottom) / 2;
      const scriptMiddle = (s.script.top + s.script.bottom) / 2;
      const height = s.base.bottom - s.base.top;
      assert.ok(Math.abs(scriptMiddle - baseMiddle) < height, `on the base's line: ${where}`);
      if (s.kind === "sub") assert.ok(scriptMiddle > baseMiddle, `a subscript is lowered: ${where}`);
      else assert.ok(scriptMiddle < baseMiddle, `a superscript is raised: ${where}`);
    }
    await page.getByTestId("statement").screenshot({ path: join(artifacts, "statement-math.png") });
  });

  it("starts a newcomer in Python; the editor keeps its height as output grows; stderr spans the width", async () => {
    alice = await registerInBrowser(page, base);
    await page.goto(`${base}/problems/a-plus-b`);
    await page.getByTestId("current-user").waitFor();
    await page.getByTestId("editor").locator(".cm-content").waitFor();
    assert.equal(await page.getByTestId("language-select").inputValue(), "python", "not the first language alphabetically");
    assert.ok(await page.locator(".editor-hint").isVisible(), "keyboard hints show where there is a keyboard");
    await waitForLive(page);
    const before = await editorHeight(page);

    await page.getByTestId("run-mode-custom").check();
    await page.getByTestId("custom-input").fill("20 22\n");
    await typeSolution(
      page,
      'import sys\na, b = map(int, input().split())\nfor i in range(80):\n    print(i)\nprint("Traceback (most recent call last): a long line of standard error " * 3, file=sys.stderr)\n',
    );
    await page.getByTestId("run-button").click();
    await page.getByTestId("run-result").and(page.locator('[data-status="done"]')).waitFor({ timeout: JUDGE_TIMEOUT });
    assert.ok(Math.abs((await editorHeight(page)) - before) <= 2, `the editor stays ${before} px high`);
    const stderrBlock = await box(page.locator(".run-block").filter({ has: page.getByTestId("run-stderr") }));
    const blocks = await box(page.locator(".run-blocks"));
    assert.ok(stderrBlock.width >= 0.95 * blocks.width, `stderr gets the full width: ${stderrBlock.width} of ${blocks.width}`);
    await page.screenshot({ path: join(artifacts, "run-stderr-wide.png") });
  });

  it("colours the diff: the expected line green, the wrong line of yours red", async () => {
    await page.getByTestId("run-mode-samples").check();
    await typeSolution(page, "a, b = map(int, input().split())\nprint(a - b)\n");
    await page.getByTestId("run-button").click();
    await page.getByTestId("run-result").and(page.locator('[data-match="false"]')).waitFor({ timeout: JUDGE_TIMEOUT });
    const colour = (locator: Locator) => locator.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).color ?? "");
    const rgb = (css: string) => (css.match(/\d+(\.\d+)?/g) ?? []).map(Number);
    const diff = page.getByTestId("run-diff");
    const wrong = await colour(page.getByTestId("run-outcome")); // "Wrong Answer", in the bad tone
    const extra = await colour(diff.locator(".diff-line.extra"));
    const missing = rgb(await colour(diff.locator(".diff-line.missing")));
    assert.equal(extra, wrong, "your wrong line is in the bad tone");
    assert.ok((missing[1] ?? 0) > (missing[0] ?? 0), `the expected line is green: ${missing.join(",")}`);
    assert.match(await diff.locator(".diff-line.extra").innerText(), /-1/);
    await page.screenshot({ path: join(artifacts, "run-samples-diff.png") });
  });

  it("keeps the result's verdict in sight below an editor of constant height, above the test chips", async () => {
    const before = await editorHeight(page);
    await typeSolution(page, SOLUTION);
    await page.getByTestId("submit-button").click();
    const card = page.getByTestId("result-card");
    await card.getByTestId("verdict").and(page.locator('[data-verdict="AC"]')).waitFor({ timeout: JUDGE_TIMEOUT });
    await page.getByTestId("result-stats").waitFor({ timeout: JUDGE_TIMEOUT });
    assert.ok(Math.abs((await editorHeight(page)) - before) <= 2, "the editor keeps its height");
    // The card may be taller than the console (an accepted one carries its distribution chart):
    // the console scrolls, and its verdict line must be in sight, under the sticky tabs.
    const cardBox = await box(card);
    const verdictBox = await box(card.getByTestId("verdict"));
    const panel = await box(page.locator(".output-panel"));
    const tabs = await box(page.locator(".output-panel > .tabs > .tablist"));
    const inSight = verdictBox.y >= tabs.y + tabs.height - 1 && verdictBox.y + verdictBox.height <= panel.y + panel.height + 1;
    assert.ok(inSight, `the verdict is in sight, not under the sticky tabs nor below the panel: ${JSON.stringify({ verdictBox, tabs, panel })}`);
    assert.equal(await page.evaluate("window.scrollY"), 0, "only the console scrolls: the window, and the workspace under the header, stay put");
    assert.ok(cardBox.y < (await box(page.getByTestId("test-result").first())).y, "the verdict comes before the chips");
    await page.screenshot({ path: join(artifacts, "problem-page-result.png") });
  });

  it("keys drafts and the language by user: sign-out shows nobody's draft, the next person starts afresh", async () => {
    await page.getByTestId("language-select").selectOption("cpp");
    await typeSolution(page, "// the secret of alice\nint main() { return 0; }\n");
    await page.reload(); // the pending draft is saved on pagehide
    // Until the API says who is signed in the editor reads no one's drafts; the header and the
    // editor learn it in the same render.
    await page.getByTestId("current-user").waitFor();
    await page.getByTestId("editor").and(page.locator('[data-language="cpp"]')).waitFor();
    assert.match(await editorText(page), /secret of alice/);

    await page.getByTestId("logout-button").click();
    await page.getByTestId("login-link").waitFor();
    await page.getByTestId("editor").locator(".cm-content").waitFor();
    assert.doesNotMatch(await editorText(page), /secret of alice/, "signed out, the editor holds no one's draft");

    await registerInBrowser(page, base);
    await page.goto(`${base}/problems/a-plus-b`);
    await page.getByTestId("current-user").waitFor();
    await page.getByTestId("editor").locator(".cm-content").waitFor();
    assert.equal(await page.getByTestId("language-select").inputValue(), "python", "a newcomer does not inherit alice's C++");
    assert.doesNotMatch(await editorText(page), /secret of alice|print\(a \+ b\)/, "nor her drafts");
    await page.getByTestId("logout-button").click();
    await page.getByTestId("login-link").waitFor();

    await loginInBrowser(page, base, alice);
    await page.goto(`${base}/problems/a-plus-b`);
    await page.getByTestId("current-user").waitFor();
    await page.getByTestId("editor").locator(".cm-content").waitFor();
    assert.equal(await page.getByTestId("language-select").inputValue(), "cpp", "alice is back in her last language");
    assert.match(await editorText(page), /secret of alice/, "with her draft");
  });

  it("on a phone: no keyboard hints, compact chips under the verdict, and no 'faster than' one's own submissions", async () => {
    phone = await browser.newContext(PHONE);
    const mobile = await phone.newPage();
    await loginInBrowser(mobile, base, alice);
    await mobile.goto(`${base}/problems/a-plus-b`);
    await mobile.getByTestId("editor").locator(".cm-content").waitFor();
    await mobile.getByTestId("language-select").selectOption("python");
    assert.equal(await mobile.locator(".editor-hint").isVisible(), false, "no Ctrl/Cmd hints on a touch screen");
    assert.equal(await mobile.locator(".submit-button kbd").isVisible(), false);
    // A keyword and a comment, for the submission page's highlighting.
    await typeSolution(mobile, `import sys\n# once more\n${SOLUTION}`);
    await mobile.getByTestId("connection-state").and(mobile.locator('[data-state="open"]')).waitFor();
    await mobile.getByTestId("submit-button").tap();
    const card = mobile.getByTestId("result-card");
    await card.getByTestId("verdict").and(mobile.locator('[data-verdict="AC"]')).waitFor({ timeout: JUDGE_TIMEOUT });
    // Alice's first accepted one is hers, not someone else's to be faster than.
    const stats = mobile.getByTestId("result-stats");
    await stats.waitFor({ timeout: JUDGE_TIMEOUT });
    assert.doesNotMatch(await stats.innerText(), /Faster than/, await stats.innerText());

    const cardBox = await box(card);
    const verdictBox = await box(card.getByTestId("verdict"));
    assert.ok(verdictBox.y >= 0 && verdictBox.y + verdictBox.height <= PHONE.viewport.height, `the verdict is in sight: ${JSON.stringify(verdictBox)}`);
    const list = await box(mobile.locator(".test-chips"));
    const chips = await mobile.getByTestId("test-result").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as { y: number; width: number }));
    assert.ok(chips.length >= 5, `a-plus-b has several tests: ${chips.length}`);
    for (const chip of chips) assert.ok(chip.width < list.width / 3, `chips sit at least three to a row: ${chip.width} of ${list.width}`);
    assert.ok(cardBox.y < (chips[0]?.y ?? 0), "the verdict comes before the chips");
    await mobile.screenshot({ path: join(artifacts, "phone-verdict.png") });

    await mobile.getByRole("link", { name: "Details" }).tap();
    await mobile.waitForURL(/\/submissions\//);
    const problemLink = mobile.getByTestId("submission-problem");
    await mobile.getByTestId("verdict").waitFor();
    // The slug shows until the problem's title is known (a GET, unless cached), so wait for the title.
    await problemLink.getByText("A + B", { exact: true }).waitFor();
    assert.equal(await problemLink.getAttribute("href"), "/problems/a-plus-b");
    const title = "A + B — Accepted · Python 3 · Judge";
    await eventually(`the document title ${title}`, async () => (await mobile.title()) === title);

    const code = mobile.getByTestId("submission-code");
    await code.locator(".cm-line span").first().waitFor(); // highlighted tokens, not plain text
    assert.equal(await code.locator(".cm-content").getAttribute("contenteditable"), "false", "read-only");
    assert.match(await code.locator(".cm-content").innerText(), /# once more/);
    const tokenColours = new Set(await code.locator(".cm-line span").evaluateAll((els) => els.map((el) => el.ownerDocument.defaultView?.getComputedStyle(el).color ?? "")));
    assert.ok(tokenColours.size >= 2, `keywords, names and comments in their colours: ${[...tokenColours].join(", ")}`);

    const id = mobile.getByTestId("submission-id");
    const lineHeight = await id.evaluate((el) => Number.parseFloat(el.ownerDocument.defaultView?.getComputedStyle(el).fontSize ?? "NaN") * 1.8);
    assert.ok((await box(id)).height <= lineHeight, "the id stays on one line");
    assert.ok((await box(id)).x + (await box(id)).width <= PHONE.viewport.width, "and inside the screen");
    assert.ok(await mobile.getByRole("button", { name: "Copy the submission id" }).isVisible());
    await mobile.screenshot({ path: join(artifacts, "phone-submission-page.png"), fullPage: true });
  });
});
