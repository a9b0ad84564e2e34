import type { EditorState, Extension } from "@codemirror/state";
import { linter, type Action, type Diagnostic as LintDiagnostic } from "@codemirror/lint";
import { keymap, type Command, type EditorView } from "@codemirror/view";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { codeSegments, messageSegments, plainText } from "../diagnostics/segments.js";
import { dfsqAnalysisField, dfsqState, type DfsqOptions } from "./config.js";
import { underlineRange } from "./range.js";
import { renderSegments } from "./render.js";

/** How the linter runs. */
export interface DfsqLintConfig {
  /** Milliseconds after a change before the diagnostics show. Default 300 (CodeMirror's is 750). */
  readonly delay?: number;
}

const BLANK = /^\s*$/;

/**
 * The diagnostic's own fixes; failing those, "did you mean": each replaces the problem's text
 * with a suggestion. A button shows plain text, so the titles lose their backquotes.
 */
function actionsOf(d: Diagnostic): Action[] {
  if (d.fixes !== undefined) {
    return d.fixes.map((fix) => ({
      name: plainText(codeSegments(fix.title)),
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

/** The message with its code as code, and the hint below it: in the tooltip and in the lint panel. */
function renderMessage(d: Diagnostic): (view: EditorView) => Node {
  return (view) => {
    const doc = view.dom.ownerDocument;
    const { message, hint } = messageSegments(d);
    const out = doc.createElement("span");
    out.append(...renderSegments(doc, message));
    if (hint !== undefined) {
      const line = doc.createElement("span");
      line.className = "cm-dfsq-hint";
      line.append(...renderSegments(doc, hint));
      out.append(line);
    }
    return out;
  };
}

/**
 * dfsq's diagnostics of `state` as CodeMirror lint diagnostics: the text's problems with their
 * severity, message and hint, and their quick fixes (the diagnostic's own, else one per
 * suggestion). Diagnostics about options (`option` set) are left out: they concern no text; read
 * them with `dfsqAnalysis(state)`. A blank document has none (its `unexpected_end` stays in the
 * analysis).
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
 * Applies the first quick fix of the problem at the cursor (where the linter underlines it, the
 * cursor touching either end), errors before warnings. False where there is none, so that the key
 * does whatever else it is bound to.
 */
export const applyQuickFix: Command = (view) => {
  const head = view.state.selection.main.head;
  const here = lintDiagnostics(view.state)
    .filter((d) => d.from <= head && head <= d.to && (d.actions?.length ?? 0) > 0)
    .toSorted((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  const first = here[0];
  if (first === undefined) return false;
  first.actions![0]!.apply(view, first.from, first.to);
  return true;
};

/** `Mod-.` (as in VS Code) applies the quick fix at the cursor. */
export const dfsqQuickFixKeymap = [{ key: "Mod-.", run: applyQuickFix }];

/**
 * A linter (`@codemirror/lint`) over the shared analysis: no parse of its own. Changing the
 * options (`reconfigureDfsq`) lints again at once, without waiting for an edit. Quick fixes apply
 * with one key: their underlined letter in the lint panel (`Mod-Shift-m`), `Mod-.` at the cursor,
 * or a click on their button in the tooltip.
 */
export function dfsqLinter(options?: DfsqOptions, config: DfsqLintConfig = {}): Extension {
  return [
    dfsqState(options),
    linter((view) => lintDiagnostics(view.state), {
      delay: config.delay ?? 300,
      needsRefresh: (update) => update.state.field(dfsqAnalysisField, false) !== update.startState.field(dfsqAnalysisField, false),
    }),
    keymap.of(dfsqQuickFixKeymap),
  ];
}
