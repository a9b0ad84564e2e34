import * as messages from "../../diagnostics/messages.js";
import type { Operand, Value } from "../../syntax/ast.js";
import { ELEMENT_OPERATORS, ORDER_OPERATORS, PATTERN_OPERATORS } from "../../syntax/operators.js";
import { describeOperand } from "../describe.js";
import type { FilterRule, RuleContext } from "../rule.js";

/*
 * What each operator can take, whatever the field: patterns are strings, orderings compare
 * numbers or times (or strings, which may hold either), `has` takes one element, lists hold
 * scalars. Field types narrow this further once a catalog is known.
 */

const isOrderable = (v: Operand) => v.kind === "number" || v.kind === "time" || v.kind === "string" || v.kind === "field";
const isScalar = (v: Value) => v.kind === "number" || v.kind === "string" || v.kind === "boolean" || v.kind === "time";

/** What the operator takes, as `type_mismatch` names it (`DiagnosticData`). */
type Takes = "pattern" | "orderable" | "element" | "scalar";

const mismatch = (ctx: RuleContext, operand: Operand, expected: Takes, message: string) =>
  ctx.bag.reportAt("type_mismatch", operand, message, { data: { expected, found: operand.kind } });

export const valueShapeRule: FilterRule = (leaf, ctx) => {
  if (leaf.kind === "between") {
    for (const bound of [leaf.low, leaf.high]) {
      if (bound.kind !== "invalid" && !isOrderable(bound)) mismatch(ctx, bound, "orderable", messages.betweenBound(describeOperand(bound)));
    }
    return;
  }
  if (leaf.kind !== "condition") return;
  const { op, operand } = leaf;
  if (operand.kind === "invalid") return;
  if (PATTERN_OPERATORS.has(op)) {
    if (operand.kind !== "string") mismatch(ctx, operand, "pattern", messages.patternNeedsString(op, describeOperand(operand)));
  } else if (ORDER_OPERATORS.has(op)) {
    if (!isOrderable(operand)) mismatch(ctx, operand, "orderable", messages.comparisonNeedsOrderable(op, describeOperand(operand)));
  } else if (ELEMENT_OPERATORS.has(op)) {
    if (operand.kind === "list" || operand.kind === "null" || operand.kind === "field") {
      mismatch(ctx, operand, "element", messages.hasNeedsScalar(describeOperand(operand)));
    }
  } else if (operand.kind === "list") {
    for (const item of operand.items) {
      if (item.kind !== "invalid" && !isScalar(item)) mismatch(ctx, item, "scalar", messages.listItem(describeOperand(item)));
    }
  }
};
