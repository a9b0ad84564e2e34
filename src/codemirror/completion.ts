import type { Completion, CompletionContext, CompletionResult, CompletionSource } from "@codemirror/autocomplete";
import { complete, type CompletionKind, type CompletionOption, type CompletionResult as DfsqResult } from "../assist/index.js";
import { codeSegments } from "../diagnostics/segments.js";
import { quoteString } from "../values/strings.js";
import { dfsqOptions, withCatalogs, type DfsqOptions } from "./config.js";
import { renderSegments } from "./render.js";

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

/** The matched ranges of each completion, for `getMatch` (CodeMirror marks them in the list). */
const matched = new WeakMap<Completion, readonly number[]>();

/** An info text as DOM: its lines, with code as code. */
function infoNode(text: string): () => Node | null {
  return () => {
    const doc = globalThis.document as Document | undefined;
    if (doc === undefined) return null;
    const dom = doc.createElement("div");
    dom.className = "cm-dfsq-info";
    dom.append(...renderSegments(doc, codeSegments(text)));
    return dom;
  };
}

/** One dfsq option as a CodeMirror completion. The info renders its code as code. */
export function toCompletion(option: CompletionOption): Completion {
  const completion: { -readonly [K in keyof Completion]: Completion[K] } = {
    label: option.label,
    type: COMPLETION_TYPES[option.kind],
  };
  if (option.detail !== undefined) completion.detail = option.detail;
  if (option.info !== undefined) completion.info = infoNode(option.info);
  if (option.apply !== undefined) completion.apply = option.apply;
  if (option.boost !== undefined) completion.boost = option.boost;
  if (option.matches !== undefined) matched.set(completion, option.matches.flat());
  return completion;
}

const getMatch = (completion: Completion) => matched.get(completion) ?? [];

/** dfsq's result for CodeMirror: already matched and ordered by dfsq, so CodeMirror must not refilter. */
function toResult(result: DfsqResult, options: readonly Completion[]): CompletionResult {
  return { from: result.from, to: result.to, options, filter: false, getMatch };
}

/**
 * Whether a result should open the list unasked. dfsq's sources open it as the user types: at
 * every word or value being typed, after a space, an operator, `and`/`or`, `(` and `,` (wherever
 * something may follow), and after the dot of a path.
 */
function opensUnasked(context: CompletionContext, result: DfsqResult): boolean {
  if (result.from < result.to) return true;
  const before = context.state.sliceDoc(Math.max(0, context.pos - 1), context.pos);
  return before === "" || /[\s([,.=<>!~]/.test(before);
}

/**
 * A completion source over dfsq's `complete`: fields of the endpoint's catalog (matched by any
 * part of their path), the operators their types take, values (documented sets among them),
 * keywords, best first. `options` are defaults under those of the editor's `dfsqOptions` facet
 * (set by `dfsq()`), so that `reconfigureDfsq` reaches this source too.
 */
export function dfsqCompletion(options: DfsqOptions = {}): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const { state, pos, explicit } = context;
    const merged = withCatalogs({ ...options, ...state.facet(dfsqOptions) });
    const result = complete(state.doc.toString(), pos, merged);
    if (result === null || result.options.length === 0) return null;
    if (!explicit && !opensUnasked(context, result)) return null;
    return toResult(result, result.options.map(toCompletion));
  };
}

/** A value an application offers: a string, number or boolean, with an optional note. */
export type ValueSuggestion = string | number | boolean | { readonly value: string | number | boolean; readonly detail?: string };

/**
 * An application's own values for a field, such as those in a previous response's items. `prefix`
 * is what was typed of the value (without its opening quote). `signal` aborts when the user has
 * typed on; an aborted call's result is ignored.
 */
export type ValuesHook = (
  field: string,
  prefix: string,
  context: { readonly signal: AbortSignal; readonly type?: string | undefined },
) => Promise<readonly ValueSuggestion[]> | readonly ValueSuggestion[];

export interface ValuesConfig {
  /** Milliseconds of quiet typing before the hook is asked. Default 150. */
  readonly delay?: number;
  /** At most this many values are shown. Default 50. */
  readonly limit?: number;
}

const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/**
 * A suggestion as the text that inserts it, as the field's type wants it: quoted for text, bare for
 * numbers and booleans; undefined where it cannot be a value of the field (`"LOW"` for a number).
 */
function valueText(value: string | number | boolean, type: string | undefined): string | undefined {
  const text = String(value);
  switch (type) {
    case "num":
    case "array.num":
      return NUMBER.test(text) ? text : undefined;
    case "bool":
      return text === "true" || text === "false" ? text : undefined;
    case "str":
    case "array.str":
      return quoteString(text);
    default:
      return typeof value === "string" ? quoteString(value) : text;
  }
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((done) => {
    if (signal.aborted) return done();
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      done();
    });
  });

/**
 * A completion source for an application's own values (`hook`), where dfsq says a value of a known
 * field is expected: asked after `delay` ms of quiet, cancelled (its signal aborted) as soon as the
 * user types on. Of what it returns, the values that contain what was typed and fit the field's
 * type are offered, written as the type wants them, after dfsq's own and without repeating them.
 */
export function dfsqValueCompletion(hook: ValuesHook, config: ValuesConfig = {}, options: DfsqOptions = {}): CompletionSource {
  const delay = config.delay ?? 150;
  const limit = config.limit ?? 50;
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const { state, pos, explicit } = context;
    const result = complete(state.doc.toString(), pos, withCatalogs({ ...options, ...state.facet(dfsqOptions) }));
    const value = result?.value;
    if (result === null || value === undefined || (!explicit && !opensUnasked(context, result))) return null;
    const controller = new AbortController();
    context.addEventListener("abort", () => controller.abort(), { onDocChange: true });
    await sleep(delay, controller.signal);
    if (controller.signal.aborted) return null;
    let values: readonly ValueSuggestion[];
    try {
      values = await hook(value.field, value.prefix, { signal: controller.signal, type: value.type });
    } catch {
      // The application's data failed: dfsq's own options still stand.
      return null;
    }
    if (controller.signal.aborted || values.length === 0) return null;
    const own = new Set(result.options.map((o) => o.apply ?? o.label));
    const typed = value.prefix.toLowerCase();
    const offered: Completion[] = [];
    for (const v of values) {
      const raw = typeof v === "object" ? v.value : v;
      const text = valueText(raw, value.type);
      const at = String(raw).toLowerCase().indexOf(typed);
      if (text === undefined || at < 0 || own.has(text) || offered.some((o) => o.label === text)) continue;
      const completion: Completion = { label: text, type: "constant", detail: typeof v === "object" && v.detail !== undefined ? v.detail : "from your data" };
      const offset = text.startsWith('"') ? 1 : 0;
      if (typed !== "") matched.set(completion, [at + offset, at + offset + typed.length]);
      offered.push(completion);
      if (offered.length >= limit) break;
    }
    return offered.length === 0 ? null : { from: result.from, to: result.to, options: offered, filter: false, getMatch };
  };
}
