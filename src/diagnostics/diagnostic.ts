import { DIAGNOSTIC_SEVERITY, type DiagnosticCode, type Severity, type VariableSeverityCode } from "./codes.js";
import type { DateProblem } from "../values/time.js";
import * as messages from "./messages.js";

/** Half-open range of UTF-16 offsets into the source: `source.slice(start, end)`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A path into a JSON value, e.g. `[2, 0]` for the first element of the third element. */
export type JsonPath = readonly (string | number)[];

/**
 * Where a node came from in a JSON value, as a list linked from the leaf up. Children share their
 * parent's links, so 10,000 nested groups cost 10,000 links instead of 50 million path slots;
 * `toJsonPath` spells one out when a diagnostic needs it.
 */
export interface JsonLocation {
  readonly parent: JsonLocation | undefined;
  readonly key: string | number;
}

/** The JSON value itself (the empty path). */
export const JSON_ROOT: JsonLocation = Object.freeze({ parent: undefined, key: "" });

export function childLocation(parent: JsonLocation, key: string | number): JsonLocation {
  return { parent, key };
}

export function toJsonPath(location: JsonLocation | undefined): JsonPath {
  const keys: (string | number)[] = [];
  for (let l = location; l !== undefined && l !== JSON_ROOT; l = l.parent) keys.push(l.key);
  return keys.toReversed();
}

/** Replace `span` of the source with `insert`. */
export interface TextEdit {
  readonly span: Span;
  readonly insert: string;
}

/**
 * A quick fix: edits that, applied together to the source, resolve the diagnostic. `title` says
 * what it does ("quote it", "write `\\b`"); editors show it, the CLI prints it under the hint.
 * Only diagnostics about source text carry fixes (a JSON path names no text to edit).
 */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/** What every diagnostic has. */
interface DiagnosticBase<C extends DiagnosticCode> {
  readonly code: C;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly line: number;
  readonly column: number;
  readonly hint?: string;
  /** "Did you mean" candidates, best first, for editors that offer quick fixes. */
  readonly suggestions?: readonly string[];
  /** Quick fixes, best first; where absent, editors may offer `suggestions` as replacements of `span`. */
  readonly fixes?: readonly Fix[];
  readonly path?: JsonPath;
  /** Set when the problem is in an option (`endpoint`, `param`, `catalog`), not in the source. */
  readonly option?: string;
}

/**
 * What a diagnostic of some codes carries besides its wording: the facts a tool acts on without
 * reading the message. Each code here is reported with its payload (the reporting functions
 * require it), and a `Diagnostic` narrowed on its `code` has the fields.
 */
