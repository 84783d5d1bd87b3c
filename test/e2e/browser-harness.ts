import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { repoRoot } from "../../scripts/stack/service-process.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Screenshots of browser tests (gitignored; the best are copied to docs/images by hand). */
export const artifacts = join(repoRoot, "test-artifacts");
export const webDist = join(repoRoot, "apps", "web", "dist");

/** Debian's Chromium, headless, with nothing that phones home (ENVIRONMENT.md). */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Replaces the editor's text; insertText, not typing: auto-indent and bracket closing would mangle typed code. */
export async function typeSolution(page: Page, code: string): Promise<void> {
  const editor = page.getByTestId("editor").locator(".cm-content");
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

const PASSWORD = "correct horse battery";

export async function registerInBrowser(page: Page, base: string): Promise<string> {
  const username = `web${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  await page.goto(`${base}/register`);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByTestId("auth-submit").click();
  await page.getByTestId("current-user").waitFor();
  return username;
}

/** Logs in a user that registerInBrowser created. */
export async function loginInBrowser(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByTestId("auth-submit").click();
  await page.getByTestId("current-user").waitFor();
}

/** A phone as the issues name it (an iPhone 12-15's CSS viewport), touch only. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

/** Every URL the page asks for (documents, scripts, fonts, XHR, WebSockets), to check their origins. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  page.on("websocket", (socket) => urls.push(socket.url()));
  return urls;
}

/** The URLs that go anywhere but `origin` (http or ws); data: and blob: URLs stay in the page. */
export function foreignRequests(urls: readonly string[], origin: string): string[] {
  const own = new URL(origin);
  return urls.filter((raw) => {
    const url = new URL(raw);
    if (url.protocol === "data:" || url.protocol === "blob:") return false;
    const sameScheme = url.protocol === own.protocol || (url.protocol === "ws:" && own.protocol === "http:") || (url.protocol === "wss:" && own.protocol === "https:");
    return !(sameScheme && url.host === own.host);
  });
}

/**
 * What the page's Content-Security-Policy refused: Chromium reports each refusal (a script,
 * a style, a font, a connection, an eval) as a console message naming the policy.
 */
export function recordCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/**
 * Interactive elements without an accessible name (aria-label, aria-labelledby, a label,
 * text or title), described for the failure message. A string: this file has no DOM types.
 */
const UNNAMED_CONTROLS = `(() => {
  const named = (el) =>
    (el.getAttribute("aria-label") ?? "").trim() !== "" ||
    (el.getAttribute("aria-labelledby") ?? "").split(/\\s+/).some((id) => (document.getElementById(id)?.textContent ?? "").trim() !== "") ||
    (el.labels && el.labels.length > 0) ||
    (el.textContent ?? "").trim() !== "" ||
    (el.getAttribute("title") ?? "").trim() !== "";
  const visible = (el) => el.getClientRects().length > 0;
  return [...document.querySelectorAll('button, input:not([type="hidden"]), select, textarea, a[href], [role="tab"], [contenteditable="true"]')]
    .filter((el) => visible(el) && !named(el))
    .map((el) => el.outerHTML.slice(0, 120));
})()`;

export async function unnamedControls(page: Page): Promise<string[]> {
  const found: unknown = await page.evaluate(UNNAMED_CONTROLS);
  return Array.isArray(found) ? found.map(String) : ["(the check did not run)"];
}

/** The editor's document as CodeMirror shows it, one string per line (spaces kept). */
export async function editorLines(page: Page): Promise<string[]> {
  return page.getByTestId("editor").locator(".cm-line").evaluateAll((lines) => lines.map((line) => line.textContent ?? ""));
}

/** Waits until the page's live connection (the WebSocket badge) is open. */
export async function waitForLive(page: Page, timeout?: number): Promise<void> {
  await page.getByTestId("connection-state").and(page.locator('[data-state="open"]')).waitFor(timeout === undefined ? undefined : { timeout });
}

/** A problem's page with its statement shown, live, in `language`: where most browser tests start. */
export async function openProblemPage(page: Page, url: string, language = "python"): Promise<void> {
  await page.goto(url);
  await page.getByTestId("statement").waitFor();
  await waitForLive(page);
  await page.getByTestId("language-select").selectOption(language);
}
