import { pathToFileURL } from "node:url";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it, vi } from "vitest";

/*
 * The field catalogs are not in a browser bundle of the core (src/catalog/catalog-data.ts): there
 * `endpoint` needs `catalogs` from dfsq/catalogs, and says so. Here the module that carries them
 * is replaced by the browser's empty one, as package.json "imports" does under "browser"; the
 * last test bundles the built package for the browser and runs that.
 */

vi.mock("../../src/catalog/built-in.js", async () => ({ catalogs: (await import("../../src/catalog/catalogs-absent.js")).catalogs }));

const { checkFilter, compileFilter, DfsqError, fieldsOf, listEndpoints } = await import("../../src/index.js");
const { catalogSources } = await import("../../src/catalog/catalogs.generated.js");
const catalogs = { sources: catalogSources };

describe("without the built-in catalogs (a browser bundle)", () => {
  it("compiles what names no endpoint as before", () => {
    expect(compileFilter("rank > 10")).toEqual(["rank", ">", 10]);
  });

  it("reports catalogs_not_loaded where an endpoint is named, on the option, with how to load them", () => {
    const { ok, diagnostics } = checkFilter("rank > 10", { endpoint: "backlinks/backlinks" });
    expect(ok).toBe(false);
    expect(diagnostics).toMatchObject([{ code: "catalogs_not_loaded", severity: "error", option: "catalogs", endpoint: "backlinks/backlinks" }]);
    expect(diagnostics[0]!.message).toContain("backlinks/backlinks");
    expect(diagnostics[0]!.hint).toContain('import { catalogs } from "dfsq/catalogs"');
    expect(() => compileFilter("rank > 10", { endpoint: "backlinks/backlinks" })).toThrow(DfsqError);
  });

  it("still names an unknown endpoint as unknown (the endpoint list is in the core)", () => {
    expect(checkFilter("rank > 10", { endpoint: "backlinks/backlink" }).diagnostics.map((d) => d.code)).toEqual(["unknown_endpoint"]);
  });

  it("checks against the catalogs passed in `catalogs`", () => {
    expect(compileFilter("rank > 10", { endpoint: "backlinks/backlinks", catalogs })).toEqual(["rank", ">", 10]);
    expect(checkFilter("rnak > 10", { endpoint: "backlinks/backlinks", catalogs }).diagnostics[0]).toMatchObject({
      code: "unknown_field",
      suggestions: ["rank"],
    });
  });

  it("rejects a `catalogs` option that is not dfsq/catalogs' export", () => {
    const { diagnostics } = checkFilter("rank > 10", { endpoint: "backlinks/backlinks", catalogs: {} as never });
    expect(diagnostics.map((d) => [d.code, d.option])).toContainEqual(["invalid_option", "catalogs"]);
  });

  it("lists endpoints and fields only with the catalogs, and says where they are otherwise", () => {
    expect(() => listEndpoints()).toThrow(/dfsq\/catalogs/);
    expect(() => fieldsOf("backlinks/backlinks")).toThrow(/dfsq\/catalogs/);
    expect(listEndpoints({ catalogs }).map((e) => e.id)).toContain("backlinks/backlinks");
    expect(fieldsOf("backlinks/backlinks", "filters", { catalogs })?.map((f) => f.path)).toContain("rank");
  });
});

describe("the built package in a browser bundle", () => {
  const root = fileURLToPath(new URL("../..", import.meta.url));

  async function browserBundle(contents: string): Promise<{ code: string; module: Record<string, unknown> }> {
    const out = await build({
      stdin: { contents, resolveDir: root, loader: "js" },
      bundle: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    const code = out.outputFiles[0]!.text;
    const file = join(mkdtempSync(join(tmpdir(), "dfsq-browser-")), "bundle.mjs");
    writeFileSync(file, code);
    return { code, module: (await import(pathToFileURL(file).href)) as Record<string, unknown> };
  }

  it("leaves the catalogs out of `import { checkFilter } from \"dfsq\"`, and checks with them when given", async () => {
    const bare = await browserBundle('export { checkFilter } from "dfsq";');
    const withData = await browserBundle('export { checkFilter } from "dfsq"; export { catalogs } from "dfsq/catalogs";');
    // A field only the catalogs name.
    expect(bare.code).not.toContain("referring_pages_nofollow");
    expect(withData.code).toContain("referring_pages_nofollow");
    type Check = typeof import("../../src/index.js").checkFilter;
    const bareCheck = bare.module.checkFilter as unknown as Check;
    const check = withData.module.checkFilter as unknown as Check;
    expect(bareCheck("rank > 1", { endpoint: "backlinks/backlinks" }).diagnostics.map((d) => d.code)).toEqual(["catalogs_not_loaded"]);
    expect(check("rnak > 1", { endpoint: "backlinks/backlinks", catalogs: withData.module.catalogs as never }).diagnostics.map((d) => d.code)).toEqual([
      "unknown_field",
    ]);
  });
});
