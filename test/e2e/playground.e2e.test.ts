import { createReadStream, existsSync, mkdirSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
const editorText = (page: Page, id: string) => page.locator(`#${id} .cm-content`).innerText();

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
    const selected = list.locator("li[aria-selected] .cm-completionLabel");
    await expect.poll(() => selected.textContent()).toBe("referring_domains");
    // CodeMirror ignores Enter for 75 ms after the list changes (its interactionDelay), as a person
    // would not press it that fast.
    await page.waitForTimeout(200);
    await page.keyboard.press("Enter");
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
    expect(await tooltip.textContent()).toContain(expected!.message);
    expect(await text(page, "#filter-diagnostics")).toContain(expected!.message);
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
