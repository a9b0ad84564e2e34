import { closeCompletion, currentCompletions } from "@codemirror/autocomplete";
import { EditorSelection, EditorState, Prec, StateEffect, StateField, type Extension, type Text } from "@codemirror/state";
import { Decoration, EditorView, keymap, ViewPlugin, WidgetType, type Command, type DecorationSet, type ViewUpdate } from "@codemirror/view";
import { exampleExpression } from "../assist/index.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { FilterArray, OrderByArray } from "../lower/filter-array.js";
import { dfsqAnalysis, dfsqOptions, withCatalogs, type DfsqOptions } from "./config.js";
import { underlineRange } from "./range.js";

/*
 * The search-box use: one line, Enter submits what compiles, up and down recall earlier queries,
 * and a placeholder teaches the syntax with the endpoint's own fields.
 */

/** Submitted queries, kept by the application (in memory, localStorage, a server). */
export interface QueryHistory {
  /** The queries, oldest first. */
  load(): readonly string[];
  /** Called after each submit with the new list. */
  save(entries: readonly string[]): void;
}

/** A history kept in memory, at most `max` entries: for tests, and as a model for your own. */
export function memoryHistory(initial: readonly string[] = [], max = 50): QueryHistory & { readonly entries: readonly string[] } {
  let entries = initial.slice(-max);
  return {
    get entries() {
      return entries;
    },
    load: () => entries,
    save: (next) => {
      entries = next.slice(-max);
    },
  };
}

export interface QueryBarSubmit {
  /**
   * Enter on text that compiles: the compiled array (undefined for blank text: the parameter is
   * left out) and the text. Not called while there are errors.
   */
  readonly onSubmit: (compiled: FilterArray | OrderByArray | undefined, text: string) => void;
  /** Enter on text with errors, after the first error is selected. */
  readonly onInvalid?: (diagnostics: readonly Diagnostic[], text: string) => void;
  readonly history?: QueryHistory;
  /** At most this many entries are kept. Default 50. */
  readonly historySize?: number;
  /** The text shown in the empty editor; default `exampleExpression` of the options in force. */
  readonly placeholder?: string;
}

const LINE_BREAK = /\r\n?|\n|\u2028|\u2029/g;

/** Newlines typed or pasted become spaces: the query stays on one line. */
const oneLine = EditorState.transactionFilter.of((tr) => {
  if (!tr.docChanged || tr.newDoc.lines === 1) return tr;
  const changes: { from: number; to: number; insert: string }[] = [];
  const text = tr.newDoc.toString();
  for (const m of text.matchAll(LINE_BREAK)) changes.push({ from: m.index, to: m.index + m[0].length, insert: " " });
  return [tr, { changes, sequential: true }];
});

/** Where the history is: browsing entry `index` (of the list as loaded), with the draft typed before. */
interface Browsing {
  readonly index: number;
  readonly draft: string;
}

const browse = StateEffect.define<Browsing | null>();

const browsing = StateField.define<Browsing | null>({
  create: () => null,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(browse)) return e.value;
    // Typing over a recalled query makes it a new draft.
    return tr.docChanged ? null : value;
  },
});

function replaceAll(doc: Text, text: string) {
  return { changes: { from: 0, to: doc.length, insert: text }, selection: EditorSelection.cursor(text.length), scrollIntoView: true };
}

/** Up (`step` -1) or down (+1) through the history, while the completion list is closed. */
function recall(history: QueryHistory, step: -1 | 1): Command {
  return (view) => {
    if (currentCompletions(view.state).length > 0) return false;
    const entries = history.load();
    if (entries.length === 0) return false;
    const now = view.state.field(browsing);
    const index = (now?.index ?? entries.length) + step;
    if (index < 0 || index > entries.length || (now === null && step > 0)) return false;
    const draft = now?.draft ?? view.state.doc.toString();
    const text = index === entries.length ? draft : entries[index]!;
    view.dispatch({ ...replaceAll(view.state.doc, text), effects: browse.of(index === entries.length ? null : { index, draft }) });
    return true;
  };
}

