import type { EditorState, Extension } from "@codemirror/state";
import { linter, type Action, type Diagnostic as LintDiagnostic } from "@codemirror/lint";
import type { EditorView } from "@codemirror/view";
import type { Diagnostic } from "../index.js";
import { dfsqAnalysisField, dfsqState, type DfsqOptions } from "./config.js";
import { underlineRange } from "./range.js";

/** How the linter runs. */
export interface DfsqLintConfig {
  /** Milliseconds after a change before the diagnostics show. Default 300 (CodeMirror's is 750). */
  readonly delay?: number;
}

const BLANK = /^\s*$/;

/** The diagnostic's own fixes; failing those, "did you mean": each replaces the problem's text
 * with a suggestion. */
function actionsOf(d: Diagnostic): Action[] {
  if (d.fixes !== undefined) {
    return d.fixes.map((fix) => ({
      name: fix.title,
      apply: (view: EditorView) => {
        const changes = fix.edits.map((e) => ({ from: e.span.start, to: e.span.end, insert: e.insert }));
        const last = fix.edits[fix.edits.length - 1];
        view.dispatch({ changes, ...(last === undefined ? {} : { selection: { anchor: view.state.changes(changes).mapPos(last.span.end, 1) } }) });
      },
    }));
  }
  if (d.suggestions === undefined || d.span.start === d.span.end) return [];
  return d.suggestions
    .filter((s) => !s.includes("$"))
    .slice(0, 3)
    .map((s) => ({
      name: s,
      apply: (view: EditorView, from: number, to: number) => view.dispatch({ changes: { from, to, insert: s }, selection: { anchor: from + s.length } }),
    }));
}

function renderMessage(d: Diagnostic): (view: EditorView) => Node {
  return (view) => {
    const doc = view.dom.ownerDocument;
    const message = doc.createElement("span");
    message.textContent = d.message;
    if (d.hint !== undefined) {
      const hint = doc.createElement("span");
      hint.className = "cm-dfsq-hint";
      hint.textContent = d.hint;
      message.append(hint);
    }
    return message;
  };
}

/**
 * dfsq's diagnostics of `state` as CodeMirror lint diagnostics: the text's problems with their
 * severity, message and hint, and a quick fix per suggestion. Diagnostics about options
 * (`option` set) are left out: they concern no text; read them with `dfsqAnalysis(state)`. A
 * blank document has none (its `unexpected_end` stays in the analysis).
 */
export function lintDiagnostics(state: EditorState): LintDiagnostic[] {
  const analysis = state.field(dfsqAnalysisField, false);
  // An empty editor is not flagged: whether a value is required is the application's call.
  if (analysis === undefined || BLANK.test(state.doc.toString())) return [];
  return analysis.diagnostics
    .filter((d) => d.option === undefined)
    .map((d) => ({
      ...underlineRange(state.doc, d.span.start, d.span.end),
      severity: d.severity,
      source: `dfsq ${d.code}`,
      message: d.hint === undefined ? d.message : `${d.message}\n${d.hint}`,
      renderMessage: renderMessage(d),
      actions: actionsOf(d),
    }));
}

/**
 * A linter (`@codemirror/lint`) over the shared analysis: no parse of its own. Changing the
 * options (`reconfigureDfsq`) lints again at once, without waiting for an edit.
 */
export function dfsqLinter(options?: DfsqOptions, config: DfsqLintConfig = {}): Extension {
  return [
    dfsqState(options),
    linter((view) => lintDiagnostics(view.state), {
      delay: config.delay ?? 300,
      needsRefresh: (update) => update.state.field(dfsqAnalysisField, false) !== update.startState.field(dfsqAnalysisField, false),
    }),
  ];
}
