import * as hints from "../diagnostics/hints.js";
import { CodeActionKind, type CodeAction, type Range, type TextEdit as LspTextEdit, type WorkspaceEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic, Fix } from "../diagnostics/diagnostic.js";
import type { ClientFeatures } from "./capabilities.js";
import { rangeOf, toLspDiagnostic } from "./diagnostics.js";
import type { DocumentAnalysis } from "./document.js";

const before = (p: Range["start"], q: Range["start"]) => p.line < q.line || (p.line === q.line && p.character < q.character);

/** Whether two ranges share a position (touching counts: a cursor at a problem's edge asks for its fixes). */
function touches(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/**
 * A diagnostic's quick fixes: its own `fixes`; failing those, each "did you mean" suggestion as a
 * replacement of the problem's text (suggestions that are field patterns with `$` placeholders are
 * no text to insert).
 */
function fixesOf(d: Diagnostic): Fix[] {
  if (d.fixes !== undefined) return [...d.fixes];
  if (d.suggestions === undefined || d.span.start === d.span.end || d.option !== undefined) return [];
  return d.suggestions
    .filter((s) => !s.includes("$"))
    .slice(0, 3)
    .map((s) => ({ title: hints.replaceWith(s), edits: [{ span: d.span, insert: s }] }));
}

function workspaceEdit(doc: TextDocument, edits: LspTextEdit[], features: ClientFeatures): WorkspaceEdit {
  // A versioned edit is refused by a client whose document has moved on, instead of misapplied.
  return features.documentChanges
    ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] }
    : { changes: { [doc.uri]: edits } };
}

/**
 * `textDocument/codeAction`: the quick fixes of the problems in `range`, each a workspace edit
 * linked to its diagnostic. A diagnostic's only fix is marked preferred, so that "fix" commands
 * (VS Code's auto fix) apply it in one keystroke.
 */
export function codeActionsFor(doc: TextDocument, document: DocumentAnalysis, range: Range, only: readonly string[] | undefined, features: ClientFeatures): CodeAction[] {
  if (only !== undefined && !only.some((kind) => CodeActionKind.QuickFix === kind || CodeActionKind.QuickFix.startsWith(`${kind}.`))) return [];
  const actions: CodeAction[] = [];
  for (const d of document.diagnostics) {
    const lsp = toLspDiagnostic(doc, d);
    if (!touches(lsp.range, range)) continue;
    const fixes = fixesOf(d);
    for (const fix of fixes) {
      const edits = fix.edits.map((e) => ({ range: rangeOf(doc, e.span), newText: e.insert }));
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [lsp],
        isPreferred: fixes.length === 1,
        edit: workspaceEdit(doc, edits, features),
      });
    }
  }
  return actions;
}
