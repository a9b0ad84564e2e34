import type { Hover } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { hover } from "../assist/index.js";
import type { ClientFeatures } from "./capabilities.js";
import { rangeOf } from "./diagnostics.js";
import type { DocumentAnalysis } from "./document.js";
import { toMarkdown } from "./markdown.js";

/** Whether a problem is shown at `offset`: the client's own diagnostic hover covers it there. */
function overProblem(document: DocumentAnalysis, offset: number): boolean {
  return document.diagnostics.some(
    (d) => d.option === undefined && d.span.start <= offset && (offset < d.span.end || (d.span.start === d.span.end && offset === d.span.start)),
  );
}

/**
 * `textDocument/hover`: what `hover` says at the cursor (a field's type and operators, what a word
 * means), in Markdown where the client takes it. Over a problem there is none: every client
 * already shows the diagnostic there, and saying it twice only crowds the tooltip.
 */
export function hoverAt(doc: TextDocument, document: DocumentAnalysis, offset: number, features: ClientFeatures): Hover | null {
  if (overProblem(document, offset)) return null;
  const result = hover(document.file.expression, offset, document.options);
  if (result === null) return null;
  return {
    contents: features.hoverMarkdown ? { kind: "markdown", value: toMarkdown(result.text) } : { kind: "plaintext", value: result.text },
    range: rangeOf(doc, { start: result.from, end: result.to }),
  };
}
