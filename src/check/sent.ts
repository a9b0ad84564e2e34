import { BETWEEN_SHAPE } from "../arrays/between.js";
import type { Span } from "../diagnostics/diagnostic.js";
import { unreachable, type BooleanValue, type Connective, type FieldNode, type Operand, type Operator } from "../syntax/ast.js";
import { asReference } from "../syntax/operators.js";
import { COMPLEMENT } from "./complement.js";
import type { Leaf } from "./walk.js";

/*
 * What the API is sent for one leaf of a filter: `not` pushed down to the operator (each
 * operator's complement), `between` as two comparisons, a bare field as `= true`. The checks
 * judge these conditions and lowering writes them, so what is checked is what is sent.
 */

/** One condition as it goes over the wire, with the source it came from. */
export interface SentCondition {
  readonly field: FieldNode;
  /** The operator sent. */
  readonly op: Operator;
  readonly operand: Operand;
  /** Where the operator (or the construct standing for it) was written. */
  readonly opSpan: Span;
  /** The leaf as written. */
  readonly leaf: Leaf;
  /** How the user wrote what is sent as `op`, when that differs: `not … <`, `between`. */
  readonly written?: string;
}

/** A leaf is sent as one condition, or as two joined by a connective (`between`). */
export type SentLeaf =
  | { readonly kind: "one"; readonly condition: SentCondition }
  | { readonly kind: "two"; readonly op: Connective; readonly conditions: readonly [SentCondition, SentCondition] };

/** What `leaf` is sent as, under an odd (`negated`) or even number of `not`s. */
export function sentOf(leaf: Leaf, negated: boolean): SentLeaf {
  switch (leaf.kind) {
    case "condition": {
      const op = negated ? COMPLEMENT[leaf.op] : leaf.op;
      const condition: SentCondition = { field: leaf.field, op, operand: leaf.operand, opSpan: leaf.opSpan, leaf };
      return { kind: "one", condition: negated ? { ...condition, written: `not … ${leaf.op}` } : condition };
    }
    case "between": {
      const outside = negated !== leaf.negated;
      const written = `${negated ? "not (… " : ""}${leaf.negated ? "not between" : "between"}${negated ? ")" : ""}`;
      // A bound in the API's reference spelling is sent as a reference, and judged as one.
      const at = (op: Operator, operand: Operand): SentCondition => ({ field: leaf.field, op, operand: asReference(operand), opSpan: leaf.span, leaf, written });
      const op = outside ? "or" : "and";
      const [low, high] = BETWEEN_SHAPE[op];
      return { kind: "two", op, conditions: [at(low, leaf.low), at(high, leaf.high)] };
    }
    case "bare": {
      const value: BooleanValue = { kind: "boolean", value: !negated, span: leaf.field.span, ...(leaf.at === undefined ? {} : { at: leaf.at }) };
      const condition: SentCondition = { field: leaf.field, op: "=", operand: value, opSpan: leaf.field.span, leaf };
      return { kind: "one", condition: negated ? { ...condition, written: "not …" } : condition };
    }
    default:
      return unreachable(leaf);
  }
}

/** The conditions of a sent leaf, in output order. */
export function sentConditions(sent: SentLeaf): readonly SentCondition[] {
  return sent.kind === "one" ? [sent.condition] : sent.conditions;
}
