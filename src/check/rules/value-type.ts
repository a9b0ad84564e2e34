import type { FieldType } from "../../catalog/endpoints.js";
import * as hints from "../../diagnostics/hints.js";
import * as messages from "../../diagnostics/messages.js";
import type { Value } from "../../syntax/ast.js";
import { PATTERN_OPERATORS } from "../../syntax/operators.js";
import { parseIsoDate } from "../../values/time.js";
import { describeOperand } from "../describe.js";
import type { FilterRule, RuleContext } from "../rule.js";

/*
 * Each value against the field's type: every `in` element, both `between` bounds, the `has`
 * element (an array field's element type). Quoted numbers and booleans are warnings (the docs'
 * own examples quote them; the API's handling is undocumented). A string on a time field must
 * be a time; it is normalised to the API's format when lowered.
 */

/** A number written as text (`"10"`, `" -1.5e3 "` once trimmed): on a number field, the warning `quoted_number`. */
export const NUMERIC = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function elementType(type: FieldType): FieldType {
  return type === "array.str" ? "str" : type === "array.num" ? "num" : type;
}

function checkValue(value: Value, field: string, type: FieldType, ctx: RuleContext): void {
  const mismatch = (hint?: string) =>
    ctx.bag.reportAt("type_mismatch", value, messages.typeMismatch(field, type, describeOperand(value)), { hint, data: { expected: type, found: value.kind } });
  switch (value.kind) {
    case "invalid":
    case "null":
      return;
    case "number":
      if (type !== "num") mismatch(type === "str" ? hints.quoteText(String(value.value)) : type === "time" ? hints.timeFormat() : undefined);
      return;
    case "boolean":
      if (type !== "bool") mismatch();
      return;
    case "time":
      if (type !== "time") mismatch(type === "str" ? hints.quoteText("…") : undefined);
      return;
    case "string":
      if (type === "str") return;
      if (type === "num") {
        if (NUMERIC.test(value.value.trim())) {
          ctx.bag.reportAt("quoted_number", value, messages.quotedNumber(value.value), { hint: hints.unquoteNumber(value.value.trim()), data: { text: value.value } });
        } else mismatch();
      } else if (type === "bool") {
        if (value.value === "true" || value.value === "false") {
          ctx.bag.reportAt("quoted_boolean", value, messages.quotedBoolean(value.value), { hint: hints.unquoteNumber(value.value), data: { text: value.value } });
        } else mismatch();
      } else if (type === "time") {
        const parsed = parseIsoDate(value.value.trim());
        if (!parsed.ok) ctx.bag.reportAt("invalid_date", value, messages.invalidTime(value.value, parsed.problem), { hint: hints.timeFormat(), data: { problem: parsed.problem } });
      }
      return;
  }
}

export const valueTypeRule: FilterRule = (leaf, ctx, sent) => {
  // Patterns are strings whatever the field; whether the field takes a pattern at all is the
  // operator rule's verdict.
  if (leaf.kind === "bare" || (leaf.kind === "condition" && PATTERN_OPERATORS.has(leaf.op))) return;
  const match = ctx.fieldOf(leaf.field.path);
  if (match === undefined) return;
  const type = elementType(match.type);
  if (leaf.kind === "between") {
    // A bound sent as a reference is the field-reference rule's to judge.
    for (const condition of sent) if (condition.operand.kind !== "field" && condition.operand.kind !== "list") checkValue(condition.operand, leaf.field.path, type, ctx);
    return;
  }
  const operand = leaf.operand;
  if (operand.kind === "list") for (const item of operand.items) checkValue(item, leaf.field.path, type, ctx);
  else if (operand.kind !== "field") checkValue(operand, leaf.field.path, type, ctx);
};
