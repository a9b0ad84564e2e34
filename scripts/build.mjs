#!/usr/bin/env node
// Builds dist/: the library (ES module, chevrotain bundled in so that importing dfsq does not
// load lodash-es file by file), the CLI (one self-contained file, for a fast cold start), and
// the .d.ts declarations (tsc). `--js-only` skips the declarations (the test setup uses it).
// Both bundles are minified (with source maps): parsing less code is most of a cold start.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { chmodSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, "utf8"));
const jsOnly = process.argv.includes("--js-only");

/**
 * dfsq scans with its own lexer (src/syntax/lexer.ts), so Chevrotain's Lexer, its regular
 * expression analyser and the regexp-to-ast package are dead weight; only the parser's grammar
 * recorder touches `Lexer.NA`. This plugin gives Chevrotain a stub with that one constant, which
 * takes about a fifth off the browser bundle. bench/ measures the size; test/package.test.ts
 * checks that the bundle still compiles.
 */
const withoutChevrotainLexer = {
  name: "without-chevrotain-lexer",
  setup(b) {
    b.onResolve({ filter: /[\\/]scan[\\/]lexer_public\.js$/ }, (args) =>
      args.importer.includes("chevrotain") ? { path: "chevrotain-lexer-stub", namespace: "dfsq-stub" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "dfsq-stub" }, () => ({
      contents:
        "export const Lexer = { NA: /NOT_APPLICABLE/, SKIPPED: 'This marks a skipped Token pattern' };\n" +
        "export const LexerDefinitionErrorType = {};\n",
      loader: "js",
    }));
  },
};

const common = {
  bundle: true,
  format: "esm",
  target: "es2022",
  sourcemap: true,
  minify: true,
  logLevel: "warning",
  plugins: [withoutChevrotainLexer],
  absWorkingDir: root,
  define: { DFSQ_VERSION: JSON.stringify(pkg.version) },
};

if (!jsOnly) rmSync(`${root}/dist`, { recursive: true, force: true });

await Promise.all([
  build({
    ...common,
    entryPoints: { index: "src/index.ts" },
    outdir: "dist",
    platform: "neutral",
    mainFields: ["module", "main"],
    // Runtime dependencies stay imports (users share them); chevrotain is bundled (devDependency).
    external: Object.keys(pkg.dependencies ?? {}),
  }),
  build({
    ...common,
    entryPoints: { cli: "src/cli/main.ts" },
    outdir: "dist",
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
