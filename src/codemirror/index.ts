/*
 * dfsq/codemirror: dfsq in a CodeMirror 6 editor. Highlighting from dfsq's tokens, completion from
 * the endpoint's catalog, inline diagnostics and hover help, over the editor-neutral `dfsq/assist`
 * functions; and `queryBar`, the single-line search-box preset. The CodeMirror packages are peer
 * dependencies: this entry imports nothing else but dfsq itself. Everything public is named here.
 */
import {
  acceptCompletion,
  autocompletion,
  completionStatus,
  selectedCompletionIndex,
  setSelectedCompletion,
  startCompletion,
  type Completion,
} from "@codemirror/autocomplete";
import { EditorState, Prec, type Extension } from "@codemirror/state";
import { keymap, ViewPlugin, type Command, type ViewUpdate } from "@codemirror/view";
import { dfsqCompletion, dfsqValueCompletion, type ValuesHook } from "./completion.js";
import { dfsqAnalysisField, dfsqConfiguration, dfsqOptions, type DfsqOptions } from "./config.js";
import { dfsqHighlighting } from "./highlighting.js";
import { dfsqHover } from "./hover.js";
import { dfsqLinter } from "./lint.js";
import { queryBarKeys, type QueryBarSubmit } from "./query-bar.js";

export {
  COMPLETION_TYPES,
  dfsqCompletion,
  dfsqValueCompletion,
  toCompletion,
  type ValueSuggestion,
  type ValuesConfig,
  type ValuesHook,
} from "./completion.js";
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
export { memoryHistory, queryBarKeys, type QueryBarSubmit, type QueryHistory } from "./query-bar.js";
export { underlineRange } from "./range.js";
export { dfsqTheme } from "./theme.js";
export type { Analysis, AssistMode, CompletionKind, HighlightClass } from "../assist/index.js";

/** How `dfsq()` sets the editor up, beyond the options that `reconfigureDfsq` can change. */
export interface DfsqConfig {
  /** Milliseconds after a change before diagnostics show. Default 300. */
  readonly lintDelay?: number;
  /** Hover tooltips on fields, operators and keywords. Default true. */
  readonly hover?: boolean;
  /** Open the completion list when the empty editor gains focus. Default false; `queryBar` turns it on. */
  readonly openOnFocus?: boolean;
  /** Tab accepts the selected completion, or the first. Default true. */
  readonly tabAccepts?: boolean;
  /**
   * Values of your own for a field (from a previous response's items, say), offered after dfsq's:
   * asked after `valuesDelay` ms of quiet typing, cancelled when the user types on.
   */
  readonly values?: ValuesHook;
  /** Default 150. */
  readonly valuesDelay?: number;
}

/** Tab (while the list is open): accepts the selected option, or the first one if none is. */
export const acceptWithTab: Command = (view) => {
  if (completionStatus(view.state) !== "active") return false;
  if (selectedCompletionIndex(view.state) === null) view.dispatch({ effects: setSelectedCompletion(0) });
  return acceptCompletion(view);
};

/** Opens the completion list when the empty editor gains focus. */
const openOnFocus = ViewPlugin.fromClass(
  class {
    update(update: ViewUpdate): void {
      const view = update.view;
      if (!update.focusChanged || !view.hasFocus || view.state.doc.length > 0) return;
      // Not from inside an update: the view dispatches nothing while it updates.
      setTimeout(() => {
        if (view.hasFocus && view.state.doc.length === 0) startCompletion(view);
      }, 0);
    }
  },
);

/** After an operator, `and`/`or` or a path's dot is picked, the list opens again for what follows. */
const reopensAfter = (completion: Completion) => typeof completion.apply === "string" && /[ .]$/.test(completion.apply);

/**
 * Everything at once: highlighting, completion (through CodeMirror's `autocompletion`, which it
 * turns on; a `basicSetup` that has it already merges), the linter and hover tooltips, all over
 * one analysis per change. Completion opens as the user types; Tab accepts. Change the options
 * later with `view.dispatch({ effects: reconfigureDfsq(newOptions) })`.
 *
 *     new EditorView({ parent, extensions: [basicSetup, dfsq({ endpoint: "backlinks/referring_domains" })] })
 */
export function dfsq(options: DfsqOptions = {}, config: DfsqConfig = {}): Extension {
  const sources = [
    dfsqCompletion(),
    ...(config.values === undefined ? [] : [dfsqValueCompletion(config.values, config.valuesDelay === undefined ? {} : { delay: config.valuesDelay })]),
  ];
  return [
    dfsqConfiguration.of(dfsqOptions.of(options)),
    dfsqAnalysisField,
    dfsqHighlighting(),
    EditorState.languageData.of(() => sources.map((autocomplete) => ({ autocomplete }))),
    autocompletion({ activateOnCompletion: reopensAfter }),
    config.tabAccepts === false ? [] : Prec.highest(keymap.of([{ key: "Tab", run: acceptWithTab }])),
    config.openOnFocus === true ? openOnFocus : [],
    dfsqLinter(undefined, config.lintDelay === undefined ? {} : { delay: config.lintDelay }),
    config.hover === false ? [] : dfsqHover(undefined, { problems: false }),
  ];
}

/** `dfsq()`'s configuration and the query bar's own: what Enter does, the history, the placeholder. */
export interface QueryBarConfig extends DfsqConfig, QueryBarSubmit {}

/**
 * A single-line query bar, as in a search box: `dfsq()` with the completion list opening when the
 * empty bar is focused and no option selected until the user moves to one (so that Enter, unless
 * an option was picked with the arrows, submits: `onSubmit(compiled, text)` when the text
 * compiles, else the first error is selected); no newlines; Escape closes the list; up and down
 * recall submitted queries (`history`, kept by the application) while the list is closed; and a
 * placeholder that teaches the syntax with the endpoint's fields.
 *
 *     new EditorView({ parent, extensions: [queryBar({ endpoint }, { onSubmit: (filters) => run(filters), history })] })
 */
export function queryBar(options: DfsqOptions, config: QueryBarConfig): Extension {
  return [
    dfsq(options, { ...config, openOnFocus: config.openOnFocus ?? true }),
    autocompletion({ selectOnOpen: false }),
    queryBarKeys(config),
  ];
}
