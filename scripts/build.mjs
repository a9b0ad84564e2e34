#!/usr/bin/env node
// Builds dist/: the library (ES module, chevrotain bundled in so that importing dfsq does not
// load lodash-es file by file), the CLI (one self-contained file, for a fast cold start), and
// the .d.ts declarations (tsc). `--js-only` skips the declarations (the test setup uses it).
// Both bundles are minified (with source maps): parsing less code is most of a cold start.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { chmodSync, readFileSync, rmSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { builtinRequiresAsImports, withNativeLodash, withoutChevrotainLexer, withoutUnusedChevrotain } from "./esbuild-plugins.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, "utf8"));
const jsOnly = process.argv.includes("--js-only");

// No keepNames: it wraps every function of the bundles, chevrotain's included, and costs the
// core +3.9 KB gzipped (+6.8 %, 58.4 → 62.4 KB, past the 60 KB budget). The classes whose names
// users see, the errors, name themselves (src/diagnostics/error.ts, src/client/errors.ts), which
// also survives a user's own minifier.
const common = {
  bundle: true,
  format: "esm",
  target: "es2022",
  sourcemap: true,
  // Maps without the sources: stack traces still name src/ files and lines, and the package is a
  // quarter of the size (the sources were 73 % of it unpacked).
  sourcesContent: false,
  minify: true,
  logLevel: "warning",
  plugins: [withoutChevrotainLexer, withoutUnusedChevrotain, withNativeLodash],
  absWorkingDir: root,
  define: { DFSQ_VERSION: JSON.stringify(pkg.version) },
};

/** The package's entry points (package.json "exports"): dist/<name>.js, and dist/esm/ for bundlers. */
const LIBRARY_ENTRIES = {
  index: "src/index.ts",
  client: "src/client/index.ts",
  validate: "src/validate/index.ts",
  eval: "src/eval/index.ts",
  codemirror: "src/codemirror/index.ts",
  schema: "src/schema/index.ts",
  testing: "src/testing/index.ts",
  catalogs: "src/catalogs.ts",
};

// --js-only keeps the declarations but not stale chunks.
rmSync(jsOnly ? `${root}/dist/chunks` : `${root}/dist`, { recursive: true, force: true });
rmSync(`${root}/dist/esm`, { recursive: true, force: true });

const libraryCommon = {
  ...common,
  outdir: "dist",
  chunkNames: "chunks/[name]-[hash]",
  splitting: true,
  platform: "neutral",
  mainFields: ["module", "main"],
  // Runtime and peer dependencies stay imports (users share them: zod, CodeMirror); chevrotain
  // is bundled.
  external: [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})],
};

// The core, once: dist/index.js (the public API) and dist/internal.js (what the other entries
// use, see src/internal.ts) share one chunk, so `import "dfsq"` loads two files.
const core = await build({
  ...libraryCommon,
  entryPoints: { index: LIBRARY_ENTRIES.index, internal: "src/internal.ts" },
  metafile: true,
});
const coreFiles = new Set(Object.keys(core.metafile.inputs).filter((file) => file.startsWith("src/")));
const reexported = new Set(
  [...readFileSync(`${root}/src/internal.ts`, "utf8").matchAll(/^export \* from "\.\/(.+)\.js";$/gm)].map((m) => `src/${m[1]}.ts`),
);

/** Sends the other entries' imports of core modules to the core build, through the package's
 * private `#internal` import (package.json "imports"), so no module of the core is bundled twice. */
const throughCore = {
  name: "through-core",
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === "entry-point") return undefined;
      const target = relative(root, resolve(dirname(args.importer), args.path)).replace(/\.js$/, ".ts");
      if (!coreFiles.has(target) || coreFiles.has(relative(root, args.importer))) return undefined;
      if (!reexported.has(target)) {
        return { errors: [{ text: `${target} is part of the core: re-export it from src/internal.ts` }] };
      }
      return { path: "#internal", external: true };
    });
  },
};

/**
 * `dfsq lsp`'s server (src/cli/commands/lsp-stdio.ts) is one file of its own, dist/chunks/cli-lsp-server.js,
 * with the language server libraries (devDependencies, bundled: nothing more to install) and its own
 * copy of the compiler. Inside the commands' shared chunks it would split them finer, and every
 * command would load more files; apart, no other command's cold start depends on it. The lsp
 * command's chunk, also in dist/chunks/, imports it by this relative path.
 */
