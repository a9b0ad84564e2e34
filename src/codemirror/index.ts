/*
 * dfsq/codemirror: dfsq in a CodeMirror 6 editor. Highlighting from dfsq's tokens, completion from
 * the endpoint's catalog, inline diagnostics and hover help, over the editor-neutral `dfsq/assist`
 * functions. The CodeMirror packages are peer dependencies: this entry imports nothing else but
 * dfsq itself. Everything public is named here.
 */
import { autocompletion } from "@codemirror/autocomplete";
import { EditorState, type Extension } from "@codemirror/state";
import { dfsqCompletion } from "./completion.js";
import { dfsqAnalysisField, dfsqConfiguration, dfsqOptions, type DfsqOptions } from "./config.js";
import { dfsqHighlighting } from "./highlighting.js";
import { dfsqHover } from "./hover.js";
import { dfsqLinter } from "./lint.js";

export { COMPLETION_TYPES, dfsqCompletion, toCompletion } from "./completion.js";
export {
  dfsqAnalysis,
  dfsqAnalysisField,
  dfsqConfiguration,
  dfsqOptions,
  dfsqOptionsOf,
  reconfigureDfsq,
  type DfsqOptions,
} from "./config.js";
export { dfsqHighlighting, highlightClassName, highlightDecorations } from "./highlighting.js";
export { dfsqHover, dfsqHoverTooltip, type DfsqHoverConfig } from "./hover.js";
export { applyQuickFix, dfsqLinter, dfsqQuickFixKeymap, lintDiagnostics, type DfsqLintConfig } from "./lint.js";
export { underlineRange } from "./range.js";
export { dfsqTheme } from "./theme.js";
export type { Analysis, AssistMode, CompletionKind, HighlightClass } from "../assist/index.js";

/** How `dfsq()` sets the editor up, beyond the options that `reconfigureDfsq` can change. */
export interface DfsqConfig {
  /** Milliseconds after a change before diagnostics show. Default 300. */
  readonly lintDelay?: number;
  /** Hover tooltips on fields, operators and keywords. Default true. */
  readonly hover?: boolean;
}

/**
 * Everything at once: highlighting, completion (through CodeMirror's `autocompletion`, which it
 * turns on; a `basicSetup` that has it already merges), the linter and hover tooltips, all over
 * one analysis per change. Change the options later with
 * `view.dispatch({ effects: reconfigureDfsq(newOptions) })`.
 *
 *     new EditorView({ parent, extensions: [basicSetup, dfsq({ endpoint: "backlinks/referring_domains" })] })
 */
export function dfsq(options: DfsqOptions = {}, config: DfsqConfig = {}): Extension {
  const completionSource = dfsqCompletion();
  return [
    dfsqConfiguration.of(dfsqOptions.of(options)),
    dfsqAnalysisField,
    dfsqHighlighting(),
    EditorState.languageData.of(() => [{ autocomplete: completionSource }]),
    autocompletion(),
    dfsqLinter(undefined, config.lintDelay === undefined ? {} : { delay: config.lintDelay }),
    config.hover === false ? [] : dfsqHover(undefined, { problems: false }),
  ];
}
