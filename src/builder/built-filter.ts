import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import { DfsqError } from "../diagnostics/error.js";
import * as messages from "../diagnostics/messages.js";
import { printExpr } from "../print/print-expr.js";
import type { Expr } from "../syntax/ast.js";

/** The ASTs the builder made, the only ones a BuiltFilter may hold. */
const madeByBuilder = new WeakSet<Expr>();
/** Every BuiltFilter constructed: `instanceof` can be fooled (`Object.create(BuiltFilter.prototype)`,
 * a Proxy's `getPrototypeOf` trap), membership here cannot. */
const constructed = new WeakSet<object>();

/**
 * A filter made by the builder: the same AST the parser makes from text. `toString()` is its dfsq
 * text; the compiler entry points take it in place of text, and their diagnostics refer to that text.
 * Made by `where.*` only: `new BuiltFilter(…)` from outside throws DfsqError (`invalid_argument`),
 * as nothing would check the AST it was given.
 */
export class BuiltFilter {
  readonly expr: Expr;

  constructor(expr: Expr) {
    if (!madeByBuilder.has(expr)) {
      throw new DfsqError([makeDiagnostic("", "invalid_argument", { start: 0, end: 0 }, messages.builtFilterByWhere())]);
    }
    this.expr = expr;
    constructed.add(this);
  }

  /** The filter as dfsq text (what `printFilter` gives, for showing a saved filter in a UI). */
  toString(): string {
    return printExpr(this.expr);
  }

  toJSON(): string {
    return this.toString();
  }
}

/** A BuiltFilter holding `expr`, which the builder made. */
export function built(expr: Expr): BuiltFilter {
  madeByBuilder.add(expr);
  return new BuiltFilter(expr);
}

/** Whether `value` is a BuiltFilter the builder made; never throws, whatever `value` is. */
export function isBuiltFilter(value: unknown): value is BuiltFilter {
  return typeof value === "object" && value !== null && constructed.has(value);
}
