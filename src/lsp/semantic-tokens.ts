import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { HighlightClass } from "../assist/index.js";
import type { Span } from "../diagnostics/diagnostic.js";
import type { DocumentAnalysis } from "./document.js";

/** The token types the server uses, from LSP's predefined ones, so every theme colours them. */
const TOKEN_TYPES = ["property", "operator", "keyword", "string", "number", "enumMember", "comment"] as const;
type TokenType = (typeof TOKEN_TYPES)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [] };

/**
 * The token type of each highlight class. Punctuation keeps the editor's default colour, and
 * characters the language does not know (`error`) are left to the diagnostics' squiggles.
 * Times (`now`, dates, durations) are constants of their own: `enumMember`.
 */
export const TOKEN_TYPE_OF: Readonly<Record<HighlightClass, TokenType | undefined>> = {
  field: "property",
  operator: "operator",
  keyword: "keyword",
  string: "string",
  number: "number",
  time: "enumMember",
  punctuation: undefined,
  error: undefined,
};

/** The UTF-16 length of a line, without its line break. */
function lineLength(doc: TextDocument, line: number): number {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/(?:\r\n|\r|\n)$/, "").length;
}

/**
 * `textDocument/semanticTokens/full`: the highlight tokens of `analyze`, and the header lines as
 * comments. A token across a line break (a string with a newline in it) is cut at each line end,
 * as LSP tokens may not span lines unless the client says so.
 */
export function semanticTokens(doc: TextDocument, document: DocumentAnalysis): SemanticTokens {
  const spans: { span: Span; type: number }[] = [];
  const comment = TOKEN_TYPES.indexOf("comment");
  for (const line of document.file.headerLines) spans.push({ span: line, type: comment });
  for (const token of document.analysis.tokens) {
    const type = TOKEN_TYPE_OF[token.class];
    if (type !== undefined) spans.push({ span: { start: token.from, end: token.to }, type: TOKEN_TYPES.indexOf(type) });
  }
  spans.sort((a, b) => a.span.start - b.span.start);
  const builder = new SemanticTokensBuilder();
  for (const { span, type } of spans) {
    const start = doc.positionAt(span.start);
    const end = doc.positionAt(span.end);
    for (let line = start.line; line <= end.line; line++) {
      const from = line === start.line ? start.character : 0;
      const to = line === end.line ? end.character : lineLength(doc, line);
      if (to > from) builder.push(line, from, to - from, type, 0);
    }
  }
  return builder.build();
}
