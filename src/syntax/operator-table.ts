import type { Operator } from "./ast.js";

/*
 * What each operator and keyword of the language means, in one table: completion's details and
 * info, hover and the playground's syntax help all read it, so that they never word an operator
 * two ways. Code in the texts is in backquotes (see diagnostics/segments.ts for how renderers
 * show it).
 */

/** What stands right of an operator. */
export type OperandShape = "value" | "list" | "pattern" | "element" | "range" | "none";

/** An operator as written between a field and its operand. */
export interface OperatorEntry {
  /** The spelling completion inserts: `=`, `not like`, `between`, `is null`. */
  readonly text: string;
  /** Other spellings with the same meaning: `==`, `not_like`, `~`. */
  readonly aliases: readonly string[];
  /** The API operators the condition is sent with; `between` makes two conditions. */
  readonly sends: readonly Operator[];
  /** A few words, shown beside the operator in completion lists. */
  readonly meaning: string;
  readonly example: string;
  readonly operand: OperandShape;
  /** The entry `not` in front of this one makes (`like` → `not like`). */
  readonly negation?: string;
  /** Set where the API documents no such use: said in completion and hover. */
  readonly caution?: string;
}

const NULL_CAUTION = "DataForSEO does not document comparing with `null`";

export const OPERATOR_TABLE: readonly OperatorEntry[] = [
  { text: "=", aliases: ["=="], sends: ["="], meaning: "equals", example: 'domain = "example.com"', operand: "value" },
  { text: "<>", aliases: ["!="], sends: ["<>"], meaning: "does not equal", example: 'domain <> "example.com"', operand: "value" },
  { text: ">", aliases: [], sends: [">"], meaning: "greater than", example: "rank > 100", operand: "value" },
  { text: ">=", aliases: [], sends: [">="], meaning: "at least", example: "rank >= 100", operand: "value" },
  { text: "<", aliases: [], sends: ["<"], meaning: "less than", example: "backlinks_spam_score < 30", operand: "value" },
  { text: "<=", aliases: [], sends: ["<="], meaning: "at most", example: "backlinks_spam_score <= 30", operand: "value" },
  { text: "in", aliases: [], sends: ["in"], meaning: "equals one of a list", example: 'domain in ("a.com", "b.org")', operand: "list", negation: "not in" },
  { text: "not in", aliases: ["not_in"], sends: ["not_in"], meaning: "equals none of a list", example: 'domain not in ("a.com", "b.org")', operand: "list" },
  { text: "like", aliases: [], sends: ["like"], meaning: "matches a pattern, `%` for any text", example: 'domain like "%seo%"', operand: "pattern", negation: "not like" },
  { text: "not like", aliases: ["not_like"], sends: ["not_like"], meaning: "does not match a pattern", example: 'domain not like "%seo%"', operand: "pattern" },
  { text: "ilike", aliases: [], sends: ["ilike"], meaning: "`like`, ignoring case", example: 'anchor ilike "%SEO%"', operand: "pattern", negation: "not ilike" },
  { text: "not ilike", aliases: ["not_ilike"], sends: ["not_ilike"], meaning: "`not like`, ignoring case", example: 'anchor not ilike "%SEO%"', operand: "pattern" },
  { text: "regex", aliases: ["~"], sends: ["regex"], meaning: "an RE2 regular expression matches somewhere in it", example: 'domain regex "^shop[.]"', operand: "pattern", negation: "not regex" },
  { text: "not regex", aliases: ["!~", "not_regex"], sends: ["not_regex"], meaning: "the RE2 regular expression matches nowhere in it", example: 'domain not regex "^shop[.]"', operand: "pattern" },
  { text: "match", aliases: [], sends: ["match"], meaning: "contains the word", example: 'anchor match "seo"', operand: "pattern", negation: "not match" },
  { text: "not match", aliases: ["not_match"], sends: ["not_match"], meaning: "does not contain the word", example: 'anchor not match "seo"', operand: "pattern" },
  { text: "has", aliases: [], sends: ["has"], meaning: "the array holds the value", example: 'domain_from_platform_type has "cms"', operand: "element", negation: "not has" },
  { text: "not has", aliases: ["has_not"], sends: ["has_not"], meaning: "the array does not hold the value", example: 'domain_from_platform_type not has "cms"', operand: "element" },
  { text: "between", aliases: [], sends: [">=", "<="], meaning: "from … to …, both included (two conditions)", example: "rank between 10 and 100", operand: "range", negation: "not between" },
  { text: "not between", aliases: [], sends: ["<", ">"], meaning: "below … or above … (two conditions)", example: "rank not between 10 and 100", operand: "range" },
  { text: "is null", aliases: [], sends: ["="], meaning: "has no value", example: "main_domain is null", operand: "none", caution: NULL_CAUTION },
  { text: "is not null", aliases: [], sends: ["<>"], meaning: "has a value", example: "main_domain is not null", operand: "none", caution: NULL_CAUTION },
];

