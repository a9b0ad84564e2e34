import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import * as messages from "../diagnostics/messages.js";
import {
  unreachable,
  type Expr,
  type Operand,
  type Value,
} from "../syntax/ast.js";
import type { FieldType } from "../catalog/endpoints.js";
import { formatApiTime, isInApiRange, parseIsoDate, resolveTime, type Clock } from "../values/time.js";
import { FIELD_REFERENCE_PREFIX } from "../syntax/operators.js";
import { DUAL } from "../check/complement.js";
import { sentOf, type SentCondition } from "../check/sent.js";
import type { Scalar } from "./filter-array.js";
import { group, type LoweredCondition, type LoweredNode } from "./lowered.js";

/*
 * AST → lowered tree. `not` is pushed to the leaves (De Morgan, with each operator's complement),
 * `between` becomes two conditions, bare fields become `= true`, times are resolved against the
 * clock, field references become "$item->path". Runs only on an AST without errors.
 */

export interface LowerContext {
  readonly bag: DiagnosticBag;
  /** What `now` is, read on first use: most filters never ask (see Clock). */
  readonly clock: Clock;
  /** The catalog type of a field, when known: strings on time fields are normalised. */
  readonly fieldType?: (path: string) => FieldType | undefined;
}


export function lowerFilter(expr: Expr, ctx: LowerContext): LoweredNode {
  return lowerExpr(expr, false, ctx);
}

function lowerExpr(expr: Expr, negated: boolean, ctx: LowerContext): LoweredNode {
  switch (expr.kind) {
    case "chain": {
      const op = negated ? DUAL[expr.op] : expr.op;
      const items: LoweredNode[] = [];
      for (const operand of expr.operands) items.push(lowerExpr(operand, negated, ctx));
      return group(op, items);
    }
    case "not":
      return lowerExpr(expr.operand, !negated, ctx);
    case "condition":
    case "between":
    case "bare": {
      const sent = sentOf(expr, negated);
      if (sent.kind === "one") return lowerSent(sent.condition, ctx);
      return group(sent.op, [lowerSent(sent.conditions[0], ctx), lowerSent(sent.conditions[1], ctx)]);
    }
    case "invalid":
      throw new Error("dfsq internal error: lowering an AST with errors");
    default:
      return unreachable(expr);
  }
}

/** A condition as check/sent.ts says it is sent, with its value resolved. */
function lowerSent(sent: SentCondition, ctx: LowerContext): LoweredCondition {
  const origin = sent.leaf;
  const value = lowerOperand(sent.operand, ctx.fieldType?.(sent.field.path) === "time", ctx);
  return origin.at === undefined
    ? { kind: "cond", field: sent.field.path, op: sent.op, value, span: origin.span }
    : { kind: "cond", field: sent.field.path, op: sent.op, value, span: origin.span, at: origin.at };
}

function lowerOperand(operand: Operand, time: boolean, ctx: LowerContext): Scalar | Scalar[] {
  switch (operand.kind) {
    case "list":
      return operand.items.map((item) => lowerValue(item, ctx, time));
    case "field":
      return FIELD_REFERENCE_PREFIX + operand.path;
    default:
      return lowerValue(operand, ctx, time);
  }
}

/** A value as sent. `time`: the field is a time field, so ISO strings become the API's format. */
export function lowerValue(value: Value, ctx: LowerContext, time = false): Scalar {
  switch (value.kind) {
    case "string": {
      if (!time) return value.value;
      const parsed = parseIsoDate(value.value.trim());
      return parsed.ok ? formatApiTime(parsed.epochMs) : value.value;
    }
    case "number":
    case "boolean":
      return value.value;
    case "null":
      return null;
    case "time": {
      const relative = value.anchor.kind !== "instant";
      const nowMs = relative ? ctx.clock.ms : Number.NaN;
      if (relative && Number.isNaN(nowMs)) {
        ctx.bag.report("invalid_date", value.span, messages.invalidNow(), { data: { problem: { kind: "now" } } });
        return null;
      }
      const ms = resolveTime(value.anchor, value.shifts, nowMs);
      if (!isInApiRange(ms)) {
        ctx.bag.report("invalid_date", value.span, messages.timeOutOfRange(), { data: { problem: { kind: "range" } } });
        return null;
      }
      return formatApiTime(ms);
    }
    case "invalid":
      throw new Error("dfsq internal error: lowering an invalid value");
    default:
      return unreachable(value);
  }
}
