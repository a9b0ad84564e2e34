import { createReadStream, existsSync, mkdirSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageSegments, plainText } from "../../src/diagnostics/segments.js";
import { checkFilter } from "../../src/index.js";

/*
 * The playground in real headless Chromium: built with its Vite config, served from a local
 * static server, driven key by key the way a person uses it. Debian's `chromium` is needed:
 * .ci/run installs it and sets DFSQ_REQUIRE_BROWSER=1, so in CI a missing browser fails the run;
 * elsewhere (a fresh machine running `npm test`) the suite is skipped with a notice. Screenshots
 * go to test-results/ for a person to look at.
 */

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CONFIG = `${ROOT}docs/playground/vite.config.ts`;
const DIST = `${ROOT}docs/playground/dist`;
const RESULTS = `${ROOT}test-results`;
const CHROMIUM = "/usr/bin/chromium";
const ENDPOINT = "backlinks/referring_domains";
const REQUIRED = process.env["DFSQ_REQUIRE_BROWSER"] === "1";
const SKIP = !existsSync(CHROMIUM) && !REQUIRED;
if (SKIP) {
  console.warn(`playground e2e skipped: no Chromium at ${CHROMIUM} (apt-get update && apt-get install -y chromium; .ci/run does this)`);
}

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".map": "application/json",
};

/** Serves `dir` on 127.0.0.1 at a free port; nothing outside it. */
async function serveStatic(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = resolve(dir, `.${path.endsWith("/") ? `${path}index.html` : path}`);
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let server: Server | undefined;
let origin = "";
let browser: Browser | undefined;

beforeAll(async () => {
  if (SKIP) return;
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it with \`apt-get update && apt-get install -y chromium\` (.ci/run does this when it is missing)`);
  }
  await build({ configFile: CONFIG, logLevel: "warn" });
  ({ server, origin } = await serveStatic(DIST));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // A fresh temporary profile (user-data dir) is made for each launch and removed on close.
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
    ],
  });
  mkdirSync(RESULTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => (server === undefined ? done() : server.close(() => done())));
});

/** A page of a new context, with every request and error it makes recorded. */
async function open(options: Parameters<Browser["newContext"]>[0] = {}): Promise<{ page: Page; context: BrowserContext; foreign: string[]; errors: string[] }> {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) foreign.push(r.url());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${origin}/`);
  await page.waitForSelector("html[data-ready=true]");
  return { page, context, foreign, errors };
}

const text = (page: Page, selector: string) => page.locator(selector).textContent();
/** The editor's text, without its placeholder (a widget in the content). */
const editorText = (page: Page, id: string) =>
  page.locator(`#${id} .cm-content`).evaluate((content) => {
    const copy = content.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".cm-placeholder").forEach((p) => p.remove());
    return [...copy.querySelectorAll(".cm-line")].map((line) => line.textContent).join("\n");
  });

