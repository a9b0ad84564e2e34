// Bundle sizes, as a browser app would pay them: esbuild bundles of a consumer module (what it
// imports is all it keeps, tree-shaken), minified, gzip level 9. Used by bench/run.ts; alone:
// `node scripts/build.mjs --js-only && node scripts/tsrun.mjs bench/size.ts` prints the table.
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { withNativeLodash, withoutChevrotainLexer, withoutUnusedChevrotain } from "../scripts/esbuild-plugins.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

export interface Size {
  readonly minified: number;
  readonly gzipped: number;
}

const CODEMIRROR_PEERS = ["@codemirror/autocomplete", "@codemirror/lint", "@codemirror/state", "@codemirror/view"];

async function bundleSize(contents: string, external: readonly string[] = []): Promise<Size> {
  const out = await build({
    external: [...external],
    stdin: { contents, resolveDir: root, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    mainFields: ["module", "browser", "main"],
    write: false,
    logLevel: "silent",
    metafile: false,
    plugins: [withoutChevrotainLexer, withoutUnusedChevrotain, withNativeLodash],
  });
  const code = out.outputFiles[0]!.contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

/** The rows of the size table; the budgets name some of them (bench/run.ts). */
export async function sizes(): Promise<Record<string, Size>> {
  return {
    // The core functions as a browser app pays for them: the built package (run scripts/build.mjs
    // first), through its exports, so without the field catalogs (see src/catalog/catalog-data.ts).
    core: await bundleSize('export { compileFilter, compileOrderBy, checkFilter, checkOrderBy, printFilter, printOrderBy } from "dfsq";'),
    // What a page that already uses CodeMirror adds: dfsq with its assist layer, the peers external.
    "codemirror entry (CodeMirror external)": await bundleSize('export * from "./src/codemirror/index.ts";', CODEMIRROR_PEERS),
    // Everything a page with no CodeMirror yet loads for one dfsq editor.
    "codemirror entry with CodeMirror": await bundleSize('export * from "./src/codemirror/index.ts";'),
    // What a browser app that installed the package pays for one function, tree-shaken by its
    // bundler: the built dist/ (run scripts/build.mjs first), through the package's exports.
    "import { compileFilter } from dfsq (built package)": await bundleSize('export { compileFilter } from "dfsq";'),
    // A page that names endpoints: the catalogs come in with dfsq/catalogs.
    "compileFilter with catalogs from dfsq/catalogs (built package)": await bundleSize(
      'export { compileFilter } from "dfsq"; export { catalogs } from "dfsq/catalogs";',
    ),
    "import { validateFilter } from dfsq/validate (built package)": await bundleSize('export { validateFilter } from "dfsq/validate";'),
    "import { createClient } from dfsq/client (built package)": await bundleSize('export { createClient } from "dfsq/client";'),
    // The JSON Schema generator, zod (a dependency users share) external.
    "schema entry (zod external)": await bundleSize('export * from "./src/schema/index.ts";', ["zod"]),
    // What a test suite loads for the generators, fast-check (its optional peer) external.
    "testing entry (fast-check external)": await bundleSize('export * from "./src/testing/index.ts";', ["fast-check"]),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [name, { minified, gzipped }] of Object.entries(await sizes())) {
    console.log(`${name}: ${(minified / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gz`);
  }
}