/** Enter: the compiled value to `onSubmit`, else the first error selected. */
function submit(config: QueryBarSubmit): Command {
  return (view) => {
    const analysis = dfsqAnalysis(view.state);
    if (analysis === undefined) return false;
    closeCompletion(view);
    const text = view.state.doc.toString();
    const blank = text.trim() === "";
    // A problem with the options (an unknown endpoint) is the application's to show; so is a blank query.
    const errors = blank ? [] : analysis.diagnostics.filter((d) => d.severity === "error" && d.option === undefined);
    const first = errors[0];
    if (first !== undefined) {
      const { from, to } = underlineRange(view.state.doc, first.span.start, first.span.end);
      view.dispatch({ selection: EditorSelection.range(from, to), scrollIntoView: true });
      view.focus();
      config.onInvalid?.(errors, text);
      return true;
    }
    if (!blank && analysis.value === undefined) {
      config.onInvalid?.(analysis.diagnostics.filter((d) => d.severity === "error"), text);
      return true;
    }
    if (config.history !== undefined && !blank) {
      const entries = config.history.load().filter((e) => e !== text);
      config.history.save([...entries, text].slice(-(config.historySize ?? 50)));
    }
    view.dispatch({ effects: browse.of(null) });
    config.onSubmit(blank ? undefined : analysis.value, text);
    return true;
  };
}

class PlaceholderWidget extends WidgetType {
  constructor(readonly text: string) {
    super();
  }
  override eq(other: PlaceholderWidget): boolean {
    return other.text === this.text;
  }
  toDOM(view: EditorView): HTMLElement {
    const span = view.dom.ownerDocument.createElement("span");
    span.className = "cm-placeholder";
    span.setAttribute("aria-hidden", "true");
    span.textContent = this.text;
    return span;
  }
  override ignoreEvent(): boolean {
    return false;
  }
}

/** The placeholder text in force: the given one, else an example of the current options. */
function placeholderOf(state: EditorState, fixed: string | undefined): string {
  return fixed ?? exampleExpression(withCatalogs(state.facet(dfsqOptions)));
}

/** A placeholder that follows the options (`reconfigureDfsq`), unlike CodeMirror's fixed one. */
function teachingPlaceholder(fixed: string | undefined): Extension {
  const plugin = ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = this.make(view.state);
      }
      update(update: ViewUpdate): void {
        if (update.docChanged || update.state.facet(dfsqOptions) !== update.startState.facet(dfsqOptions)) this.decorations = this.make(update.state);
      }
      make(state: EditorState): DecorationSet {
        if (state.doc.length > 0) return Decoration.none;
        return Decoration.set([Decoration.widget({ widget: new PlaceholderWidget(placeholderOf(state, fixed)), side: 1 }).range(0)]);
      }
    },
    { decorations: (p) => p.decorations },
  );
  return [plugin, EditorView.contentAttributes.compute([dfsqOptions], (state) => ({ "aria-placeholder": placeholderOf(state, fixed) }))];
}

/**
 * The query-bar behaviour without dfsq's own parts (`queryBar` adds those): one line, Enter
 * submits, up/down recall the history while the completion list is closed, the placeholder.
 * `options` only name what the placeholder teaches where `dfsq()` has not set them.
 */
export function queryBarKeys(config: QueryBarSubmit, options?: DfsqOptions): Extension {
  const history = config.history;
  return [
    options === undefined ? [] : dfsqOptions.of(options),
    oneLine,
    browsing,
    teachingPlaceholder(config.placeholder),
    EditorView.contentAttributes.of({ "aria-multiline": "false" }),
    Prec.high(
      keymap.of([
        { key: "Enter", run: submit(config) },
        ...(history === undefined ? [] : [
          { key: "ArrowUp", run: recall(history, -1) },
          { key: "ArrowDown", run: recall(history, 1) },
        ]),
      ]),
    ),
  ];
}
