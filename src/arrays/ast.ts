import type { BooleanValue, ChainNode, ConditionNode, FieldNode, NullValue, NumberValue, StringValue } from "../syntax/ast.js";

/*
 * What the array reader makes: the AST of text narrowed to what DataForSEO's arrays can say. An
 * array has no `not`, no `between`, no bare field, no unquoted time and nothing unreadable (the
 * reader reports that instead), so code that only ever sees arrays (the evaluator) handles
 * these kinds and no others, and a new kind of node is a type error there, not a thrown
 * "internal error". Each type is a subtype of its counterpart, so the checks and lowering that
 * take the AST of text take these as they are.
 */

/** A JSON scalar right of an operator. */
export type ArrayValue = NumberValue | StringValue | BooleanValue | NullValue;

export interface ArrayList {
  readonly kind: "list";
  readonly items: readonly ArrayValue[];
  readonly span: ConditionNode["span"];
  readonly at?: ConditionNode["at"];
}

/** A value, a list (`in`), or a field reference (`"$item->path"`). */
export type ArrayOperand = ArrayValue | ArrayList | FieldNode;

export interface ArrayCondition extends ConditionNode {
  readonly operand: ArrayOperand;
}

export interface ArrayGroup extends ChainNode {
  readonly operands: readonly ArrayExpr[];
}

export type ArrayExpr = ArrayGroup | ArrayCondition;
