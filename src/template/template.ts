import { checkParsed, checkParsedOrderBy, valueOrThrow, type CheckResult } from "../compile.js";
import type { FilterArray, OrderByArray } from "../lower/filter-array.js";
import type { CompileOptions } from "../options.js";
import { parseFilterTokens, parseOrderByTokens } from "../syntax/parse.js";
import { interpolate, templateText } from "./interpolate.js";

/** A tag for filters or order-bys, which can also be called with options to get a tag. */
export interface Tag<T> {
  (strings: TemplateStringsArray, ...values: unknown[]): T;
  (options: CompileOptions): (strings: TemplateStringsArray, ...values: unknown[]) => T;
  /** Like the tag, but returns `{ ok, value?, diagnostics }` instead of throwing. Diagnostics
   * refer to the template's text with `${0}`, `${1}`, … where the values were. */
  check(strings: TemplateStringsArray, ...values: unknown[]): CheckResult<T>;
}

const isTemplate = (value: unknown): value is TemplateStringsArray => Array.isArray(value) && "raw" in value;

function makeTag<T>(run: (strings: TemplateStringsArray, values: unknown[], options: CompileOptions) => CheckResult<T>): Tag<T> {
  const apply = (options: CompileOptions) => (strings: TemplateStringsArray, ...values: unknown[]): T => {
    return valueOrThrow(run(strings, values, options), options);
  };
  const tag = ((first: TemplateStringsArray | CompileOptions, ...values: unknown[]) =>
    isTemplate(first) ? apply({})(first, ...values) : apply(first)) as Tag<T>;
  tag.check = (strings, ...values) => run(strings, values, {});
  return tag;
}

/**
 * Safe interpolation: ``filter`rank > ${minRank} and domain like ${pattern}` `` compiles like
 * `compileFilter`, and every `${}` is a value, never syntax: strings stay strings whatever they
 * hold, arrays become `in` lists, Dates become times, and a field name only enters through
 * `${field(name)}`. `filter(options)` gives a tag with compile options; throws `DfsqError`.
 */
export const filter: Tag<FilterArray> = makeTag((strings, values, options) => {
  const text = templateText(strings);
  return checkParsed(text, (bag, limits) => parseFilterTokens(interpolate(strings, values, bag), text.length, bag, limits), options);
});

/** The same for order-bys: ``orderBy`${field(sortField)} desc, rank` ``. */
export const orderBy: Tag<OrderByArray> = makeTag((strings, values, options) => {
  const text = templateText(strings);
  return checkParsedOrderBy(text, (bag, limits) => parseOrderByTokens(interpolate(strings, values, bag), text.length, bag, limits), options);
});
