import type { EndpointId, FieldOf, ParamOf } from "../catalog/types.js";
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import { DfsqError } from "../diagnostics/error.js";
import * as messages from "../diagnostics/messages.js";
import { LIMIT_CEILINGS } from "../options.js";
import type { Connective, Expr, FieldNode, Operand, Operator, Value } from "../syntax/ast.js";
import { API_OPERATORS, OPERATORS } from "../syntax/operator-table.js";
import { referencedPath } from "../syntax/operators.js";
import { fieldNameIn, type FieldName } from "../template/field-name.js";
import { dateValue, describeValue, kindOf, readElements } from "../values/guarded.js";
import { built, isBuiltFilter, type BuiltFilter } from "./built-filter.js";

/*
 * A typed builder for code that assembles filters: `where.and(where.gt("rank", 200),
 * where.or(where.like("domain", "%seo%"), where.in("tld", ["com", "org"])))`. It makes the same
 * AST as the parser, so the same checks, lowering and printer apply. `whereFor(endpoint)` is the
 * same builder with field names typed by the endpoint's catalog.
 */

/** A value a condition can compare with. */
export type BuilderValue = string | number | boolean | null | Date;
type Element = string | number | boolean;

export interface Where<F extends string = string> {
  eq(field: F, value: BuilderValue | FieldName): BuiltFilter;
  ne(field: F, value: BuilderValue | FieldName): BuiltFilter;
  lt(field: F, value: BuilderValue | FieldName): BuiltFilter;
  le(field: F, value: BuilderValue | FieldName): BuiltFilter;
  gt(field: F, value: BuilderValue | FieldName): BuiltFilter;
  ge(field: F, value: BuilderValue | FieldName): BuiltFilter;
  in(field: F, values: readonly BuilderValue[]): BuiltFilter;
  notIn(field: F, values: readonly BuilderValue[]): BuiltFilter;
  like(field: F, pattern: string): BuiltFilter;
  notLike(field: F, pattern: string): BuiltFilter;
  ilike(field: F, pattern: string): BuiltFilter;
  notIlike(field: F, pattern: string): BuiltFilter;
  regex(field: F, pattern: string): BuiltFilter;
  notRegex(field: F, pattern: string): BuiltFilter;
  match(field: F, words: string): BuiltFilter;
  notMatch(field: F, words: string): BuiltFilter;
  has(field: F, element: Element): BuiltFilter;
  hasNot(field: F, element: Element): BuiltFilter;
  between(field: F, low: BuilderValue, high: BuilderValue): BuiltFilter;
  notBetween(field: F, low: BuilderValue, high: BuilderValue): BuiltFilter;
  isNull(field: F): BuiltFilter;
  isNotNull(field: F): BuiltFilter;
  /** A boolean field alone: `field = true`. */
  is(field: F): BuiltFilter;
  and(first: BuiltFilter, ...rest: BuiltFilter[]): BuiltFilter;
  or(first: BuiltFilter, ...rest: BuiltFilter[]): BuiltFilter;
  not(filter: BuiltFilter): BuiltFilter;
}

const ZERO = { start: 0, end: 0 } as const;

function fail(found: string): never {
  throw new DfsqError([makeDiagnostic("", "invalid_interpolation", ZERO, messages.invalidInterpolation(found))]);
}

function badArgument(message: string): never {
  throw new DfsqError([makeDiagnostic("", "invalid_argument", ZERO, message)]);
}

function fieldNode(path: unknown): FieldNode {
  if (typeof path !== "string") return badArgument(messages.fieldNameNotString(describeValue(path)));
  if (path === "") throw new DfsqError([makeDiagnostic("", "empty_field_name", ZERO, messages.emptyFieldName())]);
  return { kind: "field", path, quoted: false, span: ZERO };
}

