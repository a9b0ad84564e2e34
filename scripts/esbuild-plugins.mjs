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
