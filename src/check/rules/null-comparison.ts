import * as messages from "../../diagnostics/messages.js";
import type { Operator } from "../../syntax/ast.js";
import { scoped, type FilterRule } from "../rule.js";

const EQUALITY: ReadonlySet<Operator> = new Set(["=", "<>"]);

/** `f = null` / `f is null`: no DataForSEO page documents null in filters (filters-spec.md 2.3). */
export const nullComparisonRule: FilterRule = scoped({ kind: "condition", ops: EQUALITY }, (leaf, ctx) => {
  // Other operators with null are type mismatches, reported by the value-shape rule.
  if (leaf.kind === "condition" && leaf.operand.kind === "null" && (leaf.op === "=" || leaf.op === "<>")) {
    ctx.bag.reportAt("null_comparison", leaf.operand, messages.nullComparison());
  }
});
