import { hints, messages } from "../../diagnostics/messages.js";
import type { FilterRule } from "../rule.js";
import { checkFieldExists } from "./unknown-field.js";

/**
 * `f > g` compiles to `[f, ">", "$item->g"]`, which only some DataForSEO Labs endpoints accept
 * (filters-spec.md 1.1). Without an endpoint that cannot be known: a warning, also because a
 * field on the right is the likeliest reading of a forgotten quote (`domain = example`). With
 * one: an error where references are not accepted, else both fields must exist and share a type.
 */
export const fieldReferenceRule: FilterRule = (leaf, ctx) => {
  if (leaf.kind !== "condition" || leaf.operand.kind !== "field") return;
  const ref = leaf.operand;
  const endpoint = ctx.catalog?.endpoint;
  if (endpoint === undefined) {
    ctx.bag.reportAt("field_reference", ref, messages.fieldReference(ref.path), { hint: hints.quoteFieldReference(ref.path) });
    return;
  }
  if (endpoint.fieldReferences === undefined) {
    ctx.bag.reportAt("field_reference", ref, messages.fieldReferenceUnsupported(endpoint.id), {
      severity: "error",
      hint: hints.quoteFieldReference(ref.path),
    });
    return;
  }
  if (endpoint.fieldReferences === "undocumented") {
    ctx.bag.reportAt("field_reference", ref, messages.fieldReferenceUndocumented(endpoint.id), {
      hint: hints.quoteFieldReference(ref.path),
    });
  }
  if (!checkFieldExists(ref, ctx)) return;
  const left = ctx.fieldOf(leaf.field.path);
  const right = ctx.fieldOf(ref.path);
  if (left !== undefined && right !== undefined && left.type !== right.type) {
    ctx.bag.reportAt("type_mismatch", ref, messages.fieldReferenceTypes(leaf.field.path, left.type, ref.path, right.type));
  }
};
