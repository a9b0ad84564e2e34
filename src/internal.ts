/*
 * The core modules that dfsq's other entry points (client, validate, eval, codemirror) use, in one
 * place. The build bundles the core once, behind dist/index.js and dist/internal.js, and sends
 * every import those entries make into the core to dist/internal.js: the core is in memory once
 * (one parser, one DfsqError class for instanceof), and `import "dfsq"` loads two files instead of
 * six, about 7 ms of a cold start. scripts/build.mjs fails when an entry imports a core module
 * this file does not re-export. Not a public entry point: package.json does not export it.
 */
export * from "./assist/index.js";
export * from "./builder/built-filter.js";
export * from "./catalog/built-in.js";
export * from "./catalog/endpoints.js";
export * from "./catalog/field-catalog.js";
export * from "./catalog/operators.js";
export * from "./catalog/resolve.js";
export * from "./catalog/suggest.js";
export * from "./check/check-filter.js";
export * from "./check/complement.js";
export * from "./check/rule.js";
export * from "./check/rules/like-length.js";
export * from "./check/rules/regex-cost.js";
export * from "./check/rules/regex.js";
export * from "./check/rules/value-shape.js";
export * from "./check/rules/value-type.js";
export * from "./compile.js";
export * from "./diagnostics/diagnostic.js";
export * from "./diagnostics/error.js";
export * from "./diagnostics/format.js";
export * from "./diagnostics/hints.js";
export * from "./diagnostics/messages.js";
export * from "./diagnostics/wording.js";
export * from "./diagnostics/segments.js";
export * from "./options.js";
export * from "./print/print-filter.js";
export * from "./print/print-value.js";
export * from "./arrays/read.js";
export * from "./syntax/ast.js";
export * from "./syntax/operator-table.js";
export * from "./syntax/operators.js";
export * from "./values/guarded.js";
export * from "./values/re2-syntax.js";
export * from "./values/strings.js";
export * from "./values/time.js";
