import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

/*
 * The modules for bundlers, dist/esm/ (package.json "exports", condition "browser"): one module per
 * source file, so that a page's bundler keeps only the modules it uses (scripts/build.mjs).
 */

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  exports: Record<string, string | { browser?: string; default?: string }>;
};
const entries = Object.entries(pkg.exports).flatMap(([name, target]) =>
  typeof target === "object" && target.browser !== undefined ? [[name, target.browser, target.default!] as const] : [],
);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".js") ? [path] : [];
  });
}

/** What a page's bundler makes of `contents` (which imports the package by name), run in Node. */
async function browserBundle(contents: string): Promise<{ code: string; module: Record<string, unknown> }> {
  const out = await build({ stdin: { contents, resolveDir: root, loader: "js" }, bundle: true, format: "esm", platform: "browser", write: false, logLevel: "silent" });
  const code = out.outputFiles[0]!.text;
  const file = join(mkdtempSync(join(tmpdir(), "dfsq-browser-")), "bundle.mjs");
  writeFileSync(file, code);
  return { code, module: (await import(pathToFileURL(file).href)) as Record<string, unknown> };
}

describe("the modules for bundlers (dist/esm)", () => {
  it("has a browser module for every library entry point", () => {
    expect(entries.map(([name]) => name).toSorted()).toEqual(
      [".", "./catalogs", "./client", "./codemirror", "./eval", "./schema", "./testing", "./validate"].toSorted(),
    );
  });

  it.each(entries)("%s exports under the browser condition what it exports in Node", async (_name, browser, node) => {
    const [inBrowser, inNode] = await Promise.all([import(join(root, browser)), import(join(root, node))]);
    expect(Object.keys(inBrowser).toSorted()).toEqual(Object.keys(inNode).toSorted());
  });

  it("imports nothing from node:", () => {
    const offenders = files(join(root, "dist/esm")).filter((file) => /from"node:|import\("node:/.test(readFileSync(file, "utf8")));
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });

  it("lets a page that validates arrays leave the parser out, and validates as Node does", async () => {
    const { code, module } = await browserBundle('export { validateFilter } from "dfsq/validate";');
    expect(code).not.toContain("performSelfAnalysis");
    const { validateFilter } = await import("../src/validate/index.js");
    const bundled = module.validateFilter as typeof validateFilter;
    for (const value of [[["rank", ">", 10], "and", ["domain", "like", "%seo%"]], [["rank", "~", 1]], ["rank", "not_regex", "(?=a)"]]) {
      expect(bundled(value)).toEqual(validateFilter(value));
    }
  });

  it("compiles in a page as in Node, and brings only the messages the compiler can report", async () => {
    const { code, module } = await browserBundle('export { compileFilter, checkFilter } from "dfsq";');
    // diagnostics/messages.ts has one export per message so that a page drops the others (the
    // client's, `dfsq check`'s): using the namespace as a value anywhere would keep them all.
    expect(code).not.toContain("is not a dfsq diagnostic code");
    expect(code).not.toContain("a live endpoint takes one task per call");
    expect(code).toContain("cannot all hold");
    const { checkFilter } = await import("../src/index.js");
    const bundled = module.checkFilter as typeof checkFilter;
    for (const text of ['referring_domains > 10 and (domain like "%seo%" or rank > 200)', "rank >", 'not (a in (1, 2)) and b between 1 and 3', "x = `a b`"]) {
      expect(bundled(text)).toEqual(checkFilter(text));
    }
  });
});
