import * as messages from "../../diagnostics/messages.js";
import type { FilterRule } from "../rule.js";

/** `f = null` / `f is null`: no DataForSEO page documents null in filters (filters-spec.md 2.3). */
export const nullComparisonRule: FilterRule = (leaf, ctx) => {
  // Other operators with null are type mismatches, reported by the value-shape rule.
  if (leaf.kind === "condition" && leaf.operand.kind === "null" && (leaf.op === "=" || leaf.op === "<>")) {
    ctx.bag.reportAt("null_comparison", leaf.operand, messages.nullComparison());
  }
};
