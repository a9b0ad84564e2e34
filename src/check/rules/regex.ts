import * as hints from "../../diagnostics/hints.js";
import * as messages from "../../diagnostics/messages.js";
import { findRe2SyntaxError, type RegexProblem } from "../../values/re2-syntax.js";
import { REGEX_OPERATORS } from "../../syntax/operators.js";
import { scoped, type FilterRule } from "../rule.js";

/** DataForSEO caps regex patterns at 1000 characters (filters-spec.md 2.3). */
export const MAX_PATTERN = 1000;

/**
 * `regex` / `not_regex` patterns must be valid RE2, DataForSEO's engine: no lookaround, no
 * backreferences. Where the literal has no escapes, the span points at the problem inside it.
 */
export const regexRule: FilterRule = scoped({ kind: "condition", ops: REGEX_OPERATORS }, (leaf, ctx) => {
  if (leaf.kind !== "condition" || !REGEX_OPERATORS.has(leaf.op) || leaf.operand.kind !== "string") return;
  const literal = leaf.operand;
  const pattern = literal.value;
  if (pattern.length > MAX_PATTERN) {
    ctx.bag.reportAt("regex_too_long", literal, messages.regexTooLong(pattern.length, MAX_PATTERN), { data: { length: pattern.length, max: MAX_PATTERN } });
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
    hint: hintFor(pattern, problem),
    data: { reason: problem.reason },
  });});

/** A quantifier: `*`, `+`, `?` or a count, lazy or not. */
const QUANTIFIER = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/;

/**
 * The hint for what the pattern holds where RE2 stopped, read from the pattern itself; none where
 * none fits (the reason then says it all).
 */
function hintFor(pattern: string, { offset }: RegexProblem): string | undefined {
  const at = pattern.slice(offset);
  if (/^\(\?<?[=!]/.test(at)) return hints.regexLookaround();
  if (/^(?:\\[1-9kg]|\(\?P[=>])/.test(at)) return hints.regexBackreference();
  if (/^(?:\[|\((?!\?))/.test(at)) return hints.regexUnclosed(at[0]!);
  if (/^[)\]]/.test(at)) return hints.regexLiteral(at[0]!);
  const quantifier = QUANTIFIER.exec(at)?.[0];
  if (quantifier === undefined) return undefined;
  const count = /^\{(\d+),(\d+)\}/.exec(at);
  if (count !== null && Number(count[1]) > Number(count[2])) return hints.regexCountOrder();
  // Nothing before it to repeat: meant as the character itself.
  if (offset === 0 || "(|".includes(pattern[offset - 1]!)) return hints.regexLiteral(at[0]!);
  if (QUANTIFIER.test(at.slice(quantifier.length))) return hints.regexRepeatTwice();
  // A quantifier on something: RE2's bounds on repeat counts and on the compiled size.
  return hints.regexTooLarge();
}
