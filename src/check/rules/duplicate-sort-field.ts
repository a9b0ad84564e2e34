import * as messages from "../../diagnostics/messages.js";
import type { OrderByRule } from "../rule.js";

/** A field sorted by twice: the second rule can change nothing (a warning, as DataForSEO's own
 * docs send one). */
export const duplicateSortFieldRule: OrderByRule = (ast, ctx) => {
  const seen = new Set<string>();
  for (const rule of ast.rules) {
    if (seen.has(rule.field.path)) ctx.bag.reportAt("duplicate_sort_field", rule.field, messages.duplicateSortField(rule.field.path), { data: { field: rule.field.path } });
    seen.add(rule.field.path);
  }
};
