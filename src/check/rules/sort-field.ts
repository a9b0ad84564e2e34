import { sortability } from "../../catalog/field-catalog.js";
import * as messages from "../../diagnostics/messages.js";
import type { OrderByRule } from "../rule.js";
import { checkFieldExists } from "./unknown-field.js";

/**
 * Order-by fields must exist and be sortable: array fields cannot be sorted (LBF), nor TLD map
 * keys (BLF); other map keys are undocumented either way (a warning).
 */
export const sortFieldRule: OrderByRule = (ast, ctx) => {
  const sortKeys = ctx.catalog?.fields?.sortKeys ?? [];
  for (const rule of ast.rules) {
    if (sortKeys.includes(rule.field.path) || !checkFieldExists(rule.field, ctx)) continue;
    const match = ctx.fieldOf(rule.field.path);
    if (match === undefined) continue;
    switch (sortability(match)) {
      case "sortable":
        break;
      case "not_sortable":
        ctx.bag.reportAt("field_not_sortable", rule.field, messages.fieldNotSortable(rule.field.path, match.type.startsWith("array") ? "array" : "tld"), {
          data: { field: rule.field.path },
        });
        break;
      case "unknown":
        ctx.bag.reportAt("field_not_sortable", rule.field, messages.fieldSortUnknown(rule.field.path), { severity: "warning", data: { field: rule.field.path } });
        break;
    }
  }
};
