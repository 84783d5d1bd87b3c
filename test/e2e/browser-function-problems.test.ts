import assert from "node:assert/strict";
import { join } from "node:path";
import type { ProblemDetail } from "@judge/protocol";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { api, startTestStack, type TestStack } from "../support/test-stack.ts";
import { artifacts, launchBrowser, registerInBrowser, typeSolution, unnamedControls, webDist, waitForLive } from "./browser-harness.ts";

const JUDGE_TIMEOUT = 90_000;

/** LeetCode's accepted Python answer, pasted as is; it prints, so each case has a Stdout. */
const CORRECT = `class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        print("target", target)
        seen = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], i]
            seen[x] = i
        return []
`;
/** Right on examples 1 and 3 ([0,1]), wrong on example 2 ([1,2]). */
const WRONG = `class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        return [0, 1]
`;

/** Raises on the first case, after a print. */
const RAISES = `class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        print("before")
        return [0, 1 // 0]
`;

/** A design problem's answer, relying on LeetCode's implicit prelude (OrderedDict). */
const LRU_CACHE = `class LRUCache:

    def __init__(self, capacity: int):
        self.capacity = capacity
        self.cache = OrderedDict()

    def get(self, key: int) -> int:
        if key not in self.cache:
            return -1
        self.cache.move_to_end(key)
        return self.cache[key]

    def put(self, key: int, value: int) -> None:
        self.cache[key] = value
        self.cache.move_to_end(key)
        if len(self.cache) > self.capacity:
            self.cache.popitem(last=False)
`;

/** JSON as shown, compared without white space: the judge may print `[0, 1]` or `[0,1]`. */
const compact = (text: string) => text.replace(/\s+/g, "");

