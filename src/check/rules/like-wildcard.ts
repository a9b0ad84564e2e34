import { hints, messages } from "../../diagnostics/messages.js";
import type { FilterRule } from "../rule.js";

const LIKES = new Set(["like", "not_like", "ilike", "not_ilike"]);

/** `like "seo"` matches only the value "seo"; people who write it usually mean "contains". */
export const likeWildcardRule: FilterRule = (leaf, ctx) => {
  if (leaf.kind !== "condition" || !LIKES.has(leaf.op) || leaf.operand.kind !== "string") return;
  const pattern = leaf.operand.value;
  if (pattern.includes("%")) return;
  ctx.bag.reportAt("like_without_wildcard", leaf.operand, messages.likeWithoutWildcard(leaf.op, pattern), {
    hint: hints.addWildcards(pattern),
  });
};
