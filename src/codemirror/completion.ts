import type { Completion, CompletionContext, CompletionResult, CompletionSource } from "@codemirror/autocomplete";
import { complete, type CompletionKind, type CompletionOption } from "../assist/index.js";
import { dfsqOptions, type DfsqOptions } from "./config.js";

/**
 * The CodeMirror completion type of each kind: it picks the icon (`cm-completionIcon-<type>`).
 * `operator` and `punctuation` have no icon in CodeMirror's theme; dfsq's base theme adds them.
 */
export const COMPLETION_TYPES: Readonly<Record<CompletionKind, string>> = {
  field: "property",
  namespace: "namespace",
  operator: "operator",
  keyword: "keyword",
  value: "constant",
  punctuation: "punctuation",
};

/** One dfsq option as a CodeMirror completion. */
export function toCompletion(option: CompletionOption): Completion {
  const completion: { -readonly [K in keyof Completion]: Completion[K] } = {
    label: option.label,
    type: COMPLETION_TYPES[option.kind],
  };
  if (option.detail !== undefined) completion.detail = option.detail;
  if (option.info !== undefined) completion.info = option.info;
  if (option.apply !== undefined) completion.apply = option.apply;
  if (option.boost !== undefined) completion.boost = option.boost;
  return completion;
}

/**
 * A completion source over dfsq's `complete`: fields of the endpoint's catalog, the operators
 * their types take, values, keywords. `options` are defaults under those of the editor's
 * `dfsqOptions` facet (set by `dfsq()`), so that `reconfigureDfsq` reaches this source too.
 *
 * Like CodeMirror's own sources, it stays quiet while nothing has been typed of the next word
 * (after a space), unless completion was asked for (Ctrl-Space) or a field path was just
 * continued with a dot.
 */
export function dfsqCompletion(options: DfsqOptions = {}): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const { state, pos, explicit } = context;
    const merged = { ...options, ...state.facet(dfsqOptions) };
    const result = complete(state.doc.toString(), pos, merged);
    if (result === null || result.options.length === 0) return null;
    if (!explicit && result.from === result.to && state.sliceDoc(pos - 1, pos) !== ".") return null;
    return { from: result.from, to: result.to, options: result.options.map(toCompletion) };
  };
}
