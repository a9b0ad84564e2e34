import { isBuiltFilter } from "../builder/built-filter.js";
import { checkParsed, checkParsedOrderBy } from "../compile.js";
import { DfsqError } from "../diagnostics/error.js";
import type { CompileOptions } from "../options.js";
import type { Expr, OrderByNode } from "../syntax/ast.js";
import { printExpr, printOrderByAst } from "./print-expr.js";
import { readFilter, readOrderBy } from "../arrays/read.js";

/*
 * The printers accept exactly what `validateFilter` / `validateOrderBy` accept under the same
 * options (they run the same checks), so what they print compiles, under those options, to the
 * value validation returns. Only `maxInputLength` does not carry over: the text can be longer than
 * the arrays' source was (a time prints as the instant it names, `not` pushed into the
 * conditions stays there).
 */

/**
 * Prints a `filters` value as dfsq text. Accepts what DataForSEO accepts (a bare condition, a
 * condition wrapped once, binary or flat groups) and prints the shortest text that compiles back
 * to the canonical arrays. Throws `DfsqError` (with JSON paths) for a value `validateFilter`
 * refuses under `options`: one that is not a filter, one past a limit (raise them in `options`,
 * as for compiling), a flat group that mixes `and` and `or`.
 */
export function printFilter(filters: unknown, options: CompileOptions = {}): string {
  if (isBuiltFilter(filters)) return filters.toString();
  let ast: Expr | undefined;
  let maxDepth = 0;
  const r = checkParsed(
    "",
    (bag, limits) => {
      maxDepth = limits.maxDepth;
      ast = readFilter(filters, { bag, limits });
      return { ast };
    },
    options,
  );
  if (!r.ok || ast === undefined) throw new DfsqError(r.diagnostics);
  return printExpr(ast, maxDepth);
}

/** Prints an `order_by` value (`["rank,desc"]`) as dfsq text (`rank desc`). Throws `DfsqError`
 * for a value `validateOrderBy` refuses under `options`. */
export function printOrderBy(orderBy: unknown, options: CompileOptions = {}): string {
  let ast: OrderByNode | undefined;
  const r = checkParsedOrderBy("", (bag, limits) => ({ ast: (ast = readOrderBy(orderBy, { bag, limits })) }), options);
  if (!r.ok || ast === undefined) throw new DfsqError(r.diagnostics);
  return printOrderByAst(ast);
}
