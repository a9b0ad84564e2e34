import { checkFilterAst } from "./check/check-filter.js";
import { DiagnosticBag, type Diagnostic } from "./diagnostics/diagnostic.js";
import { DfsqError } from "./diagnostics/error.js";
import { hints, messages } from "./diagnostics/messages.js";
import type { FilterArray, OrderByArray } from "./lower/filter-array.js";
import { lowerFilter } from "./lower/lower.js";
import { conditionsOf, emit, type LoweredNode } from "./lower/lowered.js";
import { optimizeFilter } from "./lower/rewrite.js";
import { resolveLimits, type CompileOptions, type Limits } from "./options.js";
import type { OrderByNode } from "./syntax/ast.js";
import { parseFilter, parseOrderBy } from "./syntax/parse.js";
import { toEpochMs } from "./values/time.js";

/** The outcome of a check: `value` is present exactly when `ok` (no errors; warnings allowed). */
export interface CheckResult<T> {
  readonly ok: boolean;
  readonly value?: T;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Compiles a filter expression to DataForSEO's `filters` array. Never throws: every problem is in
 * `diagnostics`, in source order.
 */
export function checkFilter(source: string, options: CompileOptions = {}): CheckResult<FilterArray> {
  const bag = new DiagnosticBag(source);
  const limits = resolveLimits(options);
  const { ast } = parseFilter(source, bag, limits);
  if (ast === undefined) return result(bag);
  checkFilterAst(ast, { bag, limits });
  if (bag.errorCount > 0) return result(bag);
  let lowered = lowerFilter(ast, { bag, nowMs: toEpochMs(options.now) });
  if (bag.errorCount > 0) return result(bag);
  lowered = applyLimits(lowered, bag, limits, options.optimize === true);
  if (bag.errorCount > 0) return result(bag);
  return result(bag, emit(lowered, options.chains ?? "binary"));
}

function applyLimits(node: LoweredNode, bag: DiagnosticBag, limits: Limits, optimize: boolean): LoweredNode {
  let conditions = conditionsOf(node);
  if (conditions.length <= limits.maxConditions && !optimize) return node;
  const optimized = optimizeFilter(node, limits.maxListLength);
  conditions = conditionsOf(optimized);
  if (conditions.length > limits.maxConditions) {
    const first = conditions[limits.maxConditions]!;
    bag.reportAt("too_many_conditions", first, messages.tooManyConditions(conditions.length, limits.maxConditions), {
      hint: hints.optimize(),
    });
  }
  return optimized;
}

/** Compiles an order-by expression (`rank desc, backlinks`) to `["rank,desc", "backlinks,asc"]`. */
export function checkOrderBy(source: string, options: CompileOptions = {}): CheckResult<OrderByArray> {
  const bag = new DiagnosticBag(source);
  const limits = resolveLimits(options);
  const { ast } = parseOrderBy(source, bag, limits);
  if (ast === undefined) return result(bag);
  checkOrderByAst(ast, bag, limits);
  if (bag.errorCount > 0) return result(bag);
  return result(
    bag,
    ast.rules.map((rule) => `${rule.field.path},${rule.direction}`),
  );
}

export function checkOrderByAst(ast: OrderByNode, bag: DiagnosticBag, limits: Limits): void {
  const seen = new Set<string>();
  ast.rules.forEach((rule, index) => {
    if (index === limits.maxSortRules) {
      bag.reportAt("too_many_sort_rules", rule, messages.tooManySortRules(ast.rules.length, limits.maxSortRules));
    }
    if (seen.has(rule.field.path)) {
      bag.reportAt("duplicate_sort_field", rule.field, messages.duplicateSortField(rule.field.path));
    }
    seen.add(rule.field.path);
    if (rule.field.path.includes(",")) {
      bag.reportAt("invalid_order_by", rule.field, messages.commaInSortField(rule.field.path));
    }
  });
}

function result<T>(bag: DiagnosticBag, value?: T): CheckResult<T> {
  const diagnostics = bag.sorted();
  return bag.errorCount === 0 && value !== undefined ? { ok: true, value, diagnostics } : { ok: false, diagnostics };
}

/** Like `checkFilter`, but returns the array and throws `DfsqError` when there are errors. */
export function compileFilter(source: string, options?: CompileOptions): FilterArray {
  const r = checkFilter(source, options);
  if (!r.ok || r.value === undefined) throw new DfsqError(r.diagnostics);
  return r.value;
}

/** Like `checkOrderBy`, but returns the array and throws `DfsqError` when there are errors. */
export function compileOrderBy(source: string, options?: CompileOptions): OrderByArray {
  const r = checkOrderBy(source, options);
  if (!r.ok || r.value === undefined) throw new DfsqError(r.diagnostics);
  return r.value;
}
