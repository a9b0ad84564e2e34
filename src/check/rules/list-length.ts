import * as messages from "../../diagnostics/messages.js";
import { scoped, type FilterRule } from "../rule.js";

/** `in` lists need a value, and at most `maxListLength` of them (a cap on hostile input). */
export const listLengthRule: FilterRule = scoped({ kind: "condition" }, (leaf, ctx) => {
  if (leaf.kind !== "condition" || leaf.operand.kind !== "list") return;
  const list = leaf.operand;
  const max = ctx.limits.maxListLength;
  if (list.items.length === 0) ctx.bag.reportAt("empty_list", list, messages.emptyList());
  else if (list.items.length > max) ctx.bag.reportAt("list_too_long", list.items[max]!, messages.listTooLong(list.items.length, max), { data: { length: list.items.length, max } });});
