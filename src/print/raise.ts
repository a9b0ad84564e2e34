import { childLocation, JSON_ROOT, toJsonPath, type DiagnosticBag, type JsonLocation } from "../diagnostics/diagnostic.js";
import { formatPath } from "../diagnostics/format.js";
import { messages } from "../diagnostics/messages.js";
import type { Limits } from "../options.js";
import {
  OPERATORS,
  type ConditionNode,
  type Connective,
  type Expr,
  type FieldNode,
  type ListValue,
  type Operand,
  type Operator,
  type OrderByNode,
  type SortRuleNode,
  type Value,
} from "../syntax/ast.js";
import { COMPARISON_OPERATORS, LIST_OPERATORS, referencedPath } from "../syntax/operators.js";

/*
 * JSON arrays → AST: the inverse of lowering, used by the printer and the raw-array validator.
 * Accepts every shape DataForSEO accepts: a bare condition, a condition wrapped once, binary or
 * flat groups. Left-nested groups of one connective become one chain, so the canonical
 * `[[A,"and",B],"and",C]` reads back as `A and B and C`. Problems are reported with the JSON path
 * where they are; nothing here throws.
 */

const ZERO = { start: 0, end: 0 } as const;
const OPERATOR_SET: ReadonlySet<string> = new Set(OPERATORS);

interface RaiseContext {
  readonly bag: DiagnosticBag;
  readonly limits: Limits;
}

function describeJson(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 30 ? `${value.slice(0, 29)}…` : value)}`;
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}

type At = JsonLocation;
const child = childLocation;

function report(ctx: RaiseContext, code: "invalid_filter" | "invalid_order_by", at: At, what: string): undefined {
  const path = toJsonPath(at);
  ctx.bag.report(code, ZERO, `${what} (at ${formatPath(path)})`, { path });
  return undefined;
}

function invalid(ctx: RaiseContext, at: At, what: string): undefined {
  return report(ctx, "invalid_filter", at, messages.invalidFilter(what));
}

function problem(ctx: RaiseContext, code: "nesting_too_deep" | "mixed_connectives" | "empty_field_name" | "empty_list" | "list_too_long", at: At, message: string): undefined {
  ctx.bag.reportAt(code, { span: ZERO, at }, message);
  return undefined;
}

/** Reads a `filters` value. Returns undefined when its structure is unusable (reported). */
export function raiseFilter(value: unknown, ctx: RaiseContext): Expr | undefined {
  // A single condition may be wrapped once: [["dofollow", "=", true]].
  if (Array.isArray(value) && value.length === 1 && Array.isArray(value[0])) {
    return raiseNode(value[0], child(JSON_ROOT, 0), 1, ctx);
  }
  return raiseNode(value, JSON_ROOT, 1, ctx);
}

function isCondition(value: unknown[]): boolean {
  return value.length === 3 && typeof value[0] === "string" && typeof value[1] === "string" && value[1] !== "and" && value[1] !== "or";
}

function raiseNode(value: unknown, path: At, depth: number, ctx: RaiseContext): Expr | undefined {
  if (!Array.isArray(value)) return invalid(ctx, path, `expected a condition or a group, found ${describeJson(value)}`);
  if (isCondition(value)) return raiseCondition(value, path, ctx);
  if (typeof value[0] === "string") {
    return invalid(ctx, path, `a condition is [field, operator, value], found an array of ${value.length}`);
  }
  if (depth > ctx.limits.maxDepth) {
    return problem(ctx, "nesting_too_deep", path, messages.nestingTooDeep(ctx.limits.maxDepth));
  }
  return raiseGroup(value, path, depth, ctx);
}

/**
 * A group: operands at even positions, one connective at odd positions. Walks the left spine of
 * same-connective groups with a loop, so 10,000 left-nested conditions cost no stack.
 */
function raiseGroup(value: unknown[], path: At, depth: number, ctx: RaiseContext): Expr | undefined {
  const shape = groupShape(value, path, ctx);
  if (shape === undefined) return undefined;
  // Descend the left spine while the first operand is a group of the same connective.
  const spine: { items: unknown[]; path: At }[] = [{ items: value, path }];
  for (;;) {
    const top = spine[spine.length - 1]!;
    const first = top.items[0];
    if (!Array.isArray(first) || isCondition(first) || first.length < 3) break;
    const firstPath = child(top.path, 0);
    const firstShape = groupShape(first, firstPath, ctx, true);
    if (firstShape !== shape) break;
    spine.push({ items: first, path: firstPath });
  }
  const operands: Expr[] = [];
  let ok = true;
  const innermost = spine[spine.length - 1]!;
  const add = (item: unknown, itemPath: At) => {
    const raised = raiseNode(item, itemPath, depth + 1, ctx);
    if (raised === undefined) ok = false;
    else operands.push(raised);
  };
  add(innermost.items[0], child(innermost.path, 0));
  for (let s = spine.length - 1; s >= 0; s--) {
    const { items, path: p } = spine[s]!;
    for (let i = 2; i < items.length; i += 2) add(items[i], child(p, i));
  }
  return ok ? { kind: "chain", op: shape, operands, span: ZERO, at: path } : undefined;
}

/** The connective of a well-formed group, or undefined (reported unless `quiet`). */
function groupShape(value: unknown[], path: At, ctx: RaiseContext, quiet = false): Connective | undefined {
  if (value.length < 3 || value.length % 2 === 0) {
    if (quiet) return undefined;
    return invalid(
      ctx,
      path,
      value.length === 0
        ? "expected a condition or a group, found an empty array"
        : `a group alternates operands and "and"/"or", so it has an odd length of at least 3; this one has ${value.length}`,
    );
  }
  let op: Connective | undefined;
  for (let i = 1; i < value.length; i += 2) {
    const c = value[i];
    if (c !== "and" && c !== "or") {
      if (quiet) return undefined;
      return invalid(ctx, child(path, i), `expected "and" or "or" between operands, found ${describeJson(c)}`);
    }
    if (op !== undefined && c !== op) {
      if (quiet) return undefined;
      return problem(ctx, "mixed_connectives", child(path, i), messages.mixedConnectives());
    }
    op = c;
  }
  return op;
}

function raiseCondition(value: unknown[], path: At, ctx: RaiseContext): ConditionNode | undefined {
  const [fieldValue, opValue, operandValue] = value as [string, string, unknown];
  if (fieldValue.length === 0) {
    return problem(ctx, "empty_field_name", child(path, 0), messages.emptyFieldName());
  }
  if (!OPERATOR_SET.has(opValue)) {
    return invalid(ctx, child(path, 1), `${JSON.stringify(opValue)} is not a DataForSEO filter operator; expected one of ${OPERATORS.join(" ")}`);
  }
  const op = opValue as Operator;
  const field: FieldNode = { kind: "field", path: fieldValue, quoted: false, span: ZERO, at: child(path, 0) };
  const operand = raiseOperand(op, operandValue, child(path, 2), ctx);
  if (operand === undefined) return undefined;
  return { kind: "condition", field, op, operand, opSpan: ZERO, span: ZERO, at: path };
}

function raiseOperand(op: Operator, value: unknown, path: At, ctx: RaiseContext): Operand | undefined {
  if (LIST_OPERATORS.has(op)) {
    if (!Array.isArray(value)) return invalid(ctx, path, `\`${op}\` takes an array of values, found ${describeJson(value)}`);
    if (value.length === 0) {
      return problem(ctx, "empty_list", path, messages.emptyList());
    }
    if (value.length > ctx.limits.maxListLength) {
      return problem(ctx, "list_too_long", path, messages.listTooLong(value.length, ctx.limits.maxListLength));
    }
    const items: Value[] = [];
    for (let i = 0; i < value.length; i++) {
      const item = raiseScalar(value[i], child(path, i), ctx);
      if (item === undefined) return undefined;
      items.push(item);
    }
    const list: ListValue = { kind: "list", items, span: ZERO, at: path };
    return list;
  }
  const referenced = COMPARISON_OPERATORS.has(op) && typeof value === "string" ? referencedPath(value) : undefined;
  if (referenced !== undefined) return { kind: "field", path: referenced, quoted: false, explicit: true, span: ZERO, at: path };
  return raiseScalar(value, path, ctx);
}

