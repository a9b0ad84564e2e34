import { messages } from "../../diagnostics/messages.js";
import { suggest } from "../../catalog/suggest.js";
import { printFieldPath } from "../../print/print-value.js";
import type { FieldNode } from "../../syntax/ast.js";
import type { FilterRule, RuleContext } from "../rule.js";

/**
 * Every field must be in the endpoint's catalog: an error where the catalog is DataForSEO's own
 * list, a warning where it was derived from response schemas and may miss fields. Up to three
 * "did you mean" suggestions.
 */
export function checkFieldExists(field: FieldNode, ctx: RuleContext): boolean {
  const fields = ctx.catalog?.fields;
  if (fields === undefined || field.path === "" || ctx.fieldOf(field.path) !== undefined) return true;
  const derived = fields.provenance === "derived";
  const close = suggest(field.path, fields.paths());
  ctx.bag.reportAt("unknown_field", field, messages.unknownField(field.path, ctx.catalog!.name, derived), {
    severity: derived ? "warning" : "error",
    hint: close.length > 0 ? messages.didYouMean(close) : undefined,
    suggestions: close,
    // As text that parses (`age_distribution.`18-24``); a `$key` placeholder is no text to insert.
    fixes: field.at === undefined ? close.filter((path) => !path.includes("$")).map((path) => fixTo(field, path)) : undefined,
  });
  return false;
}

const fixTo = (field: FieldNode, path: string) => {
  const text = printFieldPath(path);
  return { title: text, edits: [{ span: field.span, insert: text }] };
};

export const unknownFieldRule: FilterRule = (leaf, ctx) => {
  checkFieldExists(leaf.field, ctx);
};
