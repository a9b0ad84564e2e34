import type { JsonLocation, Span } from "../diagnostics/diagnostic.js";

/*
 * The AST: plain readonly data, discriminated on `kind`. Nodes parsed from text carry the span
 * of their source; nodes raised from JSON arrays (printer, validator) carry a zero span and, in `at`,
 * the place in the JSON value they came from.
 */

interface NodeBase {
  readonly span: Span;
  readonly at?: JsonLocation;
}

// The operators' facts live in operator-table.ts; the AST names them from there.
export { OPERATORS, type Operator } from "./operator-table.js";
import type { Operator } from "./operator-table.js";

export type Connective = "and" | "or";

export interface FieldNode extends NodeBase {
  readonly kind: "field";
  /** The path as sent to the API, e.g. `keyword_info.search_volume`. */
  readonly path: string;
  /** Written in backquotes. */
  readonly quoted: boolean;
  /** Right of a comparison: a reference written so that it cannot be a forgotten quote, in the
   * API's own spelling `"$item->path"` (or from arrays, or `field()` in a template). A bare name
   * there is a reference only where the endpoint documents references and the name is a field. */
  readonly explicit?: boolean;
}

export interface NumberValue extends NodeBase {
  readonly kind: "number";
  readonly value: number;
}
export interface StringValue extends NodeBase {
  readonly kind: "string";
  readonly value: string;
}
export interface BooleanValue extends NodeBase {
  readonly kind: "boolean";
  readonly value: boolean;
}
export interface NullValue extends NodeBase {
  readonly kind: "null";
}

export type TimeUnit = "s" | "m" | "h" | "d" | "w";
export interface TimeShift {
  readonly sign: 1 | -1;
  readonly amount: number;
  readonly unit: TimeUnit;
}
export type TimeAnchor =
  | { readonly kind: "instant"; readonly epochMs: number }
  | { readonly kind: "now" }
  | { readonly kind: "today" };

/** An unquoted date, date-time or relative time; resolved to the API's format when lowered. */
export interface TimeValue extends NodeBase {
  readonly kind: "time";
  readonly anchor: TimeAnchor;
  readonly shifts: readonly TimeShift[];
}

/** A literal that could not be read (its diagnostic is already reported) or is missing. */
export interface InvalidValue extends NodeBase {
  readonly kind: "invalid";
}

export type Value = NumberValue | StringValue | BooleanValue | NullValue | TimeValue | InvalidValue;

export interface ListValue extends NodeBase {
  readonly kind: "list";
  readonly items: readonly Value[];
}

/** What stands right of an operator: a value, a list (`in`), or a field (a field reference). */
export type Operand = Value | ListValue | FieldNode;

/** `field op operand`: every operator the API has, including `is [not] null` as `=`/`<>` null. */
export interface ConditionNode extends NodeBase {
  readonly kind: "condition";
  readonly field: FieldNode;
  readonly op: Operator;
  readonly operand: Operand;
  /** Where the operator was written (for editors); equal to `span` when raised from JSON. */
  readonly opSpan: Span;
}

/** `field [not] between low and high`: two conditions in the output. */
export interface BetweenNode extends NodeBase {
  readonly kind: "between";
  readonly field: FieldNode;
  readonly negated: boolean;
  readonly low: Value;
  readonly high: Value;
}

/** A field alone, read as `field = true`. */
export interface BareFieldNode extends NodeBase {
  readonly kind: "bare";
  readonly field: FieldNode;
}

/** Conditions joined by one connective, in source order. Parentheses that group a chain of the
 * same connective show up as a nested chain, which is how `a and (b and c)` keeps its shape. */
export interface ChainNode extends NodeBase {
  readonly kind: "chain";
  readonly op: Connective;
  readonly operands: readonly Expr[];
}

export interface NotNode extends NodeBase {
  readonly kind: "not";
  readonly operand: Expr;
}

/** Where the parser recovered from an error and no expression could be built. */
export interface InvalidExpr extends NodeBase {
  readonly kind: "invalid";
}

export type Expr = ChainNode | NotNode | ConditionNode | BetweenNode | BareFieldNode | InvalidExpr;

export type SortDirection = "asc" | "desc";

export interface SortRuleNode extends NodeBase {
  readonly kind: "sort";
  readonly field: FieldNode;
  readonly direction: SortDirection;
  /** The direction was written out (not defaulted). */
  readonly explicit: boolean;
}

export interface OrderByNode extends NodeBase {
  readonly kind: "orderBy";
  readonly rules: readonly SortRuleNode[];
}

/** Exhaustiveness guard for `switch (node.kind)`: a new kind fails the typecheck here. */
export function unreachable(value: never): never {
  throw new Error(`dfsq internal error: unhandled ${JSON.stringify(value)}`);
}
