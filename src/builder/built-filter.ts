import { printExpr } from "../print/print-expr.js";
import type { Expr } from "../syntax/ast.js";

/**
 * A filter made by the builder: the same AST the parser makes from text. `toString()` is its dfsq
 * text; the compiler entry points take it in place of text, and their diagnostics refer to that text.
 */
export class BuiltFilter {
  constructor(readonly expr: Expr) {}

  /** The filter as dfsq text (what `printFilter` gives, for showing a saved filter in a UI). */
  toString(): string {
    return printExpr(this.expr);
  }

  toJSON(): string {
    return this.toString();
  }
}
