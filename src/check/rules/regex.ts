import { hints, messages } from "../../diagnostics/messages.js";
import { findRe2SyntaxError } from "../../values/re2-syntax.js";
import type { FilterRule } from "../rule.js";

/** DataForSEO caps regex patterns at 1000 characters (filters-spec.md 2.3). */
export const MAX_PATTERN = 1000;

/**
 * `regex` / `not_regex` patterns must be valid RE2, DataForSEO's engine: no lookaround, no
 * backreferences. Where the literal has no escapes, the span points at the problem inside it.
 */
export const regexRule: FilterRule = (leaf, ctx) => {
  if (leaf.kind !== "condition" || (leaf.op !== "regex" && leaf.op !== "not_regex") || leaf.operand.kind !== "string") return;
  const literal = leaf.operand;
  const pattern = literal.value;
  if (pattern.length > MAX_PATTERN) {
    ctx.bag.reportAt("regex_too_long", literal, messages.regexTooLong(pattern.length));
    return;
  }
  const problem = findRe2SyntaxError(pattern);
  if (problem === undefined) return;
  const source = ctx.bag.source;
  // Offsets inside the pattern map onto the source only when the literal is written verbatim.
  const verbatim =
    literal.at === undefined && source.slice(literal.span.start + 1, literal.span.end - 1) === pattern;
  const start = literal.span.start + 1 + problem.offset;
  const span = verbatim ? { start, end: Math.min(start + Math.max(1, problem.length), literal.span.end - 1) } : literal.span;
  ctx.bag.reportAt("invalid_regex", { span, at: literal.at }, messages.invalidRegex(problem.reason), {
    hint: hints.regexEscapes(),
  });
};
