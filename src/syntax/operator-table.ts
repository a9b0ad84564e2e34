/*
 * What each operator and keyword of the language means, in one table: the API operators' names,
 * spellings, complements and families (which the parser's spellings, lowering's `not`, the
 * printer, the catalog's profiles, the builder and the test generators derive from), and
 * completion's details and info, hover and the playground's syntax help, so that they never word
 * an operator two ways. Code in the texts is in backquotes (see diagnostics/segments.ts for how
 * renderers show it). test/syntax/operator-table.test.ts checks the lexer's keywords against it
 * and counts the files that spell an API operator's name outside it.
 */

/** What stands right of an operator. */
export type OperandShape = "value" | "list" | "pattern" | "element" | "range" | "none";

/**
 * Operators that the API documents and lists together: a profile or type list names whole
 * families (`regex` and `not_regex`), and the checks ask about a family, not a spelling.
 */
export type OperatorFamily = "equality" | "order" | "list" | "like" | "ilike" | "regex" | "match" | "element";

interface ApiOperatorFacts<Name extends string> {
  /** The operator that holds exactly when this one does not (for present, non-null values): `not` lowers to it. */
  readonly complement: Name;
  readonly family: OperatorFamily;
  /** The canonical spelling, which the printer writes and completion inserts: `not like` for `not_like`. */
  readonly text: string;
  /** Other spellings with the same meaning: `not_like`, `~`, `==`. */
  readonly aliases: readonly string[];
  /** A few words, shown beside the operator in completion lists. */
  readonly meaning: string;
  readonly example: string;
  readonly operand: OperandShape;
  /** The builder's method (`where.notIlike`). */
  readonly method: string;
}

const apiOperators = <const T extends { readonly [K in keyof T]: ApiOperatorFacts<Extract<keyof T, string>> }>(table: T): T => table;

/** The DataForSEO filter operators, as they appear in the arrays, with everything dfsq knows of each. */
export const API_OPERATORS = apiOperators({
  "=": { method: "eq", complement: "<>", family: "equality", text: "=", aliases: ["=="], meaning: "equals", example: 'domain = "example.com"', operand: "value" },
  "<>": { method: "ne", complement: "=", family: "equality", text: "<>", aliases: ["!="], meaning: "does not equal", example: 'domain <> "example.com"', operand: "value" },
  "<": { method: "lt", complement: ">=", family: "order", text: "<", aliases: [], meaning: "less than", example: "backlinks_spam_score < 30", operand: "value" },
  "<=": { method: "le", complement: ">", family: "order", text: "<=", aliases: [], meaning: "at most", example: "backlinks_spam_score <= 30", operand: "value" },
  ">": { method: "gt", complement: "<=", family: "order", text: ">", aliases: [], meaning: "greater than", example: "rank > 100", operand: "value" },
  ">=": { method: "ge", complement: "<", family: "order", text: ">=", aliases: [], meaning: "at least", example: "rank >= 100", operand: "value" },
  in: { method: "in", complement: "not_in", family: "list", text: "in", aliases: [], meaning: "equals one of a list", example: 'domain in ("a.com", "b.org")', operand: "list" },
  not_in: { method: "notIn", complement: "in", family: "list", text: "not in", aliases: ["not_in"], meaning: "equals none of a list", example: 'domain not in ("a.com", "b.org")', operand: "list" },
  like: { method: "like", complement: "not_like", family: "like", text: "like", aliases: [], meaning: "matches a pattern, `%` for any text", example: 'domain like "%seo%"', operand: "pattern" },
  not_like: { method: "notLike", complement: "like", family: "like", text: "not like", aliases: ["not_like"], meaning: "does not match a pattern", example: 'domain not like "%seo%"', operand: "pattern" },
  ilike: { method: "ilike", complement: "not_ilike", family: "ilike", text: "ilike", aliases: [], meaning: "`like`, ignoring case", example: 'anchor ilike "%SEO%"', operand: "pattern" },
  not_ilike: { method: "notIlike", complement: "ilike", family: "ilike", text: "not ilike", aliases: ["not_ilike"], meaning: "`not like`, ignoring case", example: 'anchor not ilike "%SEO%"', operand: "pattern" },
  regex: { method: "regex", complement: "not_regex", family: "regex", text: "regex", aliases: ["~"], meaning: "an RE2 regular expression matches somewhere in it", example: 'domain regex "^shop[.]"', operand: "pattern" },
  not_regex: { method: "notRegex", complement: "regex", family: "regex", text: "not regex", aliases: ["!~", "not_regex"], meaning: "the RE2 regular expression matches nowhere in it", example: 'domain not regex "^shop[.]"', operand: "pattern" },
  match: { method: "match", complement: "not_match", family: "match", text: "match", aliases: [], meaning: "contains the word", example: 'anchor match "seo"', operand: "pattern" },
  not_match: { method: "notMatch", complement: "match", family: "match", text: "not match", aliases: ["not_match"], meaning: "does not contain the word", example: 'anchor not match "seo"', operand: "pattern" },
  has: { method: "has", complement: "has_not", family: "element", text: "has", aliases: [], meaning: "the array holds the value", example: 'domain_from_platform_type has "cms"', operand: "element" },
  has_not: { method: "hasNot", complement: "has", family: "element", text: "not has", aliases: ["has_not"], meaning: "the array does not hold the value", example: 'domain_from_platform_type not has "cms"', operand: "element" },
});

/** The DataForSEO filter operators, as they appear in the arrays. */
export type Operator = keyof typeof API_OPERATORS;

/** Every API operator, in the table's order. */
export const OPERATORS = Object.keys(API_OPERATORS) as readonly Operator[];

/** The API operators of some families, in the table's order. */
export function operatorsOf(...families: readonly OperatorFamily[]): readonly Operator[] {
  return OPERATORS.filter((op) => families.includes(API_OPERATORS[op].family));
}

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

/** An API operator as written: `not` in front of it makes its complement where that is spelled `not …`. */
function writtenApiOperator(op: Operator): OperatorEntry {
  const { complement, text, aliases, meaning, example, operand } = API_OPERATORS[op];
  const negated = API_OPERATORS[complement].text;
  const entry = { text, aliases, sends: [op], meaning, example, operand };
  return negated === `not ${text}` ? { ...entry, negation: negated } : entry;
}

// Comparisons in the order people read them (`>` before `<`); the rest in the table's order.
const WRITTEN_ORDER: readonly Operator[] = [...operatorsOf("equality"), ">", ">=", "<", "<=", ...OPERATORS.filter((op) => !["equality", "order"].includes(API_OPERATORS[op].family))];

export const OPERATOR_TABLE: readonly OperatorEntry[] = [
  ...WRITTEN_ORDER.map(writtenApiOperator),
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
