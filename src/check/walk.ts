import { unreachable, type BareFieldNode, type BetweenNode, type ConditionNode, type Expr } from "../syntax/ast.js";

export type Leaf = ConditionNode | BetweenNode | BareFieldNode;

/**
 * Calls `visit` for every leaf in source order, with whether it sits under an odd number of
 * `not`s. Chains are iterated, so only group nesting (capped by `maxDepth`) costs stack.
 */
export function forEachLeaf(expr: Expr, visit: (leaf: Leaf, negated: boolean) => void, negated = false): void {
  switch (expr.kind) {
    case "chain":
      for (const operand of expr.operands) forEachLeaf(operand, visit, negated);
      return;
    case "not":
      forEachLeaf(expr.operand, visit, !negated);
      return;
    case "condition":
    case "between":
    case "bare":
      visit(expr, negated);
      return;
    case "invalid":
      return;
    default:
      unreachable(expr);
  }
}
