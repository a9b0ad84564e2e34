import type { FieldType } from "../catalog/endpoints.js";
import type { CatalogOptions } from "../catalog/resolve.js";
import type { CompileOptions } from "../options.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { FilterArray, OrderByArray } from "../lower/filter-array.js";
import type { Expr, OrderByNode } from "../syntax/ast.js";

/*
 * The editor-neutral shapes of dfsq's editor support: plain data that maps onto CodeMirror
 * (`{from, to, options}` completion results, highlight ranges, lint diagnostics) and Monaco alike.
 * Offsets are UTF-16 code units into the source, as both editors count them.
 */

export type AssistMode = "filter" | "orderBy";

export interface AssistOptions extends CatalogOptions, Pick<CompileOptions, "maxConditions" | "maxSortRules" | "maxInputLength" | "maxDepth" | "maxListLength"> {
  /** What the text is: a filter (default) or an order-by. */
  readonly mode?: AssistMode;
  /** The clock for `now`/`today`, and for the dates completion offers. */
  readonly now?: Date | number | string;
}

export type HighlightClass = "field" | "operator" | "keyword" | "string" | "number" | "time" | "punctuation" | "error";

export interface HighlightToken {
  readonly from: number;
  readonly to: number;
  readonly class: HighlightClass;
}

/** Everything a UI needs after each keystroke, in one pass. */
export interface Analysis {
  readonly mode: AssistMode;
  /** Every token, in order, with its highlight class; unmatched characters are `error`. */
  readonly tokens: readonly HighlightToken[];
  /** The AST, partial where the parser recovered; absent when the input was refused (too long, too deep). */
  readonly ast?: Expr | OrderByNode;
  readonly diagnostics: readonly Diagnostic[];
  /** The compiled value, present exactly when there are no errors. */
  readonly value?: FilterArray | OrderByArray;
}

export type CompletionKind = "field" | "operator" | "keyword" | "value" | "punctuation" | "namespace";

export interface CompletionOption {
  /** The text shown, and inserted unless `apply` says otherwise. */
  readonly label: string;
  readonly kind: CompletionKind;
  /** A short note shown beside the label: a field's type, an operator's meaning. */
  readonly detail?: string;
  /** A longer explanation, for a tooltip: a few lines, code in backquotes (as in Markdown). */
  readonly info?: string;
  /** The text to insert instead of `label`. */
  readonly apply?: string;
  /** How the option ranked before matching: higher first (CodeMirror's boost, -99 to 99). The
   * options of a result are already in their final order. */
  readonly boost?: number;
  /** The parts of `label` that matched what was typed, as `[from, to)` offsets, for highlighting. */
  readonly matches?: readonly (readonly [number, number])[];
}

/**
 * Where the cursor stands at a value of a known field (`rank = |`, `domain in ("a", "ex|`): what
 * an application may complete from its own data (CodeMirror: the `values` hook).
 */
export interface ValuePosition {
  /** The field, as it will be sent (`keyword_data.keyword_info.competition_level`). */
  readonly field: string;
  /** Its catalog type, where the endpoint's catalog knows the field. */
  readonly type?: FieldType;
  /** The value typed so far, without its opening quote. */
  readonly prefix: string;
}

/**
 * Replace `[from, to)` with one of `options`, which come best first: matched by what was typed
 * (`volume` matches `keyword_data.keyword_info.search_volume`), then by rank, then shortest.
 */
export interface CompletionResult {
  readonly from: number;
  readonly to: number;
  readonly options: readonly CompletionOption[];
  /** Set at a value of a known field; `options` may then be empty. */
  readonly value?: ValuePosition;
}

export interface HoverResult {
  readonly from: number;
  readonly to: number;
  /** A line or a few; code in backquotes (as in Markdown). */
  readonly text: string;
}
