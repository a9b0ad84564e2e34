import { checkParsed, checkParsedOrderBy, valueOrThrow, type CheckResult } from "../compile.js";
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import * as messages from "../diagnostics/messages.js";
import type { FilterArray, OrderByArray } from "../lower/filter-array.js";
import { LIMIT_CEILINGS, type CompileOptions } from "../options.js";
import { parseFilterTokens, parseOrderByTokens } from "../syntax/parse.js";
import { kindOf, readElements, readProperty } from "../values/guarded.js";
import { interpolate, templateText } from "./interpolate.js";

/** A tag for filters or order-bys, which can also be called with options to get a tag. */
export interface Tag<T> {
  (strings: TemplateStringsArray, ...values: unknown[]): T;
  (options: CompileOptions): (strings: TemplateStringsArray, ...values: unknown[]) => T;
  /** Like the tag, but returns `{ ok, value?, diagnostics }` instead of throwing. Diagnostics
   * refer to the template's text with `${0}`, `${1}`, … where the values were. */
  check(strings: TemplateStringsArray, ...values: unknown[]): CheckResult<T>;
}

/** The raw pieces of a template call, or undefined when `value` is not a template's strings. */
function rawPieces(value: unknown): readonly string[] | undefined {
  if (kindOf(value) !== "array") return undefined;
  const raw = readProperty(value as object, "raw");
  if (!raw.ok || kindOf(raw.value) !== "array") return undefined;
  const pieces = readElements(raw.value as object, LIMIT_CEILINGS.maxInputLength);
  return pieces.ok && pieces.items.length > 0 && pieces.items.every((p) => typeof p === "string") ? (pieces.items as string[]) : undefined;
}

type Run<T> = (raw: readonly string[], values: readonly unknown[], options: unknown) => CheckResult<T>;

/** `run` on a template call's pieces, or an `invalid_argument` result for anything else. */
function checked<T>(run: Run<T>, strings: unknown, values: readonly unknown[], options: unknown): CheckResult<T> {
  const raw = rawPieces(strings);
  if (raw !== undefined && values.length === raw.length - 1) return run(raw, values, options);
  const message = messages.templateTagCall();
  return { ok: false, diagnostics: [makeDiagnostic("", "invalid_argument", { start: 0, end: 0 }, message)] };
}

function makeTag<T>(run: Run<T>): Tag<T> {
  const apply = (options: unknown) => (strings: TemplateStringsArray, ...values: unknown[]): T =>
    valueOrThrow(checked(run, strings, values, options), options as CompileOptions);
  const tag = ((first: unknown, ...values: unknown[]) =>
    rawPieces(first) !== undefined ? apply({})(first as TemplateStringsArray, ...values) : apply(first)) as Tag<T>;
  tag.check = (strings, ...values) => checked(run, strings, values, {});
  return tag;
}

/**
 * Safe interpolation: ``filter`rank > ${minRank} and domain like ${pattern}` `` compiles like
 * `compileFilter`, and every `${}` is a value, never syntax: strings stay strings whatever they
 * hold, arrays become `in` lists, Dates become times, and a field name only enters through
 * `${field(name)}`. `filter(options)` gives a tag with compile options; throws `DfsqError`.
 */
export const filter: Tag<FilterArray> = makeTag((raw, values, options) => {
  const text = templateText(raw);
  return checkParsed(text, (bag, limits) => parseFilterTokens(interpolate(raw, values, bag), text.length, bag, limits), options);
});

/** The same for order-bys: ``orderBy`${field(sortField)} desc, rank` ``. */
export const orderBy: Tag<OrderByArray> = makeTag((raw, values, options) => {
  const text = templateText(raw);
  return checkParsedOrderBy(text, (bag, limits) => parseOrderByTokens(interpolate(raw, values, bag), text.length, bag, limits), options);
});
