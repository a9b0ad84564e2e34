/*
 * The hints of dfsq's diagnostics: how to fix what messages.ts says is wrong. One export per hint,
 * imported as a namespace (`import * as hints`), so a bundle keeps only those it uses.
 */

import { quoteString } from "../values/strings.js";
import { code, snippet } from "./wording.js";

export const quoteText = (text: string) => `if this is text, quote it: "${text}"`;
export const regexEscape = (text: string) =>
  `strings use JSON escapes; for the regex escape ${code(text)} write ${code(`\\${text}`)}`;
export const backslash = () => "write `\\\\` for a literal backslash";
export const leadingZero = (text: string) => `write ${code(String(Number(text.replace(/[^\d.]/g, "")) || 0))}`;
export const leadingDot = (text: string) => `write ${code(`0${text}`)}`;
export const durationUnit = () => "durations take the units s, m, h, d and w, as in `now - 7d`";
export const straightQuotes = () => "use straight quotes: \" or '";
export const addOperator = (field: string) => `add an operator, as in ${snippet(`${field} > 10`)} or ${snippet(`${field} = "text"`)}`;
export const addConnective = () => "join conditions with `and` or `or`";
export const quoteFieldReference = (field: string) => `to compare with the text, quote it: "${field}"`;
export const quoteOrReference = (text: string) =>
  `quote it: ${quoteString(text)}; to compare with another field, write ${quoteString(`$item->${text}`)} on an endpoint that takes field references`;
export const optimize = () =>
  "split the filter into several requests, or narrow it; `in` lists count as one condition";
export const isNull = () => "write `is null` or `is not null`";
export const interpolateField = () => "an interpolated string is always a value; interpolate a field name with ${field(name)}";
export const allowedOperators = (ops: readonly string[]) =>
  ops.length === 0 ? "no operator is documented for this type" : `it takes ${ops.map((o) => code(o)).join(" ")}`;
export const unquoteNumber = (text: string) => `write ${code(text)} without quotes`;
export const timeFormat = () => 'write times as 2024-01-31, 2024-01-31T10:00:00Z or "2024-01-31 10:00:00 +00:00"';
export const addWildcards = (pattern: string) => `for "contains", write ${code(JSON.stringify(`%${pattern}%`))}`;
export const emptyLike = () => 'an empty pattern matches only empty values: to test for one, write `= ""`';
export const compareBare = (field: string, example: string) => `compare it, as in ${snippet(`${field} ${example}`)}`;
export const regexLookaround = () => "RE2 has no lookahead or lookbehind: test the text with a second condition instead, as in `and url not regex \"…\"`";
export const regexBackreference = () => "RE2 has no backreferences: repeat the group's pattern instead";
export const regexUnclosed = (open: string) =>
  `close it with ${code(open === "[" ? "]" : ")")}, or write ${code(`\\${open}`)} for a literal ${code(open)}`;
export const regexLiteral = (char: string) => `write ${code(`\\${char}`)} for a literal ${code(char)}`;
export const regexRepeatTwice = () => "RE2 takes one quantifier per item (no possessive `++`): remove the second";
export const regexCountOrder = () => "write the smaller count first, as in `{2,5}`";
export const regexTooLarge = () => "RE2 allows repeat counts up to 1000 and patterns up to a compiled size: use smaller counts";
export const write = (text: string) => `write ${snippet(text)}`;
export const regexControlEscapeHint = (escape: string) =>
  escape === "\\b"
    ? "write `\\\\b` for a word boundary, or use a raw string: r\"\\bseo\\b\""
    : `write ${code(`\\${escape}`)} for the regex escape, or use a raw string: r"…"`;
