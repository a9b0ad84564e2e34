import { DiagnosticBag, type ExtrasFor, type JsonLocation, type Span } from "../diagnostics/diagnostic.js";
import { DfsqError } from "../diagnostics/error.js";
import * as messages from "../diagnostics/messages.js";
import type { Scalar } from "../lower/filter-array.js";
import { unreachable, type Expr, type Operand, type Value } from "../syntax/ast.js";
import { formatApiTime, isInApiRange, resolveTime, toEpochMs } from "../values/time.js";
import { isAbsent, known, order, sameValue } from "./compare.js";
import { prepareReference, prepareTest } from "./condition.js";
import { readPath, splitPath } from "./path.js";

/*
 * The source AST evaluated directly, as its text reads: `not` is boolean negation, `between` is
 * `low <= f <= high`, a bare field is `f = true`, a time literal is the instant it names. It shares
 * every per-operator rule with the arrays' evaluator (condition.ts), so comparing the two over
 * generated filters tests exactly what lowering does: `not` pushed to the leaves, `between`
 * expanded, times resolved, and the rewrites that merge and drop conditions.
 */

export interface EvaluateExprOptions {
  /** The clock for `now` and `today`, as `CompileOptions.now`: a Date, epoch ms or ISO text.
   * Default: the current time. */
  readonly now?: Date | number | string;
}

/**
 * Whether `item` matches the expression. `expr` must be free of errors (from a parse that
 * reported none). Throws `DfsqError` for a regex RE2 refuses (`invalid_regex`), for a time outside
 * the years 0000–9999 or a relative time with an invalid `now` (`invalid_date`), and for an
 * invalid node (`invalid_filter`).
 */
export function evaluateExpr(expr: Expr, item: unknown, options: EvaluateExprOptions = {}): boolean {
  return evaluate(expr, item, toEpochMs(options.now));
}

const TRUE = known(true);

function fail<C extends "invalid_regex" | "invalid_date" | "invalid_filter">(
  code: C,
  node: { span: Span; at?: JsonLocation },
  message: string,
  ...extras: ExtrasFor<C>
): never {
  const bag = new DiagnosticBag("");
  bag.reportAt(code, node, message, ...extras);
  throw new DfsqError(bag.sorted());
}

function evaluate(expr: Expr, item: unknown, nowMs: number): boolean {
  switch (expr.kind) {
    case "chain":
      if (expr.op === "and") {
        for (const operand of expr.operands) if (!evaluate(operand, item, nowMs)) return false;
        return true;
      }
      for (const operand of expr.operands) if (evaluate(operand, item, nowMs)) return true;
      return false;
    case "not":
      return !evaluate(expr.operand, item, nowMs);
    case "condition": {
      const value = readPath(item, splitPath(expr.field.path));
      const operand = expr.operand;
      if (operand.kind === "field") return prepareReference(expr.op)(value, readPath(item, splitPath(operand.path)));
      const prepared = prepareTest(expr.op, operandValue(operand, nowMs));
      if (!prepared.ok) fail(prepared.code, operand, messages.invalidRegex(prepared.reason), { data: { reason: prepared.reason } });
      return prepared.test(value);
    }
    case "between": {
      // low <= value <= high; `order` is undefined for values that cannot be ordered, null included.
      const value = readPath(item, splitPath(expr.field.path));
      const fromLow = isAbsent(value) ? undefined : order(value, known(scalar(expr.low, nowMs)));
      const toHigh = isAbsent(value) ? undefined : order(value, known(scalar(expr.high, nowMs)));
      const inside = fromLow !== undefined && toHigh !== undefined && fromLow >= 0 && toHigh <= 0;
      return expr.negated ? !inside : inside;
    }
    case "bare": {
      const value = readPath(item, splitPath(expr.field.path));
      return !isAbsent(value) && sameValue(value, TRUE);
    }
    case "invalid":
      return fail("invalid_filter", expr, messages.cannotEvaluate("expression"));
    default:
      return unreachable(expr);
  }
}

function operandValue(operand: Exclude<Operand, { kind: "field" }>, nowMs: number): Scalar | Scalar[] {
  return operand.kind === "list" ? operand.items.map((item) => scalar(item, nowMs)) : scalar(operand, nowMs);
}

/** A literal's value. A time is the instant it names, written as the API writes times, which is
 * how `sameValue` and `order` recognise it as a time. */
function scalar(value: Value, nowMs: number): Scalar {
  switch (value.kind) {
    case "number":
    case "string":
    case "boolean":
      return value.value;
    case "null":
      return null;
    case "time": {
      if (value.anchor.kind !== "instant" && Number.isNaN(nowMs)) fail("invalid_date", value, messages.invalidNow(), { data: { problem: { kind: "now" } } });
      const ms = resolveTime(value.anchor, value.shifts, nowMs);
      if (!isInApiRange(ms)) fail("invalid_date", value, messages.timeOutOfRange(), { data: { problem: { kind: "range" } } });
      return formatApiTime(ms);
    }
    case "invalid":
      return fail("invalid_filter", value, messages.cannotEvaluate("value"));
    default:
      return unreachable(value);
  }
}
