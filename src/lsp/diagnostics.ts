import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Severity } from "../diagnostics/codes.js";
import type { Diagnostic, Span } from "../diagnostics/diagnostic.js";
import { unreachable } from "../syntax/ast.js";

/**
 * A span of UTF-16 offsets as an LSP range. LSP positions count UTF-16 code units by default, as
 * dfsq's spans do, so only lines need working out; the document does that (`\n`, `\r\n` and `\r`
 * each end a line).
 */
export function rangeOf(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

function severityOf(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case "error":
      return DiagnosticSeverity.Error;
    case "warning":
      return DiagnosticSeverity.Warning;
    default:
      return unreachable(severity);
  }
}

/**
 * One dfsq diagnostic for `textDocument/publishDiagnostics`: its span, severity, code and message,
 * source "dfsq". The hint goes on the message's second line, not into `relatedInformation`: VS
 * Code shows that, but Neovim and Helix do not, and the hint ("did you mean …?") is often the
 * most useful line.
 */
export function toLspDiagnostic(doc: TextDocument, d: Diagnostic): LspDiagnostic {
  return {
    range: rangeOf(doc, d.span),
    severity: severityOf(d.severity),
    code: d.code,
    source: "dfsq",
    message: d.hint === undefined ? d.message : `${d.message}\n${d.hint}`,
  };
}
