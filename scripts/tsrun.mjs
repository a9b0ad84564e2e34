#!/usr/bin/env node
// Runs a TypeScript script of this repository: esbuild bundles it to a temporary ES module in node_modules/.cache
// (Node 20 cannot strip types), which is then imported with the remaining arguments.
import { build } from "esbuild";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node scripts/tsrun.mjs <file.ts> [args...]");
  process.exit(2);
}
// Inside the repository, so that bare imports resolve to its node_modules.
const cache = resolve(import.meta.dirname, "../node_modules/.cache");
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, "tsrun-"));
const outfile = join(dir, "script.mjs");
try {
  await build({
    entryPoints: [resolve(entry)],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    packages: "external",
    // Plain .mjs helpers stay real imports, so that their own import.meta.url stays theirs.
    plugins: [
      {
        name: "external-mjs",
        setup(b) {
          b.onResolve({ filter: /\.mjs$/ }, (args) => ({ path: pathToFileURL(resolve(args.resolveDir, args.path)).href, external: true }));
        },
      },
    ],
    // The script sees its own location, not the temporary bundle's.
    define: { "import.meta.url": JSON.stringify(pathToFileURL(resolve(entry)).href) },
    logLevel: "warning",
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  process.argv = [process.argv[0], resolve(entry), ...rest];
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
