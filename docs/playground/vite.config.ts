import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { chevrotainStub, LEXER_STUB_SOURCE } from "../../scripts/esbuild-plugins.mjs";

/*
 * Builds the playground (docs/playground/dist, a static site with relative URLs) from the
 * repository's sources. `vite build|preview|dev --config docs/playground/vite.config.ts`; the e2e
 * test builds with this file too.
 */

const here = fileURLToPath(new URL(".", import.meta.url));
const root = fileURLToPath(new URL("../..", import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { version: string; homepage?: string };
/** Where the docs live, for the page's links: the repository the package names. */
const repository = (pkg.homepage ?? "https://github.com/dfsq/dfsq").replace(/#.*$/, "");

const LEXER_STUB = "\0dfsq-chevrotain-lexer-stub";

/**
 * Chevrotain as dist/ ships it (scripts/esbuild-plugins.mjs, for esbuild; this is the same for
 * Vite, with the same stubs): lodash-es replaced by scripts/shims/lodash-es.mjs, Chevrotain's own
 * Lexer, which dfsq never runs, by a stub with the one constant its grammar recorder reads, and
 * the modules the parser never runs (grammar checks, CST visitors, recorder) by stubs. The page
 * then runs the code users get.
 */
function chevrotainAsShipped(): Plugin {
  return {
    name: "dfsq-chevrotain-as-shipped",
    enforce: "pre",
    resolveId(source, importer) {
      if (importer === undefined || !importer.includes("chevrotain")) return null;
      if (source === "lodash-es") return `${root}scripts/shims/lodash-es.mjs`;
      if (/[\\/]?lexer_public\.js$/.test(source)) return LEXER_STUB;
      return null;
    },
    load(id) {
      if (id === LEXER_STUB) return LEXER_STUB_SOURCE;
      const inChevrotain = /[\\/]chevrotain[\\/](lib[\\/]src[\\/].*\.js)$/.exec(id);
      return inChevrotain === null ? null : (chevrotainStub(inChevrotain[1]!.replace(/\\/g, "/")) ?? null);
    },
  };
}

export default defineConfig({
  root: here,
  base: "./",
  publicDir: false,
  clearScreen: false,
  plugins: [chevrotainAsShipped()],
  define: { DFSQ_VERSION: JSON.stringify(pkg.version), DFSQ_REPOSITORY: JSON.stringify(repository) },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    reportCompressedSize: false,
    // One script: dfsq with its catalogs (~240 kB) and the CodeMirror parts used (~350 kB); ~170 kB gzipped.
    chunkSizeWarningLimit: 800,
  },
  // Pre-bundling would skip the plugin above; the dev server serves Chevrotain through it.
  optimizeDeps: { exclude: ["chevrotain"] },
  server: { host: "127.0.0.1", port: 5173, fs: { allow: [root] } },
  preview: { host: "127.0.0.1", port: 4173 },
});