export const regexBackspaceValue = () => 'a word boundary is "\\\\b" in JSON';
export const operators = () => "the operators are = <> < <= > >= in like ilike regex (~) match has between is null";
export const likeInstead = (pattern: string) => `write ${snippet(`like "${pattern}"`)}`;
export const containsInstead = (like: string, match: string) => `write ${snippet(like)} for text that contains it, or ${snippet(match)} for the word`;
export const quoteSegment = () => "put the segment in backquotes";
export const calendarUnit = () => "the units are s, m, h, d and w: months and years have no fixed length, so write days, as in `30d`";
export const isoDate = (iso: string) => `write ${snippet(iso)}`;
export const isoFormat = () => "dates are written yyyy-mm-dd, as in `2024-01-31`";
export const separateValues = () => "separate the values of a list with `,`";
export const ambiguousDate = (a: string, b: string) => `write ${snippet(a)} or ${snippet(b)}, whichever is meant`;
export const thousandsInList = (number: string, values: string) => `write ${snippet(number)} for one number, or ${snippet(values)} for several`;
export const quoteIt = (quoted?: string) => (quoted === undefined ? "quote it" : `quote it: ${snippet(quoted)}`);
export const addComma = () => "add `,`";
export const unmatchedCloseHint = (closes: string) =>
  `remove ${closes.length === 1 ? "it" : "them"}, or add the \`${closes.startsWith(")") ? "(" : "["}\` meant to go with ${closes.length === 1 ? "it" : "them"}`;
export const remove = (text: string) => `remove ${snippet(text)}`;
export const conditionInOrderByHint = (field: string) => `conditions go in the filters; here, sort with ${code(`${field},desc`)} or ${code(`${field},asc`)}`;
export const jsonAsTextHint = (mode: "filter" | "orderBy") => {
  const flag = mode === "orderBy" ? " --order-by" : "";
  return `\`dfsq print${flag}\` turns it into dfsq text, \`dfsq validate${flag}\` checks it as it is`;
};
export const simplifyRegex = (repeat: string | undefined) =>
  repeat === undefined
    ? "shorten the pattern, or split its alternatives over conditions joined by `or`"
    : `${code(repeat)} makes RE2 copy what it repeats that many times; use \`*\`, \`+\` or a smaller count`;
/** As JSON, plain: a target to type in a request. */
export const writeQuoted = (text: string) => `write ${JSON.stringify(text)}`;
export const writeInstead = (text: string) => `write ${code(JSON.stringify(text), 80)}`;
export const oneArrayPerCondition = () => 'each condition is an array of its own: [["a", "=", 1], "and", ["b", "=", 2]]';
export const rawBetween = (word: string, arrays: string) => `\`${word}\` is dfsq text; the API wants ${arrays}`;
export const unwrapGroup = () => "remove the outer brackets";
export const sortDirection = (field: string) => `add the direction: ${code(JSON.stringify(`${field},asc`), 80)} or ${code(JSON.stringify(`${field},desc`), 80)}`;
export const headerParams = (params: readonly string[]) => `write one of ${params.map((p) => code(p)).join(", ")}`;
export const unquoteTime = (unquoted: string) => `write it unquoted, ${code(unquoted)}, and dfsq sends it in the API's format`;

// Tasks (the client, validateTask, `dfsq check`)
export const compileFirst = () => "compile the expression into the array first: `dfsq compile '…'`";
export const useDfsqField = (dfsqName: string) => `write the expression as ${code(dfsqName)}, e.g. { ${dfsqName}: "rank > 10" }`;
export const encodeSpaces = () => "encode them as %20";

// The command line's flags, where the library's hint names a task key
export const useFlags = (flags: readonly string[]) => `use ${flags.join(" or ")}`;
export const giveWithFlag = (flag: string) => `give the expression with ${flag}, as in ${flag} 'rank > 10'`;

// Titles of quick fixes, as editors list them (plain text)
export const quoteAs = (quoted: string) => `quote it: ${quoted}`;
export const replaceWith = (text: string) => `replace with ${text}`;
/** The text to write as it is (a time literal). */
export const writeUnquoted = (text: string) => `write ${text}`;
