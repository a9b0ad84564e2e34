import { builtinModules } from "node:module";

/**
 * dfsq scans with its own lexer (src/syntax/lexer.ts), so Chevrotain's Lexer, its regular
 * expression analyser and the regexp-to-ast package are dead weight; only the parser's grammar
 * recorder touches `Lexer.NA`. This esbuild plugin gives Chevrotain a stub with that one
 * constant, which takes about a fifth off the browser bundle. Used by the build and by the
 * size benchmark; test/package.test.ts checks that the bundle still compiles.
 */
export const withoutChevrotainLexer = {
  name: "without-chevrotain-lexer",
  setup(build) {
    build.onResolve({ filter: /[\\/]?lexer_public\.js$/ }, (args) =>
      args.importer.includes("chevrotain") ? { path: "chevrotain-lexer-stub", namespace: "dfsq-stub" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "dfsq-stub" }, () => ({
      contents:
        "export const Lexer = { NA: /NOT_APPLICABLE/, SKIPPED: 'This marks a skipped Token pattern' };\n" +
        "export const LexerDefinitionErrorType = {};\n",
      loader: "js",
    }));
  },
};

/** Replaces lodash-es, inside Chevrotain only, with scripts/shims/lodash-es.mjs. */
export const withNativeLodash = {
  name: "with-native-lodash",
  setup(build) {
    const shim = new URL("./shims/lodash-es.mjs", import.meta.url).pathname;
    build.onResolve({ filter: /^lodash-es$/ }, (args) => (args.importer.includes("chevrotain") ? { path: shim } : undefined));
  },
};

/**
 * The language server's libraries (vscode-languageserver, vscode-jsonrpc) are CommonJS and
 * `require` Node's built-in modules. In an ES module bundle esbuild leaves those calls to a
 * `require` that does not exist there ("Dynamic require of "util" is not supported"). This plugin
 * answers each such `require` with a module that imports the built-in instead, so the CLI's
 * `dfsq lsp` chunk works without a global `require` shim in every chunk. Their uses
 * (`fs.readFileSync`, `util.inspect`, …) read named exports, which the namespace has.
 */
export const builtinRequiresAsImports = {
  name: "builtin-requires-as-imports",
  setup(build) {
    const builtins = new Set(builtinModules);
    build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, "");
      if (args.kind !== "require-call" || !builtins.has(name)) return undefined;
      return { path: name, namespace: "dfsq-node-builtin" };
    });
    build.onLoad({ filter: /.*/, namespace: "dfsq-node-builtin" }, (args) => ({
      contents: `export * from "node:${args.path}";\nexport { default } from "node:${args.path}";\n`,
      loader: "js",
    }));
  },
};
