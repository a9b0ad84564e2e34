import { BuiltFilter } from "../builder/built-filter.js";
import { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { DfsqError } from "../diagnostics/error.js";
import { checkFilterAst } from "../check/check-filter.js";
import { valueShapeRule } from "../check/rules/value-shape.js";
import { ruleContext } from "../check/rule.js";
import { DEFAULT_LIMITS } from "../options.js";
import { printExpr, printOrderByAst } from "./print-expr.js";
import { raiseFilter, raiseOrderBy } from "./raise.js";

/**
 * Prints a `filters` value as dfsq text. Accepts what DataForSEO accepts (a bare condition, a
 * condition wrapped once, binary or flat groups) and prints the shortest text that compiles back
 * to the canonical arrays. Throws `DfsqError` (with JSON paths) for a value that is not a filter,
 * including a flat group that mixes `and` and `or`.
 */
export function printFilter(filters: unknown): string {
  if (filters instanceof BuiltFilter) return filters.toString();
  const bag = new DiagnosticBag("");
  const expr = raiseFilter(filters, { bag, limits: DEFAULT_LIMITS });
  if (expr !== undefined) checkFilterAst(expr, ruleContext(bag, DEFAULT_LIMITS, undefined), [valueShapeRule]);
  if (expr === undefined || bag.errorCount > 0) throw new DfsqError(bag.sorted());
  return printExpr(expr);
}

/** Prints an `order_by` value (`["rank,desc"]`) as dfsq text (`rank desc`). Throws `DfsqError`. */
export function printOrderBy(orderBy: unknown): string {
  const bag = new DiagnosticBag("");
  const ast = raiseOrderBy(orderBy, { bag, limits: DEFAULT_LIMITS });
  if (ast === undefined || bag.errorCount > 0) throw new DfsqError(bag.sorted());
  return printOrderByAst(ast);
}
