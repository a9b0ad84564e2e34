import { hints, messages } from "../../diagnostics/messages.js";
import type { FilterRule } from "../rule.js";

/**
 * `f > g` compiles to `[f, ">", "$item->g"]`, which only some DataForSEO Labs endpoints accept.
 * Without a catalog that cannot be known, so every field reference gets a warning; it is also the
 * likeliest reading of a forgotten quote (`domain = example`).
 */
export const fieldReferenceRule: FilterRule = (leaf, ctx) => {
  if (leaf.kind !== "condition" || leaf.operand.kind !== "field") return;
  ctx.bag.reportAt("field_reference", leaf.operand, messages.fieldReference(leaf.operand.path), {
    hint: hints.quoteFieldReference(leaf.operand.path),
  });
};