/** A connective, or `not` in front of a condition or group. */
export interface WordEntry {
  readonly text: string;
  readonly aliases: readonly string[];
  readonly meaning: string;
  readonly example?: string;
}

export const CONNECTIVES: readonly WordEntry[] = [
  { text: "and", aliases: ["&&"], meaning: "both sides hold", example: "rank > 10 and dofollow" },
  { text: "or", aliases: ["||"], meaning: "either side holds", example: "rank > 10 or backlinks > 100" },
  { text: "not", aliases: ["!"], meaning: "the opposite; pushed into the conditions, as DataForSEO has no `not`", example: "not (rank > 10)" },
];

/** The other words of the language: values and sort directions. */
export const VALUE_WORDS: readonly WordEntry[] = [
  { text: "now", aliases: [], meaning: "the current time, UTC", example: "first_seen > now - 30d" },
  { text: "today", aliases: [], meaning: "midnight UTC today", example: "first_seen >= today" },
  { text: "true", aliases: [], meaning: "the boolean true" },
  { text: "false", aliases: [], meaning: "the boolean false" },
  { text: "null", aliases: [], meaning: "no value; DataForSEO does not document comparing with it" },
  { text: "asc", aliases: [], meaning: "smallest first (the default)", example: "rank asc" },
  { text: "desc", aliases: [], meaning: "largest first", example: "rank desc" },
];

/** The entry a written operator belongs to, by any spelling (`not_like`, `~`, `IS NULL`). */
export function operatorEntry(written: string): OperatorEntry | undefined {
  const text = written.toLowerCase().replace(/\s+/g, " ").trim();
  return OPERATOR_TABLE.find((e) => e.text === text || e.aliases.includes(text));
}

/** The connective or word entry of a keyword, by any spelling. */
export function wordEntry(written: string): WordEntry | undefined {
  const text = written.toLowerCase();
  return [...CONNECTIVES, ...VALUE_WORDS].find((e) => e.text === text || e.aliases.includes(text));
}

/** The longer explanation of an operator: meaning, example, what is sent, any caution. */
export function describeOperator(entry: OperatorEntry): string {
  const sent =
    entry.operand === "range"
      ? `sent as ${entry.sends.map((op) => `\`${op}\``).join(" and ")}`
      : `sent as \`${entry.sends[0]}\`${entry.operand === "none" ? " with `null`" : ""}`;
  const spellings = entry.aliases.length === 0 ? "" : `; also written ${entry.aliases.map((a) => `\`${a}\``).join(", ")}`;
  const lines = [`\`${entry.text}\`: ${entry.meaning}`, `example: \`${entry.example}\``, `${sent}${spellings}`];
  if (entry.caution !== undefined) lines.push(entry.caution);
  return lines.join("\n");
}

/** The explanation of a connective or word, as hover shows it. */
export function describeWord(entry: WordEntry): string {
  const spellings = entry.aliases.length === 0 ? "" : ` (also written ${entry.aliases.map((a) => `\`${a}\``).join(", ")})`;
  return `\`${entry.text}\`: ${entry.meaning}${spellings}${entry.example === undefined ? "" : `\nexample: \`${entry.example}\``}`;
}
