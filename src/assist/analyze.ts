import { checkParsed, checkParsedOrderBy } from "../compile.js";
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import * as messages from "../diagnostics/messages.js";
import { readOptions, resolveLimits } from "../options.js";
import type { Expr, OrderByNode } from "../syntax/ast.js";
import { scan } from "../syntax/lexer.js";
import { parseFilter, parseOrderBy, type Parsed } from "../syntax/parse.js";
import { describeValue } from "../values/guarded.js";
import { highlight } from "./highlight.js";
import type { Analysis, AssistOptions } from "./types.js";

/**
 * One pass for every need of an editor: highlight tokens, the (partial) AST, all diagnostics, and
 * the compiled value when there are no errors. Works on any text: every prefix of a valid
 * expression, broken input, hostile input (within the compiler's caps). A `source` that is not a
 * string, or invalid options, are diagnostics too (`invalid_argument`, `invalid_option`).
 */
export function analyze(source: string, options: AssistOptions = {}): Analysis {
  return analyzeScanned(source, options).analysis;
}

/** What the source scanned to: its tokens and the runs of characters no token matches. */
type ScannedText = Omit<Parsed<unknown>, "ast">;

const NOTHING_SCANNED: ScannedText = { tokens: [], unmatched: [] };

/** `analyze`, with the scanned tokens it highlighted (hover reads them). */
export function analyzeScanned(source: string, options: AssistOptions = {}): { analysis: Analysis; scanned: ScannedText } {
  // Read once here for the mode and the scan's cap; checkParsed reads them again and reports.
  const read = readOptions<AssistOptions>(options, () => {});
  const mode = read.mode ?? "filter";
  if (typeof source !== "string") {
    const message = messages.takes("analyze", messages.things.text, describeValue(source));
    const diagnostics = [makeDiagnostic("", "invalid_argument", { start: 0, end: 0 }, message)];
    return { analysis: { mode, tokens: [], diagnostics }, scanned: NOTHING_SCANNED };
  }
  let parsed: Parsed<Expr> | Parsed<OrderByNode> | undefined;
  const r =
    mode === "orderBy"
      ? checkParsedOrderBy(source, (bag, limits) => (parsed = parseOrderBy(source, bag, limits)), options)
      : checkParsed(source, (bag, limits) => (parsed = parseFilter(source, bag, limits)), options);
  // The parse is skipped when the options are wrong (an unknown endpoint): the highlighter still
  // gets the tokens, from a scan under the same length cap.
  const scanned: ScannedText =
    parsed ?? (source.length <= resolveLimits(read).maxInputLength ? scan(source) : { tokens: [], unmatched: [], openers: 0 });
  const analysis: { -readonly [K in keyof Analysis]: Analysis[K] } = {
    mode,
    tokens: highlight(scanned.tokens, scanned.unmatched),
    diagnostics: r.diagnostics,
  };
  const ast = (parsed as Parsed<Expr | OrderByNode> | undefined)?.ast;
  if (ast !== undefined) analysis.ast = ast;
  if (r.ok) analysis.value = r.value;
  return { analysis, scanned };
}
