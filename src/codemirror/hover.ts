import type { Extension } from "@codemirror/state";
import { hoverTooltip, type EditorView, type Tooltip } from "@codemirror/view";
import { hover } from "../assist/index.js";
import { codeSegments } from "../diagnostics/segments.js";
import { dfsqAnalysisField, dfsqOptions, dfsqState, withCatalogs, type DfsqOptions } from "./config.js";
import { underlineRange } from "./range.js";
import { renderSegments } from "./render.js";
import { dfsqTheme } from "./theme.js";

/** How the hover tooltips behave. */
export interface DfsqHoverConfig {
  /**
   * Also explain the problem under the pointer. Default true; `dfsq()` turns it off, because its
   * linter already shows the problem's tooltip there.
   */
  readonly problems?: boolean;
  /** Milliseconds the pointer rests before the tooltip shows (CodeMirror's default: 300). */
  readonly hoverTime?: number;
}

function overProblem(view: EditorView, pos: number): boolean {
  const analysis = view.state.field(dfsqAnalysisField, false);
  if (analysis === undefined) return false;
  return analysis.diagnostics.some((d) => {
    if (d.option !== undefined) return false;
    // Where the linter draws it: a zero-width span is widened there.
    const { from, to } = underlineRange(view.state.doc, d.span.start, d.span.end);
    return from <= pos && pos <= Math.max(to, from + 1);
  });
}

/** The tooltip for `pos`: what dfsq's `hover` says there, or null. */
export function dfsqHoverTooltip(view: EditorView, pos: number, options: DfsqOptions = {}, config: DfsqHoverConfig = {}): Tooltip | null {
  if (config.problems === false && overProblem(view, pos)) return null;
  const result = hover(view.state.doc.toString(), pos, withCatalogs({ ...options, ...view.state.facet(dfsqOptions) }));
  if (result === null) return null;
  return {
    pos: result.from,
    end: result.to,
    above: true,
    create: (v) => {
      const dom = v.dom.ownerDocument.createElement("div");
      dom.className = "cm-dfsq-hover";
      dom.append(...renderSegments(v.dom.ownerDocument, codeSegments(result.text)));
      return { dom };
    },
  };
}

/**
 * Hover tooltips from dfsq's `hover`: a field's type and operators on the endpoint, what an
 * operator or keyword means, the problem under the pointer. Text in a `.cm-dfsq-hover` div, code
 * in `code.cm-dfsq-code`.
 */
export function dfsqHover(options?: DfsqOptions, config: DfsqHoverConfig = {}): Extension {
  return [
    dfsqState(options),
    hoverTooltip((view, pos) => dfsqHoverTooltip(view, pos, {}, config), config.hoverTime === undefined ? {} : { hoverTime: config.hoverTime }),
    dfsqTheme,
  ];
}
