#!/usr/bin/env node
// Builds dist/: the library (ES module, chevrotain bundled in so that importing dfsq does not
// load lodash-es file by file), the CLI (one self-contained file, for a fast cold start), and
// the .d.ts declarations (tsc). `--js-only` skips the declarations (the test setup uses it).
// Both bundles are minified (with source maps): parsing less code is most of a cold start.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { chmodSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { withNativeLodash, withoutChevrotainLexer } from "./esbuild-plugins.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, "utf8"));
const jsOnly = process.argv.includes("--js-only");

const common = {
  bundle: true,
  format: "esm",
  target: "es2022",
  sourcemap: true,
  minify: true,
  logLevel: "warning",
  plugins: [withoutChevrotainLexer, withNativeLodash],
  absWorkingDir: root,
  define: { DFSQ_VERSION: JSON.stringify(pkg.version) },
};

if (!jsOnly) rmSync(`${root}/dist`, { recursive: true, force: true });

await Promise.all([
  build({
    ...common,
    entryPoints: {
      index: "src/index.ts",
      client: "src/client/index.ts",
      validate: "src/validate/index.ts",
      eval: "src/eval/index.ts",
      codemirror: "src/codemirror/index.ts",
    },
    outdir: "dist",
    // One copy of shared modules (DfsqError above all), so instanceof works across entries.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    platform: "neutral",
    mainFields: ["module", "main"],
    // Runtime and peer dependencies stay imports (users share them: zod, CodeMirror); chevrotain
    // is bundled.
    external: [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})],
  }),
  build({
    ...common,
    entryPoints: { cli: "src/cli/main.ts" },
    outdir: "dist",
    // Commands load on demand (src/cli/run.ts), each from its own chunk.
    splitting: true,
    chunkNames: "chunks/cli-[name]-[hash]",
    platform: "node",
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
  }),
]);
chmodSync(`${root}/dist/cli.js`, 0o755);

if (!jsOnly) {
  execFileSync(process.execPath, [`${root}/node_modules/typescript/bin/tsc`, "-p", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit",
  });
}
