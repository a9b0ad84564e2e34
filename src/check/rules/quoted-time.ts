import * as hints from "../../diagnostics/hints.js";
import * as messages from "../../diagnostics/messages.js";
import { ORDER_OPERATORS } from "../../syntax/operators.js";
import { formatApiTime, isCanonicalApiTime, parseIsoDate, timeLiteral } from "../../values/time.js";
import { scoped, type FilterRule } from "../rule.js";

/**
 * `first_seen > "2024-01-31"` with no catalog that says `first_seen` holds times: the string goes
 * out as written, and DataForSEO's times are `yyyy-mm-dd hh:mm:ss +00:00`. Where the field's type
 * is known the value-type rule converts or refuses it; here the fix is to write the date unquoted,
 * which dfsq sends in the API's format.
 */
export const quotedTimeRule: FilterRule = scoped({ kind: "condition", ops: ORDER_OPERATORS }, (leaf, ctx) => {
  if (leaf.kind !== "condition" || !ORDER_OPERATORS.has(leaf.op) || leaf.operand.kind !== "string") return;
  if (ctx.fieldOf(leaf.field.path) !== undefined) return;
  const literal = leaf.operand;
  const text = literal.value.trim();
  if (isCanonicalApiTime(text)) return;
  const parsed = parseIsoDate(text);
  if (!parsed.ok) return;
  const unquoted = timeLiteral(formatApiTime(parsed.epochMs));
  ctx.bag.reportAt("quoted_time", literal, messages.quotedTime(literal.value), {
    data: { text: literal.value },
    hint: hints.unquoteTime(unquoted),
    fixes: literal.at === undefined ? [{ title: hints.writeUnquoted(unquoted), edits: [{ span: literal.span, insert: unquoted }] }] : undefined,
  });});
