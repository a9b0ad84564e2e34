import { DiagnosticBag } from "../../src/diagnostics/diagnostic.js";
import { DEFAULT_LIMITS } from "../../src/options.js";
import type { Expr } from "../../src/syntax/ast.js";
import { parseFilter } from "../../src/syntax/parse.js";

/** The AST of dfsq source that parses without errors (warnings allowed); throws otherwise. */
export function parseSource(source: string): Expr {
  const bag = new DiagnosticBag(source);
  const { ast } = parseFilter(source, bag, DEFAULT_LIMITS);
  if (ast === undefined || bag.errorCount > 0) {
    throw new Error(`${source.slice(0, 80)}: ${bag.items.map((d) => d.code).join(", ")}`);
  }
  return ast;
}