function value(v: unknown): Value {
  if (typeof v === "string") {
    // DataForSEO would read it as a reference to another field: name fields with field(name).
    if (referencedPath(v) !== undefined) throw new DfsqError([makeDiagnostic("", "invalid_interpolation", ZERO, messages.interpolatedReference(v))]);
    return { kind: "string", value: v, span: ZERO };
  }
  if (typeof v === "number") return Number.isFinite(v) ? { kind: "number", value: v, span: ZERO } : fail(`\`${v}\``);
  if (typeof v === "boolean") return { kind: "boolean", value: v, span: ZERO };
  if (v === null) return { kind: "null", span: ZERO };
  const ms = dateValue(v);
  if (ms !== undefined && Number.isFinite(ms)) return { kind: "time", anchor: { kind: "instant", epochMs: ms }, shifts: [], span: ZERO };
  return fail(v === undefined ? "`undefined`" : ms !== undefined ? "an invalid Date" : describeValue(v));
}

function operand(v: unknown): Operand {
  const name = fieldNameIn(v);
  // field(name) names a field on purpose: a reference, checked as one.
  return name !== undefined ? { ...fieldNode(name), explicit: true } : value(v);
}

function condition(path: unknown, op: Operator, right: Operand): BuiltFilter {
  return built({ kind: "condition", field: fieldNode(path), op, operand: right, opSpan: ZERO, span: ZERO });
}

function list(values: unknown): Operand {
  if (kindOf(values) !== "array") fail("a non-array list");
  // Read once, and no further than any limit could allow: the compiler checks the real limit.
  const read = readElements(values as object, LIMIT_CEILINGS.maxListLength);
  if (!read.ok && read.why === "too_long") {
    throw new DfsqError([makeDiagnostic("", "list_too_long", ZERO, messages.listTooLong(read.length, LIMIT_CEILINGS.maxListLength), { data: { length: read.length, max: LIMIT_CEILINGS.maxListLength } })]);
  }
  if (!read.ok) return badArgument(messages.unreadableList());
  return { kind: "list", items: read.items.map(value), span: ZERO };
}

function chain(op: Connective, filters: readonly unknown[]): BuiltFilter {
  if (filters.length === 0) return badArgument(messages.whereNeedsFilters(op));
  for (const f of filters) if (!isBuiltFilter(f)) fail("a non-filter operand");
  const checked = filters as readonly BuiltFilter[];
  if (checked.length === 1) return checked[0]!;
  const operands: Expr[] = checked.map((f) => f.expr);
  return built({ kind: "chain", op, operands, span: ZERO });
}

function between(path: unknown, low: unknown, high: unknown, negated: boolean): BuiltFilter {
  return built({ kind: "between", field: fieldNode(path), negated, low: value(low), high: value(high), span: ZERO });
}

/** The builder's methods named in the operator table (`where.notIlike`), each making its operator's condition. */
type OperatorMethod = (typeof API_OPERATORS)[Operator]["method"];

/** An operator's right side from a builder argument, by what the operator takes. */
function argument(op: Operator, arg: unknown): Operand {
  const shape = API_OPERATORS[op].operand;
  return shape === "list" ? list(arg) : shape === "value" ? operand(arg) : value(arg);
}

function operatorMethods(): Pick<Where, OperatorMethod> {
  return Object.fromEntries(
    OPERATORS.map((op) => [API_OPERATORS[op].method, (f: unknown, arg: unknown) => condition(f, op, argument(op, arg))]),
  ) as unknown as Pick<Where, OperatorMethod>;
}

/** The builder, with any field name. */
export const where: Where = {
  ...operatorMethods(),
  between: (f, low, high) => between(f, low, high, false),
  notBetween: (f, low, high) => between(f, low, high, true),
  isNull: (f) => condition(f, "=", value(null)),
  isNotNull: (f) => condition(f, "<>", value(null)),
  is: (f) => built({ kind: "bare", field: fieldNode(f), span: ZERO }),
  and: (...filters) => chain("and", filters),
  or: (...filters) => chain("or", filters),
  not: (f) => {
    if (!isBuiltFilter(f)) fail("a non-filter operand");
    return built({ kind: "not", operand: f.expr, span: ZERO });
  },
};

/** The builder with field names typed by an endpoint's catalog: `whereFor("backlinks/referring_domains")`. */
export function whereFor<E extends EndpointId, P extends ParamOf<E> = "filters" extends ParamOf<E> ? "filters" : ParamOf<E>>(
  _endpoint: E,
  _param?: P,
): Where<Extract<FieldOf<E, P>, string>> {
  return where as Where<Extract<FieldOf<E, P>, string>>;
}