function raiseScalar(value: unknown, path: At, ctx: RaiseContext): Value | undefined {
  switch (typeof value) {
    case "string":
      return { kind: "string", value, span: ZERO, at: path };
    case "boolean":
      return { kind: "boolean", value, span: ZERO, at: path };
    case "number":
      if (!Number.isFinite(value)) return invalid(ctx, path, `${value} is not a JSON number`);
      return { kind: "number", value, span: ZERO, at: path };
    case "object":
      if (value === null) return { kind: "null", span: ZERO, at: path };
      break;
    default:
      break;
  }
  return invalid(ctx, path, `expected a string, number, boolean or null, found ${describeJson(value)}`);
}

/** Reads an `order_by` value: an array of `"field,asc|desc"` strings. */
export function raiseOrderBy(value: unknown, ctx: RaiseContext): OrderByNode | undefined {
  const bad = (at: At, what: string) => report(ctx, "invalid_order_by", at, messages.invalidOrderBy(what));
  if (!Array.isArray(value)) {
    bad(JSON_ROOT, `an order-by is an array of "field,asc|desc" strings, found ${describeJson(value)}`);
    return undefined;
  }
  if (value.length === 0) {
    bad(JSON_ROOT, "an order-by needs at least one rule");
    return undefined;
  }
  const rules: SortRuleNode[] = [];
  let ok = true;
  value.forEach((rule, i) => {
    const comma = typeof rule === "string" ? rule.lastIndexOf(",") : -1;
    const direction = typeof rule === "string" ? rule.slice(comma + 1) : "";
    if (typeof rule !== "string" || comma <= 0 || (direction !== "asc" && direction !== "desc")) {
      bad(child(JSON_ROOT, i), `expected "field,asc" or "field,desc", found ${describeJson(rule)}`);
      ok = false;
      return;
    }
    const field = { kind: "field", path: rule.slice(0, comma), quoted: false, span: ZERO, at: child(JSON_ROOT, i) } satisfies FieldNode;
    rules.push({ kind: "sort", field, direction, explicit: true, span: ZERO, at: child(JSON_ROOT, i) });
  });
  return ok ? { kind: "orderBy", rules, span: ZERO } : undefined;
}