describe.skipIf(SKIP)("the playground in Chromium", () => {
  it("completes, compiles live, and underlines an error with its message", async () => {
    const { page, context, foreign, errors } = await open();

    await page.selectOption("#endpoint", "backlinks/anchors");
    await page.selectOption("#endpoint", ENDPOINT);
    expect(await text(page, "#endpoint-info")).toContain(`/v3/${ENDPOINT}/live`);

    const editor = page.locator("#filter-editor .cm-content");
    await editor.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.press("Backspace");
    await expect.poll(() => text(page, "#filter-json")).toBe("— (left out)");

    await editor.pressSequentially("referring_d", { delay: 40 });
    const list = page.locator(".cm-tooltip-autocomplete");
    await list.waitFor({ state: "visible" });
    const first = list.locator("li").first().locator(".cm-completionLabel");
    await expect.poll(() => first.textContent()).toBe("referring_domains");
    // CodeMirror ignores a key that accepts for 75 ms after the list changes (its interactionDelay),
    // as a person would not press it that fast.
    await page.waitForTimeout(200);
    await page.keyboard.press("Tab");
    await expect.poll(() => editorText(page, "filter-editor")).toBe("referring_domains");

    await editor.pressSequentially(" > 10", { delay: 40 });
    await expect.poll(() => text(page, "#filter-json")).toBe('["referring_domains",">",10]');
    expect(await text(page, "#task-body")).toContain('"filters": ["referring_domains",">",10]');
    expect(await text(page, "#task-body")).toContain('"order_by": ["rank,desc","backlinks,asc"]');
    expect(await page.locator("#filter-editor .cm-dfsq-field").first().textContent()).toBe("referring_domains");
    expect(await text(page, "#filter-status")).toBe("ok");

    await page.keyboard.press("Escape");
    await editor.pressSequentially(" and rank >", { delay: 40 });
    await page.keyboard.press("Escape");
    const source = "referring_domains > 10 and rank >";
    await expect.poll(() => editorText(page, "filter-editor")).toBe(source);
    const expected = checkFilter(source, { endpoint: ENDPOINT }).diagnostics.find((d) => d.severity === "error");
    expect(expected).toBeDefined();

    const underline = page.locator("#filter-editor .cm-lintRange-error");
    await underline.first().waitFor({ state: "visible" });
    expect(await underline.first().textContent()).toBe(">");
    await underline.first().hover();
    const tooltip = page.locator(".cm-tooltip-lint");
    await tooltip.waitFor({ state: "visible" });
    // Code in the message shows as code, without its backquotes.
    const shown = plainText(messageSegments(expected!).message);
    expect(await tooltip.textContent()).toContain(shown);
    expect(await tooltip.locator("code").first().textContent()).toBe(">");
    expect(await text(page, "#filter-diagnostics")).toContain(shown);
    expect(await text(page, "#filter-status")).toBe("1 error");
    expect(await text(page, "#filter-json")).toBe("— fix the errors above");

    await page.mouse.move(0, 0);
    await underline.first().hover();
    await tooltip.waitFor({ state: "visible" });
    await page.screenshot({ path: `${RESULTS}/playground.png`, fullPage: true });
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it("prints pasted JSON arrays back as text, and hands them to the editors", async () => {
    const { page, context, errors } = await open();
    await page.fill("#print-input", '[["rank",">",10],"and",["backlinks","<",500]]');
    await expect.poll(() => text(page, "#print-output")).toBe("rank > 10 and backlinks < 500");

    await page.fill("#print-input", '["rank,desc","backlinks,asc"]');
    await expect.poll(() => text(page, "#print-output")).toBe("rank desc, backlinks");
    await page.click("#print-use");
    await expect.poll(() => editorText(page, "order-editor")).toBe("rank desc, backlinks");
    expect(await text(page, "#order-json")).toBe('["rank,desc","backlinks,asc"]');

    await page.fill("#print-input", '[["rank",">"]]');
    await expect.poll(() => page.locator("#print-output").getAttribute("data-state")).toBe("error");
    expect(await text(page, "#print-report")).toContain("invalid_filter");
    expect(await page.locator("#print-report").isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it("fits a 375px-wide screen without horizontal scrolling", async () => {
    const { page, context, foreign, errors } = await open({ viewport: { width: 375, height: 812 }, hasTouch: true });
    const editor = page.locator("#filter-editor .cm-content");
    await editor.click();
    await page.keyboard.press("ControlOrMeta+End");
    await editor.pressSequentially(" and anchor_text_that_is_rather_long_indeed >", { delay: 5 });
    await page.locator("#filter-editor .cm-lintRange-error").first().waitFor({ state: "visible" });
    await page.mouse.move(0, 0);
    const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.inner);
    await page.screenshot({ path: `${RESULTS}/playground-narrow.png`, fullPage: true });
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it("reads well in a dark colour scheme", async () => {
    const { page, context, errors } = await open({ colorScheme: "dark" });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe("rgb(244, 246, 249)");
    await page.screenshot({ path: `${RESULTS}/playground-dark.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});

/** Empties the filter bar and leaves the cursor in it. */
async function clearFilter(page: Page): Promise<void> {
  await page.locator("#filter-editor .cm-content").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Escape");
  await expect.poll(() => editorText(page, "filter-editor")).toBe("");
}

const completionLabels = (page: Page) => page.locator(".cm-tooltip-autocomplete li .cm-completionLabel").allTextContents();

describe.skipIf(SKIP)("the filter bar in Chromium", () => {
  it("opens completion on focus, after a space and after an operator; Tab accepts", async () => {
    const { page, context, errors } = await open();
    await clearFilter(page);
    // Focus the empty bar afresh: the list opens by itself.
    await page.locator("#endpoint").focus();
    await page.locator("#filter-editor .cm-content").focus();
    await expect.poll(() => completionLabels(page)).toContain("domain");
    expect(await page.locator("#filter-editor .cm-placeholder").textContent()).toBe('rank > 10 and domain like "%seo%"');

    await page.keyboard.type("rank", { delay: 40 });
    await expect.poll(() => completionLabels(page)).toContain("rank");
    await page.keyboard.press("Escape");
    // Escape closes the list.
    await expect.poll(() => page.locator(".cm-tooltip-autocomplete").count()).toBe(0);
    await page.keyboard.type(" ", { delay: 40 });
    await expect.poll(() => completionLabels(page)).toEqual(expect.arrayContaining(["=", ">", "between"]));
    await page.waitForTimeout(200);
    await page.keyboard.press("Tab");
    await expect.poll(() => editorText(page, "filter-editor")).toBe("rank = ");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Backspace");
    await page.keyboard.type(">", { delay: 40 });
    await page.keyboard.type(" 1 ", { delay: 40 });
    await expect.poll(() => completionLabels(page)).toEqual(["and", "or"]);
    await page.waitForTimeout(200);
    await page.keyboard.press("Tab");
    // After `and`, the list opens again for the next condition.
    await expect.poll(() => editorText(page, "filter-editor")).toBe("rank > 1 and ");
    await expect.poll(() => completionLabels(page)).toContain("backlinks");
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it("matches a field by any part of its path, marking the match, and shows what it takes", async () => {
    const { page, context, errors } = await open();
    await page.selectOption("#endpoint", "dataforseo_labs/google/related_keywords");
    await clearFilter(page);
    await page.keyboard.type("volume", { delay: 40 });
    const first = page.locator(".cm-tooltip-autocomplete li").first();
    // The list follows the typing a moment later: wait for the whole word's match.
    await expect.poll(() => first.locator(".cm-completionMatchedText").textContent()).toBe("volume");
    expect(await first.locator(".cm-completionLabel").textContent()).toBe("keyword_data.keyword_info.search_volume");
    // A list that updates again resets the selection: let it settle, then move to the first option.
    await page.waitForTimeout(300);
    await page.keyboard.press("ArrowDown");
    await page.locator(".cm-tooltip-autocomplete li[aria-selected]").waitFor({ state: "visible", timeout: 5000 });
    const info = page.locator(".cm-completionInfo");
    await info.waitFor({ state: "visible", timeout: 5000 });
    await expect.poll(() => info.textContent()).toContain("operators:");
    expect(await info.textContent()).toContain("sortable in order_by");
    expect(await info.locator("code").count()).toBeGreaterThan(0);
    await page.waitForTimeout(200);
    await page.keyboard.press("Tab");
    await expect.poll(() => editorText(page, "filter-editor")).toBe("keyword_data.keyword_info.search_volume");

    await clearFilter(page);
    await page.keyboard.type("keyword_data.keyword_info.competition_level = ", { delay: 10 });
    await expect.poll(() => completionLabels(page)).toEqual(expect.arrayContaining(['"LOW"', '"MEDIUM"', '"HIGH"']));
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it("offers values from the sample items through the values hook", async () => {
    const { page, context, errors } = await open();
    await clearFilter(page);
    await page.keyboard.type('domain = "gi', { delay: 40 });
    await expect.poll(() => completionLabels(page)).toContain('"github.com"');
    const option = page.locator(".cm-tooltip-autocomplete li", { hasText: '"github.com"' });
    expect(await option.locator(".cm-completionDetail").textContent()).toBe("in 1 of 12 sample items");
    await page.waitForTimeout(200);
    await page.keyboard.press("Tab");
    await expect.poll(() => editorText(page, "filter-editor")).toBe('domain = "github.com"');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it("keeps a catalog warning visible beside a syntax error, and fixes it from the lint panel in one key", async () => {
    const { page, context, errors } = await open();
    await clearFilter(page);
    await page.keyboard.type("referring_domain > 10 and rank >", { delay: 10 });
    await page.keyboard.press("Escape");
    await page.locator("#filter-editor .cm-lintRange-warning").first().waitFor({ state: "visible" });
    expect(await page.locator("#filter-editor .cm-lintRange-warning").first().textContent()).toBe("referring_domain");
    expect(await page.locator("#filter-editor .cm-lintRange-error").first().textContent()).toBe(">");
    expect(await text(page, "#filter-status")).toBe("1 error, 1 warning");

    await page.keyboard.press("ControlOrMeta+Shift+KeyM");
    const panel = page.locator(".cm-panel-lint");
    await panel.waitFor({ state: "visible" });
    const message = panel.locator(".cm-diagnosticText").first();
    expect(await message.textContent()).not.toContain("`");
    expect(await message.locator("code").first().textContent()).toBe("referring_domain");
    await page.keyboard.press("Home");
    // The first action's access key: `r` of "referring_domains".
    await page.keyboard.press("r");
    await expect.poll(() => editorText(page, "filter-editor")).toBe("referring_domains > 10 and rank >");
    await page.screenshot({ path: `${RESULTS}/playground-lint-panel.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it("accepts with Enter an option picked with the arrows, and submits on Enter otherwise", async () => {
    const { page, context, errors } = await open();
    await clearFilter(page);
    await page.keyboard.type("rank ", { delay: 40 });
    await expect.poll(() => completionLabels(page)).toEqual(expect.arrayContaining(["=", ">"]));
    await page.waitForTimeout(300);
    await page.keyboard.press("ArrowDown");
    const selected = page.locator(".cm-tooltip-autocomplete li[aria-selected]");
    await selected.waitFor({ state: "visible", timeout: 5000 });
    // dfsq's order puts `=` first for a number field.
    expect(await selected.locator(".cm-completionLabel").textContent()).toBe("=");
    await page.keyboard.press("Enter");
    await expect.poll(() => editorText(page, "filter-editor")).toBe("rank = ");
    expect(await text(page, "#sample-result")).not.toMatch(/match rank/);
    await page.keyboard.type("1", { delay: 40 });
    await page.keyboard.press("Escape");
    await page.keyboard.press("Enter");
    await expect.poll(() => text(page, "#sample-result")).toMatch(/match rank = 1$/);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it("submits on Enter only what compiles, and recalls earlier filters with up and down", async () => {
    const { page, context, errors } = await open();
    await clearFilter(page);
    await page.keyboard.type("rank > 500", { delay: 10 });
    await page.keyboard.press("Enter");
    await expect.poll(() => text(page, "#sample-result")).toMatch(/^\d+ of 12 sample items match rank > 500$/);
    expect(await editorText(page, "filter-editor")).toBe("rank > 500");

    await clearFilter(page);
    await page.keyboard.type("rank < 300", { delay: 10 });
    await page.keyboard.press("Enter");
    await expect.poll(() => text(page, "#sample-result")).toMatch(/match rank < 300$/);

    // Text with an error is not submitted: the error is selected instead.
    await clearFilter(page);
    await page.keyboard.type("rank >", { delay: 10 });
    await page.keyboard.press("Escape");
    await page.keyboard.press("Enter");
    expect(await text(page, "#sample-result")).toMatch(/match rank < 300$/);
    expect(await editorText(page, "filter-editor")).toBe("rank >");
    expect(await page.evaluate(() => getSelection()?.toString())).toBe(">");

    await clearFilter(page);
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => editorText(page, "filter-editor")).toBe("rank < 300");
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => editorText(page, "filter-editor")).toBe("rank > 500");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => editorText(page, "filter-editor")).toBe("");
    expect(await page.locator("#filter-editor .cm-line").count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it("shows the instant a relative time stands for, links the language docs, and has examples and syntax help", async () => {
    const { page, context, foreign, errors } = await open();
    await clearFilter(page);
    await page.keyboard.type("first_seen > now - 30d", { delay: 10 });
    await page.keyboard.press("Escape");
    await page.mouse.move(0, 0);
    await page.locator("#filter-editor .cm-dfsq-time").last().hover();
    const tooltip = page.locator(".cm-dfsq-hover");
    await tooltip.waitFor({ state: "visible" });
    expect(await tooltip.textContent()).toMatch(/^now - 30d = \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+00:00 \(UTC\)/);

    expect(await page.locator("#docs-language").getAttribute("href")).toMatch(/\/blob\/main\/docs\/language\.md$/);
    await page.locator("button.example", { hasText: "keyword_info.competition_level" }).click();
    expect(await page.locator("#endpoint").inputValue()).toBe("dataforseo_labs/google/keyword_ideas");
    await expect.poll(() => text(page, "#filter-json")).toContain('"keyword_info.competition_level","in",["LOW","MEDIUM"]');
    expect(await text(page, "#filter-status")).toBe("ok");

    await page.locator("#syntax-help summary").click();
    const rows = page.locator("#syntax-operators tr");
    expect(await rows.count()).toBeGreaterThan(10);
    expect(await page.locator("#syntax-operators").textContent()).toContain('domain like "%seo%"');
    await page.screenshot({ path: `${RESULTS}/playground-help.png`, fullPage: true });
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
