import type { TextEdit as LspTextEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { analyze } from "../assist/index.js";
import { printExpr, printOrderByAst } from "../print/print-expr.js";
import type { Expr, OrderByNode } from "../syntax/ast.js";
import { rangeOf } from "./diagnostics.js";
import type { DocumentAnalysis } from "./document.js";

/**
 * `textDocument/formatting`: the expression as dfsq's printer writes it (one line, the fewest
 * parentheses, canonical operators), the header and the blank lines around it kept. Only an
 * expression without errors is formatted, and only when the printed text compiles to the very
 * same arrays under one clock: formatting must never change what is sent.
 */
export function formatDocument(doc: TextDocument, document: DocumentAnalysis): LspTextEdit[] {
  const { analysis, file, options } = document;
  if (analysis.value === undefined || analysis.ast === undefined) return [];
  const expression = file.expression;
  const start = expression.length - expression.trimStart().length;
  const end = expression.trimEnd().length;
  if (end <= start) return [];
  const printed = analysis.mode === "orderBy" ? printOrderByAst(analysis.ast as OrderByNode) : printExpr(analysis.ast as Expr);
  if (printed === expression.slice(start, end)) return [];
  const clock = { ...options, now: options.now ?? Date.now() };
  const before = analyze(expression, clock).value;
  const after = analyze(printed, clock).value;
  if (after === undefined || JSON.stringify(after) !== JSON.stringify(before)) return [];
  return [{ range: rangeOf(doc, { start, end }), newText: printed }];
}
