import * as messages from "../../diagnostics/messages.js";
import type { OrderByRule } from "../rule.js";

/** A sort rule is sent as `field,direction`: a comma inside the field (written in backquotes)
 * would be read as the end of its name. */
export const sortFieldCommaRule: OrderByRule = (ast, ctx) => {
  for (const rule of ast.rules) {
    if (rule.field.path.includes(",")) ctx.bag.reportAt("invalid_order_by", rule.field, messages.commaInSortField(rule.field.path));
  }
};