describe("a function problem in a real browser: the Testcase panel, Test Result, a failed submission's case", () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;
  let base: string;
  let problem: ProblemDetail;

  beforeAll(async () => {
    stack = await startTestStack({ gatewayPort: 0, webDir: webDist });
    base = stack.gatewayUrl ?? "";
    const detail = await api<ProblemDetail>(base, "/api/problems/two-sum");
    assert.equal(detail.status, 200, "two-sum is seeded");
    problem = detail.body;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await registerInBrowser(page, base);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.teardown();
  });

  const testcasePanel = () => page.getByTestId("testcase-panel");
  const caseTabs = () => testcasePanel().getByRole("tab");
  /** The field labelled `nums =` (the ` =` is decoration, hidden from assistive technology). */
  const field = (name: string) => testcasePanel().getByLabel(new RegExp(`^${name}\\b`));
  /** The Case tabs of Test Result, without the ", passed" / ", failed" read to screen readers. */
  const resultTabNames = async () =>
    (await page.getByTestId("run-report").getByRole("tab").allInnerTexts()).map((text) => text.replace(/\s*,\s*(passed|failed)$/, "").trim());
  /** A case's input as shown: `{ nums: "[2,7,11,15]", target: "9" }`. */
  async function shownInput(report: Locator): Promise<Record<string, string>> {
    const values = report.getByTestId("case-input-value");
    const shown: Record<string, string> = {};
    for (const value of await values.all()) shown[(await value.getAttribute("data-name")) ?? ""] = compact(await value.innerText());
    return shown;
  }
  async function run(code: string, verdict: string): Promise<void> {
    await typeSolution(page, code);
    await page.getByTestId("run-button").click();
    await page.locator(`[data-testid="run-verdict"][data-verdict="${verdict}"]`).waitFor({ timeout: JUDGE_TIMEOUT });
  }

  it("opens two-sum with Case 1..3 from the examples, one labelled field per parameter, and only its languages", async () => {
    await page.goto(`${base}/problems/two-sum`);
    await page.getByTestId("language-select").selectOption("python");
    await testcasePanel().waitFor();
    assert.deepEqual(await caseTabs().allInnerTexts(), ["Case 1", "Case 2", "Case 3"]);
    assert.equal(await field("nums").inputValue(), "[2,7,11,15]");
    assert.equal(await field("target").inputValue(), "9");
    await page.getByTestId("tab-case-2").click();
    assert.equal(await field("nums").inputValue(), "[3,2,4]");

    // The editor starts from the API's LeetCode starter, not a stdin program.
    const starter = problem.languages.find((l) => l.id === "python")?.starter ?? "";
    assert.match(starter, /def twoSum\(self, nums: List\[int\], target: int\) -> List\[int\]:/);
    assert.match(await page.getByTestId("editor").locator(".cm-content").innerText(), /def twoSum\(self, nums: List\[int\], target: int\)/);

    // Languages without a LeetCode convention are listed, disabled, with the reason.
    const select = page.getByTestId("language-select");
    const note = (problem.unsupportedLanguages ?? []).length > 0 ? await page.getByTestId("unsupported-languages").innerText() : "";
    for (const language of problem.unsupportedLanguages ?? []) {
      assert.equal(await select.locator(`option[value="${language.id}"]`).isDisabled(), true, `${language.id} cannot be chosen`);
      assert.ok(note.includes(language.name) && note.includes(language.reason), `the note names ${language.name} and why: ${note}`);
    }
    for (const language of problem.languages) assert.equal(await select.locator(`option[value="${language.id}"]`).isDisabled(), false);
    assert.deepEqual(await unnamedControls(page), [], "every control on a function problem's page has an accessible name");
    await page.screenshot({ path: join(artifacts, "function-testcase.png") });
  });

  it("edits a case, adds a copy of one and removes one, and keeps the cases across a reload", async () => {
    await page.getByTestId("tab-case-3").click();
    await page.getByTestId("add-case").click();
    assert.deepEqual(await caseTabs().allInnerTexts(), ["Case 1", "Case 2", "Case 3", "Case 4"]);
    assert.equal(await page.getByTestId("tab-case-4").getAttribute("aria-selected"), "true", "the new case is shown");
    assert.equal(await field("nums").inputValue(), "[3,3]", "a copy of the case shown");
    await field("nums").fill("[1,5,9]");
    await field("target").fill("14");

    await page.getByTestId("add-case").click();
    assert.equal(await caseTabs().count(), 5);
    await page.getByTestId("remove-case").click();
    assert.equal(await caseTabs().count(), 4);

    await page.reload();
    await testcasePanel().waitFor();
    assert.equal(await caseTabs().count(), 4, "the edited cases are kept for this problem");
    await page.getByTestId("tab-case-4").click();
    assert.equal(await field("nums").inputValue(), "[1,5,9]");
    assert.equal(await field("target").inputValue(), "14");
  });

  it("runs a correct solution: Accepted, each case with its input, Output, Expected and Stdout", async () => {
    await waitForLive(page);
    await run(CORRECT, "AC");
    assert.equal(await page.getByTestId("tab-test-result").getAttribute("aria-selected"), "true");
    assert.match(await page.getByTestId("run-runtime").innerText(), /\d+ ms/);
    assert.deepEqual(await resultTabNames(), ["Case 1", "Case 2", "Case 3", "Case 4"]);

    const expected = ["[0,1]", "[1,2]", "[0,1]", "[1,2]"];
    for (const [i, answer] of expected.entries()) {
      await page.getByTestId(`tab-result-case-${i + 1}`).click();
      const report = page.getByTestId("result-case");
      assert.equal(await report.getAttribute("data-index"), String(i + 1));
      assert.equal(await report.getAttribute("data-failed"), "false");
      assert.equal(compact(await report.getByTestId("case-output").innerText()), answer);
      assert.equal(compact(await report.getByTestId("case-expected").innerText()), answer, "the reference solution's answer");
    }
    // Case 4 is the one edited in the panel; its prints are its own.
    const report = page.getByTestId("result-case");
    assert.deepEqual(await shownInput(report), { nums: "[1,5,9]", target: "14" });
    assert.equal((await report.getByTestId("case-stdout").innerText()).trim(), "target 14");
    await page.screenshot({ path: join(artifacts, "function-test-result.png") });
  });

  it("runs a wrong solution: Wrong Answer, the case whose output differs marked", async () => {
    await run(WRONG, "WA");
    const report = page.getByTestId("result-case");
    assert.equal(await report.getAttribute("data-index"), "2", "the first failing case is shown");
    assert.equal(await report.getAttribute("data-failed"), "true");
    await report.getByTestId("case-mismatch").waitFor();
    assert.deepEqual(await shownInput(report), { nums: "[3,2,4]", target: "6" });
    assert.equal(compact(await report.getByTestId("case-output").innerText()), "[0,1]");
    assert.equal(compact(await report.getByTestId("case-expected").innerText()), "[1,2]");
    assert.equal(await report.getByTestId("case-stdout").count(), 0, "no Stdout block for a case that printed nothing");
    assert.match((await page.getByTestId("tab-result-case-2").getAttribute("class")) ?? "", /\bfailed\b/);
    assert.match((await page.getByTestId("tab-result-case-1").getAttribute("class")) ?? "", /\bpassed\b/);
  });

  it("runs a solution that raises: Runtime Error with the traceback, the case it stopped at, the later cases not run", async () => {
    await run(RAISES, "RE");
    assert.match(await page.getByTestId("run-stderr").innerText(), /ZeroDivisionError/);
    const report = page.getByTestId("result-case");
    assert.equal(await report.getAttribute("data-index"), "1");
    assert.equal(await report.getAttribute("data-state"), "failed");
    assert.equal(await report.getByTestId("case-mismatch").innerText(), "Runtime Error");
    assert.equal((await report.getByTestId("case-stdout").innerText()).trim(), "before", "its prints up to the crash");
    assert.match((await page.getByTestId("tab-result-case-2").getAttribute("class")) ?? "", /\bunjudged\b/);
  });

  it("submits a wrong solution: the failing case's input, output and expected, here and on the submission page", async () => {
    await typeSolution(page, WRONG);
    await page.getByTestId("submit-button").click();
    await page.getByTestId("verdict").and(page.locator('[data-verdict="WA"]')).waitFor({ timeout: JUDGE_TIMEOUT });
    const failure = page.getByTestId("failure-case");
    await failure.waitFor({ timeout: JUDGE_TIMEOUT });
    const input = await shownInput(failure);
    assert.deepEqual(Object.keys(input), ["nums", "target"], "the input per parameter");
    const output = compact(await failure.getByTestId("case-output").innerText());
    const expected = compact(await failure.getByTestId("case-expected").innerText());
    assert.equal(output, "[0,1]", "what the wrong solution returns");
    assert.notEqual(output, expected);
    await page.getByTestId("result-card").screenshot({ path: join(artifacts, "function-failed-submission.png") });

    await page.getByRole("link", { name: "Details" }).click();
    await page.waitForURL(/\/submissions\//);
    const onPage = page.getByTestId("failure-case");
    await onPage.waitFor({ timeout: JUDGE_TIMEOUT });
    assert.deepEqual(await shownInput(onPage), input);
    assert.equal(compact(await onPage.getByTestId("case-expected").innerText()), expected);
  });

  it("submits a correct solution: Accepted, no failing case", async () => {
    await page.goto(`${base}/problems/two-sum`);
    await waitForLive(page);
    await typeSolution(page, CORRECT);
    await page.getByTestId("submit-button").click();
    await page.getByTestId("verdict").and(page.locator('[data-verdict="AC"]')).waitFor({ timeout: JUDGE_TIMEOUT });
    assert.match(await page.getByTestId("passed").innerText(), /(\d+)\s*\/\s*\1/);
    assert.equal(await page.getByTestId("failure-case").count(), 0);
  });

  it("shows a design problem's case as two fields, the calls and their arguments, and runs it", async () => {
    await page.goto(`${base}/problems/lru-cache`);
    await page.getByTestId("language-select").selectOption("python");
    await testcasePanel().waitFor();
    assert.deepEqual(await caseTabs().allInnerTexts(), ["Case 1"]);
    assert.match(compact(await field("calls").inputValue()), /^\["LRUCache","put"/);
    assert.match(compact(await field("arguments").inputValue()), /^\[\[2\],\[1,1\]/);
    await run(LRU_CACHE, "AC");
    const report = page.getByTestId("result-case");
    assert.deepEqual(Object.keys(await shownInput(report)), ["calls", "arguments"]);
    assert.equal(compact(await report.getByTestId("case-output").innerText()), "[null,null,null,1,null,-1,null,-1,3,4]");
    assert.equal(compact(await report.getByTestId("case-expected").innerText()), "[null,null,null,1,null,-1,null,-1,3,4]");
  });
});