export interface DiagnosticData {
  /** A value of the wrong kind. `expected`: the field's type (`num`, `str`, `bool`, `time`,
   * `array.str`, …) or what the operator takes whatever the field (`pattern`: a string;
   * `orderable`: a number, time or string; `element`: one scalar; `scalar`: a list item).
   * `found`: the kind written (`number`, `string`, `boolean`, `null`, `time`, `list`, `field`), or
   * for a field compared with a field, the other field's type. */
  readonly type_mismatch: { readonly expected: string; readonly found: string };
  /** `field`: the path as written; the close names are in `suggestions`. */
  readonly unknown_field: { readonly field: string };
  /** `operator`: as sent (after `not` is pushed in); `fieldType`: the field's type. */
  readonly operator_not_allowed: { readonly operator: string; readonly field: string; readonly fieldType: string };
  /** `count` conditions after lowering and rewriting, `max` allowed. */
  readonly too_many_conditions: { readonly count: number; readonly max: number };
  /** `count` sort rules, `max` allowed. */
  readonly too_many_sort_rules: { readonly count: number; readonly max: number };
  /** `max`: the limit in force (characters of text; for raw arrays, elements in all). `length`:
   * the text's length; absent for arrays, whose reading stops at the limit. */
  readonly input_too_long: { readonly max: number; readonly length?: number };
  /** `max`: the deepest nesting allowed (groups and `not`s). */
  readonly nesting_too_deep: { readonly max: number };
  /** `length` values in the list, `max` allowed. */
  readonly list_too_long: { readonly length: number; readonly max: number };
  /** `length` characters in the pattern, `max` allowed. */
  readonly regex_too_long: { readonly length: number; readonly max: number };
  readonly like_too_long: { readonly length: number; readonly max: number };
  /** `size`: RE2's estimate of the compiled pattern, in instructions; `max`: dfsq's cap. */
  readonly regex_too_complex: { readonly size: number; readonly max: number };
  /** `reason`: RE2's, as `this pattern is not valid RE2: …` quotes it. */
  readonly invalid_regex: { readonly reason: string };
  /** `written`: the spelling used (`&&`, `==`, `!=`); `operator`: dfsq's own (`and`, `=`, `<>`). */
  readonly operator_alias: { readonly written: string; readonly operator: string };
  /** The field whose conditions cannot all hold. */
  readonly contradiction: { readonly field: string };
  /** `from` conditions written, `to` sent. */
  readonly filter_rewritten: { readonly from: number; readonly to: number };
  /** The sort field, as written. */
  readonly duplicate_sort_field: { readonly field: string };
  readonly field_not_sortable: { readonly field: string };
  /** `operator` as sent, the `field`, and `reason`: what DataForSEO's docs say of it, in words. */
  readonly operator_conflict: { readonly operator: string; readonly field: string; readonly reason: string };
  readonly operator_unverified: { readonly operator: string; readonly field: string; readonly reason: string };
  /** A bare field (`dofollow` alone, meaning `= true`) whose type is `fieldType`, not `bool`. */
  readonly bare_field_not_bool: { readonly field: string; readonly fieldType: string };
  /** The parameter the endpoint (the `endpoint` option) does not take: `order_by` or a filter parameter. */
  readonly unsupported_parameter: { readonly param: string };
  /** The text between the quotes, which looks like a number, a boolean or a date. */
  readonly quoted_number: { readonly text: string };
  readonly quoted_boolean: { readonly text: string };
  readonly quoted_time: { readonly text: string };
  /** `text` as written, `value` the number it would be sent as. */
  readonly imprecise_number: { readonly text: string; readonly value: number };
  /** The `like` pattern, which has no `%`. */
  readonly like_without_wildcard: { readonly pattern: string };
  /** The endpoint as given; absent when what was given is not a string. Close ids are in `suggestions`. */
  readonly unknown_endpoint: { readonly endpoint?: string };
  /** The endpoint named without the catalogs loaded; absent for a listing of all endpoints. */
  readonly catalogs_not_loaded: { readonly endpoint?: string };
  /** The endpoint and filter parameter whose fields no catalog describes (so they go unchecked). */
  readonly no_catalog: { readonly endpoint: string; readonly param: string };
  /** `total` conditions over a task's filter parameters, `max` per request as the help centre says. */
  readonly request_conditions: { readonly total: number; readonly max: number };
  /** How many diagnostics past the cap this one stands for. */
  readonly too_many_diagnostics: { readonly more: number };
  /** What is wrong with the date: a part of it (`DateProblem`: `format`, `month`, `day`, `time`,
   * `offset`, `trailing`), or `not_iso` (31/01/2024), `range` (outside the years 0000–9999),
   * `now` (`options.now` is not an instant). */
  readonly invalid_date: { readonly problem: DateProblem | { readonly kind: "not_iso" | "range" | "now" } };
  /** The field referred to (`$item->field`, or a bare name right of a comparison). */
  readonly field_reference: { readonly field: string };
  /** What was pasted: a DataForSEO `filter` array, an `orderBy` array, or a JSON `object` (a task). */
  readonly json_as_text: { readonly what: "filter" | "orderBy" | "object" };
}

type DataOf<C extends DiagnosticCode> = C extends keyof DiagnosticData ? DiagnosticData[C] : Record<never, never>;

/**
 * One problem found in the input: a union discriminated on `code`, so that `d.code ===
 * "type_mismatch"` gives `d.expected` and `d.found` (see `DiagnosticData`). `line` and `column`
 * are 1-based and derived from `span` when the diagnostic is made; diagnostics about raw JSON
 * arrays carry a `path` and a zero span instead.
 */
export type Diagnostic = { [C in DiagnosticCode]: DiagnosticBase<C> & DataOf<C> }[DiagnosticCode];

export interface DiagnosticExtras {
  readonly hint?: string | undefined;
  readonly suggestions?: readonly string[] | undefined;
  readonly fixes?: readonly Fix[] | undefined;
  readonly severity?: Severity | undefined;
  readonly path?: JsonPath | undefined;
  readonly option?: string | undefined;
}

/** A `severity` other than the code's default, only for the codes that may vary (`SEVERITY_OVERRIDES`). */
type SeverityFor<C extends DiagnosticCode> = C extends VariableSeverityCode ? unknown : { readonly severity?: undefined };

/** The extras a code is reported with: its payload where it has one (`DiagnosticData`), required;
 * a severity only where the code's may vary. */
export type ExtrasFor<C extends DiagnosticCode> = C extends keyof DiagnosticData
  ? [extras: DiagnosticExtras & SeverityFor<C> & { readonly data: DiagnosticData[C] }]
  : [extras?: DiagnosticExtras & SeverityFor<C>];