const lspServerApart = {
  name: "lsp-server-apart",
  setup(b) {
    b.onResolve({ filter: /\/lsp-stdio\.js$/ }, () => ({ path: "./cli-lsp-server.js", external: true }));
  },
};

await Promise.all([
  build({
    ...common,
    entryPoints: { "cli-lsp-server": "src/cli/commands/lsp-stdio.ts" },
    outdir: "dist/chunks",
    platform: "node",
    target: "node20",
    plugins: [...common.plugins, builtinRequiresAsImports],
  }),
  build({
    ...libraryCommon,
    // Every entry but the core's own.
    entryPoints: Object.fromEntries(Object.entries(LIBRARY_ENTRIES).filter(([name]) => name !== "index")),
    plugins: [...common.plugins, throughCore],
  }),
  build({
    ...common,
    // dist/check-worker.js: the worker threads of `dfsq check` (src/cli/check/parallel.ts).
    entryPoints: { cli: "src/cli/main.ts", "check-worker": "src/cli/check/worker.ts" },
    outdir: "dist",
    // Commands load on demand (src/cli/run.ts), each from its own chunk.
    splitting: true,
    plugins: [...common.plugins, lspServerApart],
    chunkNames: "chunks/cli-[name]-[hash]",
    platform: "node",
    target: "node20",
    // ES modules first: jsonc-parser's "main" is a UMD build whose requires esbuild cannot see
    // (the bundle then fails at run time with "Dynamic require of ./impl/format").
    mainFields: ["module", "main"],
    banner: { js: "#!/usr/bin/env node" },
  }),
]);
chmodSync(`${root}/dist/cli.js`, 0o755);

/*
 * dist/esm/: the library again, one ES module per source file, for bundlers (the "browser"
 * condition of package.json "exports"). A bundler tree-shakes whole modules under
 * "sideEffects": false, which it cannot do inside the chunks above: there, top-level statements
 * such as Chevrotain's mixins and the token definitions stay in every bundle, and a page that
 * only validates arrays carried the parser (dfsq/validate: 60 → 30 KB gzipped, bench/size.ts).
 * Node keeps the chunks: loading a hundred files would cost its cold start. Chevrotain is one
 * module of its own (dist/esm/vendor/chevrotain.js), and the field catalogs stay out of the core
 * (catalog-data.ts reads catalogs-absent.ts; dfsq/catalogs brings them).
 */
const CATALOG_DATA = "./built-in.js";
const withoutCatalogData = (args) => args.path === CATALOG_DATA && args.importer.endsWith("catalog-data.ts");
const graph = await build({
  ...libraryCommon,
  entryPoints: Object.values(LIBRARY_ENTRIES),
  outdir: "dist/esm",
  write: false,
  metafile: true,
  sourcemap: false,
  plugins: [
    ...common.plugins,
    {
      name: "catalogs-absent",
      setup(b) {
        b.onResolve({ filter: /built-in\.js$/ }, (args) => (withoutCatalogData(args) ? { path: resolve(root, "src/catalog/catalogs-absent.ts") } : undefined));
      },
    },
  ],
});
const modules = Object.keys(graph.metafile.inputs).filter((file) => file.startsWith("src/"));
const eachModuleApart = {
  name: "each-module-apart",
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === "entry-point") return undefined;
      if (args.path === "chevrotain") {
        const from = dirname(relative(`${root}src`, args.importer));
        return { path: `./${relative(from, "vendor/chevrotain.js")}`.replace(/^\.\/\.\.\//, "../"), external: true };
      }
      if (withoutCatalogData(args)) return { path: "./catalogs-absent.js", external: true };
      return { path: args.path, external: true };
    });
  },
};
await Promise.all([
  build({
    ...common,
    entryPoints: modules,
    outbase: "src",
    outdir: "dist/esm",
    platform: "neutral",
    // A page's bundler makes its own maps; these would only point at src/, which is not shipped.
    sourcemap: false,
    plugins: [eachModuleApart],
  }),
  build({
    ...common,
    entryPoints: { "vendor/chevrotain": "node_modules/chevrotain/lib/src/api.js" },
    outdir: "dist/esm",
    sourcemap: false,
    platform: "neutral",
    mainFields: ["module", "main"],
  }),
]);

if (!jsOnly) {
  execFileSync(process.execPath, [`${root}/node_modules/typescript/bin/tsc`, "-p", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit",
  });
}
