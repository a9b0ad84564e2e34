import * as messages from "../../diagnostics/messages.js";
import { suggest } from "../../catalog/suggest.js";
import type { Fix } from "../../diagnostics/diagnostic.js";
import { printFieldPath } from "../../syntax/field-path.js";
import type { FieldNode } from "../../syntax/ast.js";
import type { FilterRule, RuleContext } from "../rule.js";

/**
 * Every field must be in the endpoint's catalog: an error where the catalog is DataForSEO's own
 * list, a warning where it was derived from response schemas and may miss fields. Up to three
 * "did you mean" suggestions, each with a quick fix where the field was written in source text.
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
    // A JSON path names no text to edit.
    fixes: field.at === undefined ? replacements(field, close) : undefined,
    data: { field: field.path },
  });
  return false;
}

/** One fix per suggestion, written as it must be (quoted where needed) and titled by that text, as
 * editors show a did-you-mean. A catalog pattern with a placeholder (`referring_links_tld.$tld`)
 * is no field name, so it gets none. */
function replacements(field: FieldNode, paths: readonly string[]): Fix[] {
  return paths
    .filter((path) => !path.split(".").some((segment) => segment.startsWith("$")))
    .map((path) => {
      const insert = printFieldPath(path);
      return { title: insert, edits: [{ span: field.span, insert }] };
    });
}

export const unknownFieldRule: FilterRule = (leaf, ctx) => {
  checkFieldExists(leaf.field, ctx);
};