/** 1-based line and column (in UTF-16 code units) of `offset` in `source`. */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, source.length);
  for (let i = 0; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function makeDiagnostic<C extends DiagnosticCode>(source: string, code: C, span: Span, message: string, ...[extras]: ExtrasFor<C>): Diagnostic {
  return withPosition(code, span, message, extras ?? {}, lineColumn(source, span.start));
}

function withPosition(
  code: DiagnosticCode,
  span: Span,
  message: string,
  extras: DiagnosticExtras & { readonly data?: object },
  { line, column }: { line: number; column: number },
): Diagnostic {
  const diagnostic: {
    -readonly [K in keyof DiagnosticBase<DiagnosticCode>]: DiagnosticBase<DiagnosticCode>[K];
  } = {
    code,
    severity: extras.severity ?? DIAGNOSTIC_SEVERITY[code],
    message,
    span,
    line,
    column,
  };
  if (extras.hint !== undefined) diagnostic.hint = extras.hint;
  if (extras.suggestions !== undefined && extras.suggestions.length > 0) {
    diagnostic.suggestions = extras.suggestions;
  }
  if (extras.fixes !== undefined && extras.fixes.length > 0) diagnostic.fixes = extras.fixes;
  if (extras.path !== undefined) diagnostic.path = extras.path;
  if (extras.option !== undefined) diagnostic.option = extras.option;
  // The payload's fields, where the code has one (the reporting functions' types require it).
  return (extras.data === undefined ? diagnostic : Object.assign(diagnostic, extras.data)) as Diagnostic;
}

/**
 * Diagnostics kept per input. Past this many, more are counted but not made (so hostile input
 * such as 8,000 stray characters costs no more than 100 diagnostics), and `sorted()` ends with one
 * `too_many_diagnostics` saying how many were left out, as graphql-js's `maxErrors` does.
 */
export const MAX_DIAGNOSTICS = 100;

/**
 * Collects the diagnostics of one run over one source. Phases push into it and never throw, so a
 * run reports every problem it can find (up to MAX_DIAGNOSTICS), not only the first.
 */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  #errors = 0;
  #dropped = 0;
  #droppedErrors = 0;
  /** Offsets where each line of the source starts, made on first use: line and column of every
   * diagnostic by binary search instead of a scan from the start. */
  #lineStarts: number[] | undefined;

  constructor(readonly source: string) {}

  report<C extends DiagnosticCode>(code: C, span: Span, message: string, ...[given]: ExtrasFor<C>): void {
    const extras: DiagnosticExtras = given ?? {};
    const error = (extras.severity ?? DIAGNOSTIC_SEVERITY[code]) === "error";
    if (error) this.#errors++;
    if (this.items.length >= MAX_DIAGNOSTICS) {
      this.#dropped++;
      if (error) this.#droppedErrors++;
      return;
    }
    this.items.push(withPosition(code, span, message, extras, this.#position(span.start)));
  }

  /** Reports at an AST node: its span, and its JSON path when it was read from arrays. */
  reportAt<C extends DiagnosticCode>(
    code: C,
    node: { readonly span: Span; readonly at?: JsonLocation | undefined },
    message: string,
    ...[extras]: ExtrasFor<C>
  ): void {
    const withPath = node.at === undefined ? extras : { ...extras, path: toJsonPath(node.at) };
    (this.report as (code: C, span: Span, message: string, extras?: DiagnosticExtras) => void)(code, node.span, message, withPath);
  }

  add(diagnostic: Diagnostic): void {
    const error = diagnostic.severity === "error";
    if (error) this.#errors++;
    if (this.items.length >= MAX_DIAGNOSTICS) {
      this.#dropped++;
      if (error) this.#droppedErrors++;
      return;
    }
    this.items.push(diagnostic);
  }

  /** Errors reported, including those past the cap. */
  get errorCount(): number {
    return this.#errors;
  }

  /** Diagnostics in source order (stable for equal offsets), then the one that stands for those
   * left out past the cap, at the end of the source. */
  sorted(): Diagnostic[] {
    // toSorted is stable, so diagnostics at one offset keep the order they were reported in.
    const out = this.items.length < 2 ? this.items.slice() : this.items.toSorted((a, b) => a.span.start - b.span.start);
    if (this.#dropped > 0) {
      const end = { start: this.source.length, end: this.source.length };
      out.push(
        withPosition("too_many_diagnostics", end, messages.tooManyDiagnostics(this.#dropped), {
          data: { more: this.#dropped },
          severity: this.#droppedErrors > 0 ? "error" : "warning",
          // About a JSON value (whose diagnostics carry paths), it is about the whole value.
          ...(this.items.some((d) => d.path !== undefined) ? { path: [] } : {}),
        }, this.#position(end.start)),
      );
    }
    return out;
  }

  #position(offset: number): { line: number; column: number } {
    const starts = (this.#lineStarts ??= lineStarts(this.source));
    const end = Math.min(offset, this.source.length);
    // The last line start at or before `end`; a line start right after a lone "\r" of a "\r\n"
    // pair does not exist (lineStarts skips it), so both agree with lineColumn.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= end) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}

/** The offset of each line's first character: after "\n", "\r\n" or a lone "\r". */
function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
