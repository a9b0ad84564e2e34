import type { Expr } from "../syntax/ast.js";
import type { FilterRule, RuleContext } from "./rule.js";
import { fieldReferenceRule } from "./rules/field-reference.js";
import { valueShapeRule } from "./rules/value-shape.js";
import { forEachLeaf } from "./walk.js";

/** The checks that hold without a field catalog. */
export const untypedRules: readonly FilterRule[] = [valueShapeRule, fieldReferenceRule];

/** Runs `rules` over every leaf of `expr`, reporting into `ctx.bag`. */
export function checkFilterAst(expr: Expr, ctx: RuleContext, rules: readonly FilterRule[] = untypedRules): void {
  forEachLeaf(expr, (leaf) => {
    for (const rule of rules) rule(leaf, ctx);
  });
}
