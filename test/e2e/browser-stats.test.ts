import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { createPrisma, type PrismaClient } from "@judge/db";
import type { Distribution } from "@judge/protocol";
import { eventually } from "../support/eventually.ts";
import { api, registerUser, startTestStack, type TestStack } from "../support/test-stack.ts";
import { artifacts, launchBrowser, recordCspViolations, registerInBrowser, typeSolution, unnamedControls, webDist, waitForLive } from "./browser-harness.ts";

const JUDGE_TIMEOUT = 90_000;
const SOLUTION = "a, b = map(int, input().split())\nprint(a + b)\n";
/** Others' accepted Python times for a-plus-b, ms: a hump around 40 ms, as real ones look. */
const OTHERS_MS = [8, 12, 15, 18, 22, 25, 27, 30, 32, 34, 36, 38, 40, 41, 43, 45, 47, 50, 52, 55, 58, 62, 66, 70, 78, 85, 96, 110];

/**
 * Issue 14's statistics and lists in Chromium: the runtime/memory distribution of an accepted
 * result with the user's bar marked and a sample code behind a click (refused to someone who
 * has not solved the problem), the list's status filter and sorts (on a phone too), the
 * profile's solved counts and calendar, and all submissions with their filters.
 */
describe("statistics and lists in a real browser", () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;
  let base: string;
  let prisma: PrismaClient;
  let username: string;
  let userId: string;
  let problemIds: Map<string, string>;
  let acceptedId: string;
  let cspViolations: string[];

  /** A stored submission as the result consumer leaves it. */
  const make = (data: { userId: string; problem: string; verdict: "AC" | "WA" | "CE"; timeMs?: number; memoryKb?: number; code?: string; createdAt?: Date; language?: string }) =>
    prisma.submission.create({
      data: {
        id: randomUUID(),
        userId: data.userId,
        problemId: problemIds.get(data.problem) ?? "",
        language: data.language ?? "python",
        code: data.code ?? "# made by the test",
        status: "done",
        verdict: data.verdict,
        timeMs: data.timeMs ?? null,
        memoryKb: data.memoryKb ?? null,
        ...(data.createdAt ? { createdAt: data.createdAt } : {}),
        judgedAt: new Date(),
      },
    });

  beforeAll(async () => {
    stack = await startTestStack({ gatewayPort: 0, webDir: webDist });
    base = stack.gatewayUrl ?? "";
    prisma = createPrisma(stack.databaseUrl);
    problemIds = new Map((await prisma.problem.findMany({ select: { id: true, slug: true } })).map((p) => [p.slug, p.id]));
    const others = [await registerUser(base), await registerUser(base)];
    for (const [i, timeMs] of OTHERS_MS.entries()) {
      await make({ userId: others[i % 2]!.id, problem: "a-plus-b", verdict: "AC", timeMs, memoryKb: 9000 + ((i * 211) % 2400), code: `# others-${timeMs}\n${SOLUTION}` });
    }
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    cspViolations = recordCspViolations(page);
    username = await registerInBrowser(page, base);
    userId = (await prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } })).id;
  });

  afterAll(async () => {
    await browser?.close();
    await prisma?.$disconnect();
    await stack?.teardown();
  });

  /** Clicks bar `index` of the chart's canvas where a person would: low in its column. */
  async function clickBar(on: Page, canvas: Locator, index: number): Promise<void> {
    const xs = (await canvas.getAttribute("data-bar-x"))?.split(",").map(Number) ?? [];
    const bottom = Number(await canvas.getAttribute("data-bar-bottom"));
    const box = await canvas.boundingBox();
    const x = xs[index];
    assert.ok(box && x !== undefined, `bar ${index} of ${xs.length} is drawn`);
    await on.mouse.click(box.x + x, box.y + bottom - 3);
  }

  /** The Python runtime distribution as the API has it, and a non-empty bar other than `yours`. */
  async function otherBar(yours: number): Promise<{ index: number; from: number; to: number }> {
    const { body } = await api<Distribution>(base, "/api/problems/a-plus-b/distribution?language=python");
    const index = body.runtime.findLastIndex((b, i) => b.count > 0 && i !== yours);
    const bar = body.runtime[index];
    assert.ok(bar, "some other bar holds others' submissions");
    return { index, from: bar.from, to: bar.to };
  }

  it("an accepted result shows the runtime distribution with the user's bar, and a bar's sample code on click", async () => {
    await page.goto(`${base}/problems/a-plus-b`);
    await page.getByTestId("language-select").selectOption("python");
    await typeSolution(page, SOLUTION);
    await waitForLive(page);
    await page.getByTestId("submit-button").click();
    await page.getByTestId("verdict").and(page.locator('[data-verdict="AC"]')).waitFor({ timeout: JUDGE_TIMEOUT });
    // The socket brings the verdict before the API has stored it.
    const row = await eventually("the stored accepted submission", async () => (await prisma.submission.findFirst({ where: { userId, verdict: "AC" }, select: { id: true, timeMs: true } })) ?? undefined);
    acceptedId = row.id;

    // The submission's own page: the stored result, with its statistics and the chart.
    await page.goto(`${base}/submissions/${acceptedId}`);
    const panel = page.getByTestId("distribution");
    const canvas = page.getByTestId("distribution-canvas");
    await page.getByTestId("distribution-you").waitFor();
    const { body } = await api<Distribution>(base, "/api/problems/a-plus-b/distribution?language=python");
    assert.equal(body.accepted, OTHERS_MS.length + 1, "others' and the user's accepted submissions");
    const yours = body.runtime.findIndex((b) => (row.timeMs ?? -1) >= b.from && (row.timeMs ?? -1) < b.to);
    assert.ok(yours >= 0);
    assert.equal(await panel.getAttribute("data-user-bar"), String(yours), "the user's bar is the one marked");
    assert.equal((await canvas.getAttribute("data-bar-x"))?.split(",").length, body.runtime.length, "one bar per bucket");
    assert.ok(((await canvas.boundingBox())?.height ?? 0) > 100, "the chart is drawn at a readable size");

    const other = await otherBar(yours);
    await clickBar(page, canvas, other.index);
    const sample = page.getByTestId("distribution-sample");
    await sample.waitFor();
    const shown = Number(/# others-(\d+)/.exec(await sample.innerText())?.[1]);
    assert.ok(shown >= other.from && shown < other.to, `a sample from the bar clicked (${other.from}-${other.to} ms): ${shown} ms`);
    await page.getByTestId("result-card").screenshot({ path: join(artifacts, "distribution-chart.png") });

    await page.getByTestId("distribution-memory").click();
    await panel.and(page.locator('[data-metric="memory"]')).waitFor();
    assert.notEqual(await panel.getAttribute("data-user-bar"), "-1", "the user's memory is marked too");
    assert.equal(await sample.count(), 0, "the sample belonged to the runtime bar");
    assert.deepEqual(await unnamedControls(page), [], "every control of the chart has an accessible name");
    assert.deepEqual(cspViolations, [], "Chart.js draws within the page's Content-Security-Policy");
  });

  it("refuses the sample code to someone who has not solved the problem", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const stranger = await context.newPage();
    try {
      await registerInBrowser(stranger, base);
      await stranger.goto(`${base}/submissions/${acceptedId}`);
      const canvas = stranger.getByTestId("distribution-canvas");
      await stranger.getByTestId("distribution-you").waitFor();
      const yours = Number(await stranger.getByTestId("distribution").getAttribute("data-user-bar"));
      const other = await otherBar(yours);
      await clickBar(stranger, canvas, other.index);
      await stranger.getByTestId("distribution-sample-refused").waitFor();
      assert.equal(await stranger.getByTestId("distribution-sample").count(), 0);
    } finally {
      await context.close();
    }
  });

  const rows = () => page.getByTestId("problem-row");
  const slugsShown = () => rows().evaluateAll((els) => els.map((el) => el.getAttribute("data-slug") ?? ""));

  it("filters the problem list by status and sorts it by difficulty and acceptance; on a phone too", async () => {
    await make({ userId, problem: "count-inversions", verdict: "WA", timeMs: 5, memoryKb: 100 });
    await page.goto(`${base}/problems`);
    await rows().first().waitFor();
    await page.getByTestId("status-filter").selectOption("solved");
    await page.waitForURL(/[?&]status=solved/);
    await page.locator('[data-testid="problem-row"][data-slug="count-inversions"]').waitFor({ state: "detached" });
    assert.deepEqual(await slugsShown(), ["a-plus-b"]);
    await page.getByTestId("status-filter").selectOption("attempted");
    await page.locator('[data-testid="problem-row"][data-slug="count-inversions"]').waitFor();
    assert.deepEqual(await slugsShown(), ["count-inversions"]);

    await page.getByTestId("status-filter").selectOption("");
    await page.getByTestId("problem-sort").selectOption("-difficulty");
    await page.waitForURL(/[?&]sort=-difficulty/);
    await page.locator('[data-testid="problem-row"]:first-child .difficulty-hard').waitFor();
    const order = await rows().evaluateAll((els) => els.map((el) => el.querySelector(".difficulty")?.textContent ?? ""));
    const rank: Record<string, number> = { Hard: 0, Medium: 1, Easy: 2 };
    assert.deepEqual([...order].sort((a, b) => (rank[a] ?? 9) - (rank[b] ?? 9)), order, `hardest first: ${order.join(", ")}`);

    await page.getByTestId("problem-sort").selectOption("-acceptance");
    await page.waitForURL(/[?&]sort=-acceptance/);
    // count-inversions: 0 of 1 accepted, a-plus-b: all; problems nobody was judged on come last.
    await rows().first().and(page.locator('[data-slug="a-plus-b"]')).waitFor();
    const ranked = await slugsShown();
    assert.ok(ranked.indexOf("a-plus-b") < ranked.indexOf("count-inversions"), ranked.join(", "));

    // A phone: the same signed-in user, the filters usable without sideways scrolling.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, storageState: await page.context().storageState() });
    const mobile = await phone.newPage();
    try {
      await mobile.goto(`${base}/problems?status=todo`);
      await mobile.getByTestId("problem-row").first().waitFor();
      const todo = await mobile.getByTestId("problem-row").evaluateAll((els) => els.map((el) => el.getAttribute("data-slug") ?? ""));
      assert.ok(!todo.includes("a-plus-b") && !todo.includes("count-inversions") && todo.includes("fizzbuzz"), todo.join(", "));
      await mobile.getByTestId("status-filter").selectOption("solved");
      await mobile.getByTestId("problem-row").nth(1).waitFor({ state: "detached" });
      assert.deepEqual(await mobile.getByTestId("problem-row").evaluateAll((els) => els.map((el) => el.getAttribute("data-slug"))), ["a-plus-b"]);
      for (const id of ["status-filter", "problem-sort"]) {
        const box = await mobile.getByTestId(id).boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `${id} fits the phone's width`);
      }
      assert.ok(Number(await mobile.evaluate("document.documentElement.scrollWidth")) <= 390, "no sideways scrolling");
      await mobile.screenshot({ path: join(artifacts, "problem-list-phone.png") });
    } finally {
      await phone.close();
    }
  });

  it("shows the profile: solved counts by difficulty and the submission calendar", async () => {
    await page.goto(`${base}/problems`);
    await page.getByTestId("current-user").click();
    await page.waitForURL(`**/u/${username}`);
    await page.getByTestId("heatmap").waitFor();
    assert.equal(await page.getByTestId("profile-name").innerText(), username);
    assert.equal(await page.getByTestId("solved-easy").getAttribute("data-solved"), "1", "a-plus-b");
    assert.equal(await page.getByTestId("solved-hard").getAttribute("data-solved"), "0", "count-inversions was only attempted");
    const today = new Date().toISOString().slice(0, 10);
    // Today: the accepted submission and the wrong answer.
    assert.equal(await page.locator(`.heatmap-cell[data-date="${today}"]`).getAttribute("data-count"), "2");
    assert.equal(await page.getByTestId("heatmap-total").innerText(), "2");
    assert.ok((await page.locator(".heatmap-cell").count()) >= 365, "a cell for every day of the year");
    await page.screenshot({ path: join(artifacts, "profile.png") });
  });

  it("lists all my submissions with verdict, language and problem filters, paged", async () => {
    // Older compile errors in C, enough for a second page (20 a page).
    for (let i = 0; i < 20; i++) await make({ userId, problem: "fizzbuzz", verdict: "CE", language: "c", createdAt: new Date(Date.now() - 86_400_000 - i * 1000) });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Submissions" }).click();
    await page.waitForURL("**/submissions");
    const list = page.getByTestId("all-submission-row");
    await list.nth(19).waitFor();
    assert.equal(await list.count(), 20);
    await page.getByTestId("submissions-more").click();
    await list.nth(21).waitFor();
    assert.equal(await list.count(), 22, "the accepted one, the wrong answer and 20 compile errors");

    await page.getByTestId("verdict-filter").selectOption("WA");
    await page.waitForURL(/verdict=WA/);
    await list.nth(1).waitFor({ state: "detached" });
    assert.deepEqual(await list.evaluateAll((els) => els.map((el) => [el.getAttribute("data-verdict"), el.getAttribute("data-problem")])), [["WA", "count-inversions"]]);

    await page.getByTestId("verdict-filter").selectOption("");
    await page.getByTestId("language-filter").selectOption("python");
    await page.getByTestId("problem-filter").fill("a-plus-b");
    await page.waitForURL(/problem=a-plus-b/);
    await list.nth(1).waitFor({ state: "detached" });
    assert.deepEqual(await list.evaluateAll((els) => els.map((el) => [el.getAttribute("data-verdict"), el.getAttribute("data-language")])), [["AC", "python"]]);
    assert.deepEqual(await unnamedControls(page), [], "every filter has an accessible name");
  });
});
