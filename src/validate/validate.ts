import type { ZodType } from "zod";
import { checkParsed, checkParsedOrderBy, type CheckResult } from "../compile.js";
import type { DiagnosticBag, JsonPath } from "../diagnostics/diagnostic.js";
import { formatPath } from "../diagnostics/format.js";
import { messages } from "../diagnostics/messages.js";
import type { FilterArray, OrderByArray } from "../lower/filter-array.js";
import type { CompileOptions } from "../options.js";
import { raiseFilter, raiseOrderBy } from "../print/raise.js";
import { problemsOf } from "./issues.js";
import { FilterSchema, OrderBySchema } from "./schemas.js";

/** Zod's parsers recurse; past this many nested arrays the value is refused before they run. */
const MAX_ARRAY_DEPTH = 256;

/** The path to the first array nested deeper than `max`, found without recursion. */
function tooDeep(value: unknown, max: number): JsonPath | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (!Array.isArray(v)) continue;
    if (path.length >= max) return path;
    v.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
  }
  return undefined;
}

function structure(value: unknown, bag: DiagnosticBag, what: "filter" | "order_by"): boolean {
  const deep = tooDeep(value, MAX_ARRAY_DEPTH);
  if (deep !== undefined) {
    bag.report("nesting_too_deep", { start: 0, end: 0 }, `${messages.nestingTooDeep(MAX_ARRAY_DEPTH)} (at ${formatPath(deep)})`, { path: deep });
    return false;
  }
  // Widened: the recursive schema's own type is too deep for the checker to instantiate here.
  const schema: ZodType<unknown> = what === "filter" ? (FilterSchema as ZodType<unknown>) : OrderBySchema;
  const parsed = schema.safeParse(value);
  if (parsed.success) return true;
  for (const p of problemsOf(parsed.error, value, what)) {
    bag.report(p.code, { start: 0, end: 0 }, `${p.message} (at ${formatPath(p.path)})`, { path: p.path });
  }
  return false;
}

/**
 * Checks a raw `filters` value (from user input, a saved config, an LLM's JSON): its structure
 * with `FilterSchema`, then the same checks as compiled text, limits and, with an endpoint, the
 * field catalog. Diagnostics carry a JSON `path` (`[2][0]`) instead of a span. When `ok`, `value`
 * is the filter in canonical form (binary groups, API time format), ready to send. Never throws.
 */
export function validateFilter(value: unknown, options: CompileOptions = {}): CheckResult<FilterArray> {
  return checkParsed("", (bag, limits) => ({
    ast: structure(value, bag, "filter") ? raiseFilter(value, { bag, limits }) : undefined,
  }), options);
}

/** The same for an `order_by` value. */
export function validateOrderBy(value: unknown, options: CompileOptions = {}): CheckResult<OrderByArray> {
  return checkParsedOrderBy("", (bag, limits) => ({
    ast: structure(value, bag, "order_by") ? raiseOrderBy(value, { bag, limits }) : undefined,
  }), options);
}
