import * as messages from "../../diagnostics/messages.js";
import type { OrderByRule } from "../rule.js";

/** The characters JavaScript (and so the API's `"field,desc"` strings, read by zod's `.`) treats
 * as line ends. */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/**
 * A sort field cannot hold a line break: no DataForSEO field has one, and `OrderBySchema` (whose
 * `"field,desc"` pattern stops at line ends) refuses it. Reported on compiled text (a backquoted
 * `` `a\nb` ``) and raw arrays alike, so that what compiles also validates.
 */
export const sortFieldNameRule: OrderByRule = (ast, ctx) => {
  for (const rule of ast.rules) {
    if (LINE_TERMINATOR.test(rule.field.path)) {
      ctx.bag.reportAt("invalid_order_by", rule.field, messages.lineBreakInSortField(rule.field.path));
    }
  }
};
