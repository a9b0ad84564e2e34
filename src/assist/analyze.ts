import { checkParsed, checkParsedOrderBy } from "../compile.js";
import type { Expr, OrderByNode } from "../syntax/ast.js";
import { scan } from "../syntax/lexer.js";
import { parseFilter, parseOrderBy, type Parsed } from "../syntax/parse.js";
import { highlight } from "./highlight.js";
import type { Analysis, AssistOptions } from "./types.js";

/**
 * One pass for every need of an editor: highlight tokens, the (partial) AST, all diagnostics, and
 * the compiled value when there are no errors. Works on any text: every prefix of a valid
 * expression, broken input, hostile input (within the compiler's caps).
 */
export function analyze(source: string, options: AssistOptions = {}): Analysis {
  const mode = options.mode ?? "filter";
  let parsed: Parsed<Expr> | Parsed<OrderByNode> | undefined;
  const r =
    mode === "orderBy"
      ? checkParsedOrderBy(source, (bag, limits) => (parsed = parseOrderBy(source, bag, limits)), options)
      : checkParsed(source, (bag, limits) => (parsed = parseFilter(source, bag, limits)), options);
  // The parser's tokens hold no unmatched characters and none at all for refused input; a plain
  // scan (cheap, and bounded by the same length cap) gives the highlighter everything.
  const tooLong = r.diagnostics.some((d) => d.code === "input_too_long");
  const scanned = tooLong ? { tokens: [], unmatched: [] } : scan(source);
  const analysis: { -readonly [K in keyof Analysis]: Analysis[K] } = {
    mode,
    tokens: highlight(scanned.tokens, scanned.unmatched),
    diagnostics: r.diagnostics,
  };
  const ast = (parsed as Parsed<Expr | OrderByNode> | undefined)?.ast;
  if (ast !== undefined) analysis.ast = ast;
  if (r.ok && r.value !== undefined) analysis.value = r.value;
  return analysis;
}
