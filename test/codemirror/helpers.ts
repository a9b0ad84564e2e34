import { EditorSelection, EditorState, type Extension, type TransactionSpec } from "@codemirror/state";
import { keymap, type EditorView } from "@codemirror/view";

export const RD = { endpoint: "backlinks/referring_domains", now: "2024-06-15T00:00:00Z" } as const;

/** A state with `doc`, the cursor at its end (or at `|` if the text holds one). */
export function stateOf(doc: string, ...extensions: Extension[]): EditorState {
  const at = doc.indexOf("|");
  const text = at < 0 ? doc : doc.slice(0, at) + doc.slice(at + 1);
  return EditorState.create({ doc: text, selection: EditorSelection.cursor(at < 0 ? text.length : at), extensions });
}

/**
 * Just enough of an EditorView for the functions that read `view.state` and dispatch: the state
 * follows every dispatched transaction. No DOM (the e2e test covers the real view).
 */
export function fakeView(state: EditorState): EditorView & { state: EditorState } {
  const view = {
    state,
    dispatch(...specs: TransactionSpec[]) {
      view.state = view.state.update(...specs).state;
    },
    focus() {},
  };
  return view as unknown as EditorView & { state: EditorState };
}

/** Runs what `key` is bound to in the view's keymaps, highest precedence first, as CodeMirror would. */
export function press(view: EditorView & { state: EditorState }, key: string): boolean {
  for (const bindings of view.state.facet(keymap)) {
    for (const binding of bindings) if (binding.key === key && binding.run?.(view) === true) return true;
  }
  return false;
}
