import { CompletionItemKind, type CompletionItem, type CompletionList, type MarkupContent } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { complete, type CompletionKind, type CompletionOption } from "../assist/index.js";
import { listEndpoints } from "../catalog/api.js";
import type { Span } from "../diagnostics/diagnostic.js";
import type { ClientFeatures } from "./capabilities.js";
import { rangeOf } from "./diagnostics.js";
import type { DocumentAnalysis } from "./document.js";
import { toMarkdown } from "./markdown.js";
import { SETTINGS_PARAMS } from "./settings.js";

/** The LSP kind of each dfsq kind: it picks the icon. LSP has none for punctuation. */
export const COMPLETION_ITEM_KINDS: Readonly<Record<CompletionKind, CompletionItemKind>> = {
  field: CompletionItemKind.Field,
  namespace: CompletionItemKind.Module,
  operator: CompletionItemKind.Operator,
  keyword: CompletionItemKind.Keyword,
  value: CompletionItemKind.Value,
  punctuation: CompletionItemKind.Text,
};

/**
 * Clients sort by `sortText`: dfsq's `boost` first (higher first, -99 to 99), then the order in
 * which `complete` listed the options, which is meaningful (closer matches first).
 */
function sortText(option: CompletionOption, index: number): string {
  const rank = 100 - Math.max(-99, Math.min(99, Math.round(option.boost ?? 0)));
  return `${String(rank).padStart(3, "0")}.${String(index).padStart(5, "0")}`;
}

function documentation(text: string, features: ClientFeatures): string | MarkupContent {
  return features.completionMarkdown ? { kind: "markdown", value: toMarkdown(text) } : text;
}

/** One dfsq option as an LSP completion item that replaces `span` (what `complete` said to replace). */
export function toCompletionItem(doc: TextDocument, span: Span, option: CompletionOption, index: number, features: ClientFeatures): CompletionItem {
  const item: CompletionItem = {
    label: option.label,
    kind: COMPLETION_ITEM_KINDS[option.kind],
    sortText: sortText(option, index),
    // Clients filter on the text of the range; the label is what was typed towards.
    filterText: option.label,
    textEdit: { range: rangeOf(doc, span), newText: option.apply ?? option.label },
  };
  if (option.detail !== undefined) item.detail = option.detail;
  if (option.info !== undefined) item.documentation = documentation(option.info, features);
  return item;
}

/** `# endpoint: ` and `# param: ` complete to the endpoints and parameters dfsq knows. */
function headerCompletion(doc: TextDocument, document: DocumentAnalysis, offset: number): CompletionItem[] | undefined {
  const line = document.file.headerLines.find((l) => l.start <= offset && offset <= l.end);
  if (line === undefined) return undefined;
  const before = doc.getText().slice(line.start, offset);
  const match = /^\s*#\s*(endpoint|param)\s*:\s*(\S*)$/i.exec(before);
  if (match === null) return [];
  const typed = match[2]!;
  const span = { start: offset - typed.length, end: line.end };
  const choices =
    match[1]!.toLowerCase() === "endpoint"
      ? listEndpoints().map((e) => ({ label: e.id, detail: e.params.join(", ") + (e.orderBy ? ", order_by" : "") }))
      : SETTINGS_PARAMS.map((p) => ({ label: p, detail: p === "order_by" ? "the file holds sort rules" : "filter parameter" }));
  return choices.map((c, i) => ({
    label: c.label,
    kind: CompletionItemKind.Value,
    detail: c.detail,
    sortText: String(i).padStart(5, "0"),
    textEdit: { range: rangeOf(doc, span), newText: c.label },
  }));
}

/**
 * `textDocument/completion`: what `complete` offers at the cursor, each item a text edit of the
 * range it said to replace; on a header line, the endpoints or parameters.
 */
export function completionAt(doc: TextDocument, document: DocumentAnalysis, offset: number, features: ClientFeatures): CompletionList {
  const header = headerCompletion(doc, document, offset);
  if (header !== undefined) return { isIncomplete: false, items: header };
  const result = complete(document.file.expression, offset, document.options);
  if (result === null) return { isIncomplete: false, items: [] };
  const span = { start: result.from, end: result.to };
  return { isIncomplete: false, items: result.options.map((o, i) => toCompletionItem(doc, span, o, i, features)) };
}
