import * as hints from "../../diagnostics/hints.js";
import * as messages from "../../diagnostics/messages.js";
import { quoteString } from "../../values/strings.js";
import { LIKE_OPERATORS } from "../../syntax/operators.js";
import { scoped, type FilterRule } from "../rule.js";


/**
 * `like "seo"` matches only the value "seo"; people who write it usually mean "contains", which
 * the fix writes (where the pattern is text in the source). `like ""` matches only empty values.
 */
export const likeWildcardRule: FilterRule = scoped({ kind: "condition", ops: LIKE_OPERATORS }, (leaf, ctx) => {
  if (leaf.kind !== "condition" || !LIKE_OPERATORS.has(leaf.op) || leaf.operand.kind !== "string") return;
  const literal = leaf.operand;
  const pattern = literal.value;
  if (pattern.includes("%")) return;
  const contains = quoteString(`%${pattern}%`);
  const written = literal.at === undefined && /^["'rR]/.test(ctx.bag.source.slice(literal.span.start, literal.span.end));
  ctx.bag.reportAt("like_without_wildcard", literal, messages.likeWithoutWildcard(leaf.op, pattern), {
    data: { pattern },
    hint: pattern === "" ? hints.emptyLike() : hints.addWildcards(pattern),
    fixes: pattern === "" || !written ? undefined : [{ title: hints.write(contains), edits: [{ span: literal.span, insert: contains }] }],
  });});
