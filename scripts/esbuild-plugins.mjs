import { builtinModules } from "node:module";

/**
 * dfsq scans with its own lexer (src/syntax/lexer.ts), so Chevrotain's Lexer, its regular
 * expression analyser and the regexp-to-ast package are dead weight; only the parser's grammar
 * recorder touches `Lexer.NA`. This esbuild plugin gives Chevrotain a stub with that one
 * constant, which takes about a fifth off the browser bundle. Used by the build and by the
 * size benchmark; test/package.test.ts checks that the bundle still compiles.
 */
/** What replaces Chevrotain's Lexer module (also in the playground's Vite build). */
export const LEXER_STUB_SOURCE =
  "export const Lexer = { NA: /NOT_APPLICABLE/, SKIPPED: 'This marks a skipped Token pattern' };\n" +
  "export const LexerDefinitionErrorType = {};\n";

export const withoutChevrotainLexer = {
  name: "without-chevrotain-lexer",
  setup(build) {
    build.onResolve({ filter: /[\\/]?lexer_public\.js$/ }, (args) =>
      args.importer.includes("chevrotain") ? { path: "chevrotain-lexer-stub", namespace: "dfsq-stub" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "dfsq-stub" }, () => ({ contents: LEXER_STUB_SOURCE, loader: "js" }));
  },
};

/**
 * Chevrotain modules that dfsq's parser never runs, replaced by stubs that throw if called
 * (src/syntax/chevrotain-internals.ts, item 4): the grammar checks (the parser sets
 * `skipValidations`; test/syntax/parser.test.ts validates the grammar with Chevrotain's own),
 * the CST visitors (an EmbeddedActionsParser builds no CST), and the grammar recorder, whose
 * rules come from grammar.generated.ts instead (a test keeps that file current). Each stub
 * exports exactly the names Chevrotain's other modules import from the module it replaces
 * (test/syntax/chevrotain-internals.test.ts). The bundle of compileFilter: −2.9 KB gzipped.
 */
export const CHEVROTAIN_STUBS = {
  "lib/src/parse/grammar/checks.js": {
    exports: [
      "validateAmbiguousAlternationAlternatives",
      "validateEmptyOrAlternative",
      "validateGrammar",
      "validateLookahead",
      "validateNoLeftRecursion",
      "validateRuleIsOverridden",
      "validateSomeNonEmptyLookaheadPath",
    ],
    why: "grammar checks",
  },
  "lib/src/parse/cst/cst_visitor.js": {
    exports: ["createBaseSemanticVisitorConstructor", "createBaseVisitorConstructorWithDefaults"],
    why: "CST visitors",
  },
  "lib/src/parse/parser/traits/gast_recorder.js": { exports: ["GastRecorder"], why: "grammar recorder" },
};

/** The stub for the Chevrotain module at `path` (under node_modules/chevrotain), if it has one. */
export function chevrotainStub(path) {
  return path in CHEVROTAIN_STUBS ? stubOf(path) : undefined;
}

function stubOf(path) {
  const { exports, why } = CHEVROTAIN_STUBS[path];
  const fail = `function unbundled() { throw new Error("dfsq: this bundle leaves out Chevrotain's ${why} (scripts/esbuild-plugins.mjs)"); }\n`;
  if (path.endsWith("gast_recorder.js")) {
    // The parser's constructor and performSelfAnalysis call these four; with every rule
    // rebuilt from grammar.generated.ts, recording one is never reached.
    return (
      fail +
      "export class GastRecorder {\n" +
      "  initGastRecorder() { this.RECORDING_PHASE = false; }\n" +
      "  enableRecording() {}\n" +
      "  disableRecording() {}\n" +
      "  topLevelRuleRecord() { unbundled(); }\n" +
      "}\n"
    );
  }
  return fail + exports.map((name) => `export const ${name} = unbundled;\n`).join("");
}

export const withoutUnusedChevrotain = {
  name: "without-unused-chevrotain",
  setup(build) {
    build.onLoad({ filter: /[\\/]chevrotain[\\/]lib[\\/]src[\\/].*\.js$/ }, (args) => {
      const contents = chevrotainStub(args.path.replace(/\\/g, "/").replace(/^.*\/chevrotain\//, ""));
      return contents === undefined ? undefined : { contents, loader: "js" };
    });
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
