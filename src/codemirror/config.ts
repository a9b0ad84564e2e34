import { Compartment, Facet, StateField, type EditorState, type Extension, type StateEffect } from "@codemirror/state";
import { analyze, type Analysis, type AssistOptions } from "../assist/index.js";
import { catalogs } from "../catalogs.js";

/*
 * What every part of the CodeMirror support shares: the options (a facet, so that they can be
 * given once and changed by reconfiguring), and the latest analysis of the document (a state
 * field, so that highlighting, linting and the application read one `analyze` per change).
 */

/** The options of dfsq's CodeMirror support: what the text is and which endpoint it is for. */
export type DfsqOptions = AssistOptions;

function sameOptions(a: DfsqOptions, b: DfsqOptions): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (a[key as keyof DfsqOptions] !== b[key as keyof DfsqOptions]) return false;
  return true;
}

/**
 * The editor's dfsq options. Several values merge, later (higher-precedence) ones winning key by
 * key; none at all means a filter with no endpoint. `dfsq()` puts its options in a compartment
 * that `reconfigureDfsq` replaces.
 */
export const dfsqOptions = Facet.define<DfsqOptions, DfsqOptions>({
  combine: (values) => Object.assign({}, ...values) as DfsqOptions,
  compare: sameOptions,
});

/** The options as the core takes them. An editor completes field names, so the field catalogs come
 * with dfsq/codemirror (a browser bundle of the core alone leaves them out). */
export function withCatalogs(options: DfsqOptions): DfsqOptions {
  return options.catalogs === undefined ? { ...options, catalogs } : options;
}

/**
 * The analysis of the current document under the current options: tokens, diagnostics and, when
 * there are no errors, the compiled value. Recomputed once per document or options change; read
 * it with `dfsqAnalysis(state)`.
 */
export const dfsqAnalysisField: StateField<Analysis> = StateField.define<Analysis>({
  create: (state) => analyze(state.doc.toString(), withCatalogs(state.facet(dfsqOptions))),
  update(value, tr) {
    const options = tr.state.facet(dfsqOptions);
    if (!tr.docChanged && options === tr.startState.facet(dfsqOptions)) return value;
    return analyze(tr.state.doc.toString(), withCatalogs(options));
  },
});

/**
 * The latest analysis of `state`'s document, or undefined when the editor has no dfsq support.
 * Diagnostics with `option` set are about the options (an unknown endpoint, a parameter the
 * endpoint lacks), not the text: the linter leaves them out, so show them beside the editor.
 */
export function dfsqAnalysis(state: EditorState): Analysis | undefined {
  return state.field(dfsqAnalysisField, false);
}

/** The options in force in `state` (merged, as the parts read them). */
export function dfsqOptionsOf(state: EditorState): DfsqOptions {
  return state.facet(dfsqOptions);
}

/** The facet value and the analysis field: what each part needs, deduplicated by CodeMirror. */
export function dfsqState(options?: DfsqOptions): Extension {
  return options === undefined ? dfsqAnalysisField : [dfsqOptions.of(options), dfsqAnalysisField];
}

/** Holds the options given to `dfsq()`, one per editor state. */
export const dfsqConfiguration = new Compartment();

/**
 * An effect that replaces the options given to `dfsq()` (all of them: pass the whole object), for
 * example when the user picks another endpoint. The editor keeps its document, selection and
 * history; the analysis, highlighting and diagnostics follow in the same transaction.
 *
 *     view.dispatch({ effects: reconfigureDfsq({ endpoint: "backlinks/anchors", mode: "filter" }) })
 *
 * Only an editor set up with `dfsq()` holds the compartment; one composed from the parts can put
 * `dfsqOptions.of(options)` in a compartment of its own.
 */
export function reconfigureDfsq(options: DfsqOptions): StateEffect<unknown> {
  return dfsqConfiguration.reconfigure(dfsqOptions.of(options));
}
