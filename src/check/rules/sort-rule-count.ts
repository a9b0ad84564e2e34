import * as messages from "../../diagnostics/messages.js";
import type { OrderByRule } from "../rule.js";

/** DataForSEO takes at most `maxSortRules` (3) sort rules; the first one past the limit is marked. */
export const sortRuleCountRule: OrderByRule = (ast, ctx) => {
  const extra = ast.rules[ctx.limits.maxSortRules];
  if (extra !== undefined) ctx.bag.reportAt("too_many_sort_rules", extra, messages.tooManySortRules(ast.rules.length, ctx.limits.maxSortRules), {
      data: { count: ast.rules.length, max: ctx.limits.maxSortRules },
    });
};
