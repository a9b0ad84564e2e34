import type { Extension, Range } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from "@codemirror/view";
import type { Analysis, HighlightClass } from "../assist/index.js";
import { dfsqAnalysisField, dfsqState, type DfsqOptions } from "./config.js";
import { dfsqTheme } from "./theme.js";

/** The CSS class of each highlight class: `cm-dfsq-field`, `cm-dfsq-operator`, … */
export function highlightClassName(cls: HighlightClass): string {
  return `cm-dfsq-${cls}`;
}

const MARKS = new Map<HighlightClass, Decoration>();
function mark(cls: HighlightClass): Decoration {
  let decoration = MARKS.get(cls);
  if (decoration === undefined) {
    decoration = Decoration.mark({ class: highlightClassName(cls) });
    MARKS.set(cls, decoration);
  }
  return decoration;
}

/** Mark decorations for the analysis' tokens, clipped to a document of `length` characters. */
export function highlightDecorations(analysis: Analysis, length: number): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  for (const token of analysis.tokens) {
    const to = Math.min(token.to, length);
    if (token.from < to) ranges.push(mark(token.class).range(token.from, to));
  }
  return Decoration.set(ranges, true);
}

const highlighter = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = highlightDecorations(view.state.field(dfsqAnalysisField), view.state.doc.length);
    }
    update(update: ViewUpdate): void {
      const analysis = update.state.field(dfsqAnalysisField);
      if (analysis !== update.startState.field(dfsqAnalysisField)) {
        this.decorations = highlightDecorations(analysis, update.state.doc.length);
      }
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

/**
 * Colours the text from dfsq's own tokens: each token gets a `cm-dfsq-<class>` mark (field,
 * operator, keyword, string, number, time, punctuation, error). A default theme colours them in
 * light and dark editors; override it with `EditorView.theme` on the same classes.
 */
export function dfsqHighlighting(options?: DfsqOptions): Extension {
  return [dfsqState(options), highlighter, dfsqTheme];
}
