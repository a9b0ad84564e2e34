import { tokenMatcher } from "chevrotain";
import { operatorsFor } from "../catalog/operators.js";
import { DiagnosticBag } from "../diagnostics/diagnostic.js";
import * as T from "../syntax/tokens.js";
import { readOptions, resolveCatalogOption } from "../options.js";
import { analyzeScanned } from "./analyze.js";
import { checkPosition } from "./position.js";
import type { AssistOptions, HoverResult } from "./types.js";

const WORDS: Readonly<Record<string, string>> = {
  and: "and: both sides must hold",
  "&&": "&&: both sides must hold (same as and)",
  or: "or: either side must hold",
  "||": "||: either side must hold (same as or)",
  not: "not: the opposite; dfsq pushes it into the conditions, as DataForSEO has no not",
  "!": "!: the opposite (same as not)",
  in: "in: equals one of the listed values",
  not_in: "not_in: equals none of the listed values",
  like: 'like: SQL-style pattern, % for any text ("%seo%" contains seo)',
  not_like: "not_like: does not match the pattern",
  ilike: "ilike: like, ignoring case",
  not_ilike: "not_ilike: does not match the pattern, ignoring case",
  regex: "regex: RE2 regular expression, searched anywhere in the value",
  "~": "~: RE2 regular expression (same as regex)",
  not_regex: "not_regex: the regular expression does not match",
  "!~": "!~: the regular expression does not match (same as not regex)",
  match: "match: the value contains the word",
  not_match: "not_match: the value does not contain the word",
  has: "has: the array holds the value",
  has_not: "has_not: the array does not hold the value",
  between: "between: from … to …, both included (two conditions)",
  is: "is null / is not null",
  null: "null: no value (comparing with null is undocumented)",
  now: "now: the current time, UTC",
  today: "today: midnight UTC today",
  asc: "asc: smallest first",
  desc: "desc: largest first",
  "=": "=: equals",
  "==": "==: equals (same as =)",
  "<>": "<>: does not equal",
  "!=": "!=: does not equal (same as <>)",
  "<": "<: less than",
  "<=": "<=: at most",
  ">": ">: greater than",
  ">=": ">=: at least",
};

/**
 * What is under the cursor: the problem there (message and hint), else the field's type and
 * operators, else what the word means. Null over whitespace and outside the text. Throws
 * DfsqError (`invalid_argument`) when `source` is not a string or `offset` not a whole number.
 */
export function hover(source: string, offset: number, options: AssistOptions = {}): HoverResult | null {
  checkPosition("hover", source, offset);
  const { analysis, scanned } = analyzeScanned(source, options);
  const problem = analysis.diagnostics.find(
    (d) => d.option === undefined && d.path === undefined && d.span.start <= offset && (offset < d.span.end || (d.span.start === d.span.end && offset === d.span.start)),
  );
  if (problem !== undefined) {
    return {
      from: problem.span.start,
      to: Math.max(problem.span.end, problem.span.start),
      text: `${problem.severity} [${problem.code}]: ${problem.message}${problem.hint === undefined ? "" : `\n${problem.hint}`}`,
    };
  }
  const token = scanned.tokens.find((t) => t.startOffset <= offset && offset < t.startOffset + t.image.length);
  if (token === undefined) return null;
  const span = { from: token.startOffset, to: token.startOffset + token.image.length };
  if (tokenMatcher(token, T.FieldName)) {
    const path = typeof token.payload === "string" ? token.payload : token.image;
    const read = readOptions<AssistOptions>(options, () => {});
    const catalog = resolveCatalogOption(read, new DiagnosticBag(source), read.mode === "orderBy" ? "order_by" : "filters");
    const fields = catalog?.fields;
    const match = fields?.lookup(path);
    if (catalog === undefined || fields === undefined || match === undefined) {
      return { ...span, text: fields === undefined || catalog === undefined ? `field ${path}` : `field ${path}: not in ${catalog.name}` };
    }
    const documented = fields.isDocumented(match.pattern) ? "" : " (derived from response schemas)";
    const pattern = match.pattern === path ? "" : ` (${match.pattern})`;
    return {
      ...span,
      text: `${path}${pattern}: ${match.type}${documented}\noperators: ${operatorsFor(catalog, match.type).join(" ")}`,
    };
  }
  const word = WORDS[token.image.toLowerCase()];
  if (word !== undefined) return { ...span, text: word };
  if (tokenMatcher(token, T.StringLiteral)) return { ...span, text: "a string" };
  if (tokenMatcher(token, T.NumberLiteral)) return { ...span, text: "a number" };
  if (token.tokenType === T.DateTime) return { ...span, text: "a date, sent as yyyy-mm-dd hh:mm:ss +00:00 (UTC)" };
  if (token.tokenType === T.Duration) return { ...span, text: "a duration: s, m (minutes), h, d, w" };
  return null;
}
