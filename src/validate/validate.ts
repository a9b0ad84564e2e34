import { checkParsed, checkParsedOrderBy, type CheckResult } from "../compile.js";
import type { FilterArray, OrderByArray } from "../lower/filter-array.js";
import type { CompileOptions } from "../options.js";
import { readFilter, readOrderBy } from "../arrays/read.js";

/*
 * Raw values are read by the one walk over raw values (arrays/read.ts), never by zod: zod's
 * parsers recurse, read arrays more than once, and throw on hostile values (a `length` whose
 * `toString` is null, a BigInt in a message, a revoked Proxy). The zod schemas in schemas.ts
 * accept the same structures, for users who compose them into their own.
 */

/**
 * Checks a raw `filters` value (from user input, a saved config, an LLM's JSON): its structure,
 * then the same checks as compiled text, limits and, with an endpoint, the field catalog.
 * Diagnostics carry a JSON `path` (`[2][0]`) instead of a span. When `ok`, `value` is the filter
 * in canonical form (binary groups, API time format), ready to send. Never throws, whatever
 * `value` is (cyclic, a Proxy, an object with throwing getters): the walk's cost is bounded by
 * the limits.
 */
export function validateFilter(value: unknown, options: CompileOptions = {}): CheckResult<FilterArray> {
  return checkParsed("", (bag, limits) => ({ ast: readFilter(value, { bag, limits }) }), options);
}

/** The same for an `order_by` value. */
export function validateOrderBy(value: unknown, options: CompileOptions = {}): CheckResult<OrderByArray> {
  return checkParsedOrderBy("", (bag, limits) => ({ ast: readOrderBy(value, { bag, limits }) }), options);
}
