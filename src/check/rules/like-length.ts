import * as messages from "../../diagnostics/messages.js";
import { MAX_LIKE_PATTERN } from "../../values/pattern-cost.js";
import { LIKE_OPERATORS } from "../../syntax/operators.js";
import { scoped, type FilterRule } from "../rule.js";


/** `like` patterns are capped in length, so that matching them stays cheap (see pattern-cost.ts). */
export const likeLengthRule: FilterRule = scoped({ kind: "condition", ops: LIKE_OPERATORS }, (leaf, ctx) => {
  if (leaf.kind !== "condition" || !LIKE_OPERATORS.has(leaf.op) || leaf.operand.kind !== "string") return;
  const length = leaf.operand.value.length;
  if (length > MAX_LIKE_PATTERN) ctx.bag.reportAt("like_too_long", leaf.operand, messages.likeTooLong(length, MAX_LIKE_PATTERN), { data: { length, max: MAX_LIKE_PATTERN } });});
