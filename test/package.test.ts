import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as built from "../dist/index.js";
import * as source from "../src/index.js";

/* The package root: what it exports, and that the built bundle behaves like the sources. */

describe("public API", () => {
  it("exports the documented functions and classes", () => {
    expect(Object.keys(source).toSorted()).toEqual(
      ["BuiltFilter", "DfsqError", "analyze", "checkFilter", "checkOrderBy", "compileFilter", "compileOrderBy", "complete", "exampleExpression", "field", "fieldsOf", "filter", "formatDiagnostics", "hover", "listEndpoints", "orderBy", "printFilter", "printOrderBy", "where", "whereFor"].toSorted(),
    );
  });

  it("the built dist/index.js exports the same names and compiles the same", () => {
    expect(Object.keys(built).toSorted()).toEqual(Object.keys(source).toSorted());
    const text = 'referring_domains > 10 and (domain like "%seo%" or rank > 200)';
    expect(built.compileFilter(text)).toEqual(source.compileFilter(text));
    expect(() => built.compileFilter("rank >")).toThrow(built.DfsqError);
  });
});

const load = (entry: string) => import(`../dist/${entry}.js`) as Promise<Record<string, never>>;

describe("the built entry points", () => {
  const ENTRIES = ["client", "validate", "eval", "codemirror", "schema", "testing"] as const;

  it.each(ENTRIES)("dist/%s.js exports what its source entry does", async (entry) => {
    const [builtEntry, sourceEntry] = await Promise.all([import(`../dist/${entry}.js`), import(`../src/${entry}/index.ts`)]);
    expect(Object.keys(builtEntry).toSorted()).toEqual(Object.keys(sourceEntry).toSorted());
  });

  it("dfsq/catalogs is the core's own catalogs in Node: one copy in memory, no file of its own to load with the core", async () => {
    const [entry, internal] = await Promise.all([import("../dist/catalogs.js"), import("../dist/internal.js")]);
    expect(entry.catalogs).toBe((internal as unknown as { catalogs: unknown }).catalogs);
    expect(readFileSync(new URL("../dist/catalogs.js", import.meta.url), "utf8").length).toBeLessThan(200);
  });

  it("share one core with dist/index.js: one DfsqError class across entry points", async () => {
    const evaluation = (await load("eval")) as unknown as typeof import("../src/eval/index.js");
    const validation = (await load("validate")) as unknown as typeof import("../src/validate/index.js");
    expect(evaluation.DfsqError).toBe(built.DfsqError);
    expect(validation.DfsqError).toBe(built.DfsqError);
    expect(() => evaluation.evaluateFilter("rank >", {})).toThrow(built.DfsqError);
  });

  it.each(ENTRIES)("dist/%s.js imports the core through the private #internal import, not a copy", (entry) => {
    const code = readFileSync(new URL(`../dist/${entry}.js`, import.meta.url), "utf8");
    expect(code).toContain('from"#internal"');
    // The parser's grammar lives in the core chunk only.
    expect(code).not.toContain("performSelfAnalysis");
  });
});

describe("the npm page", () => {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { homepage: string; repository: { url: string }; bugs: { url: string } };
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

  it("names the repository, homepage and issue tracker", () => {
    const repo = pkg.homepage.replace(/#readme$/, "");
    expect(pkg.repository.url).toBe(`git+${repo}.git`);
    expect(pkg.bugs.url).toBe(`${repo}/issues`);
  });

  it("links only to absolute addresses from the README, which npm shows without the repository's files", () => {
    const links = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    const repo = pkg.homepage.replace(/#readme$/, "");
    for (const link of links) expect(link.startsWith(`${repo}/blob/main/`) || link.startsWith("https://") || link.startsWith("#")).toBe(true);
  });
});
