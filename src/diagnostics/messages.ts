/*
 * The wording of every diagnostic outside the parser (whose wording lives beside it in
 * syntax/parse-errors.ts). Checks decide what is wrong and pass facts; these functions decide how
 * it reads. Messages name things as the user wrote them, never internal token classes.
 */

import { quoteString } from "../values/strings.js";

/** `text` in backquotes, shortened for messages. */
export function code(text: string, max = 40): string {
  const short = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return `\`${short.replace(/`/g, "'")}\``;
}

/** Source text to type, in a code span: kept whole up to `max` (the start is cut, the end is where
 * a fix usually is), and with backquotes in it shown as they are, between double backquotes. */
export function snippet(text: string, max = 80): string {
  const short = text.length > max ? `…${text.slice(text.length - max + 1)}` : text;
  return short.includes("`") ? `\`\` ${short} \`\`` : `\`${short}\``;
}

const TYPE_NAMES: Record<string, string> = {
  num: "number",
  str: "string",
  bool: "boolean",
  time: "time",
  "array.str": "string-array",
  "array.num": "number-array",
};
/** How a catalog type reads in a message: "number", "string-array". */
export const typeName = (type: string) => TYPE_NAMES[type] ?? type;

/** Where a `not` or a `between` turned what was written into another operator, say so. */
const sentFor = (op: string, written: string | undefined) => (written === undefined ? "" : ` (${code(written)} is sent as ${code(op)})`);

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const messages = {
  unexpectedCharacter: (text: string) => `unexpected character ${code(text)}`,
  curlyQuote: () => "typographic quotes are not string delimiters",
  unterminatedString: () => "this string has no closing quote",
  unterminatedField: () => "this quoted field name has no closing backquote",
  invalidEscape: (text: string) => `invalid escape sequence ${code(text)}`,
  invalidNumber: (text: string) => `${code(text)} is not a number`,
  numberOutOfRange: (text: string) => `${code(text)} is too large to be a number`,
  impreciseNumber: (text: string, value: number) =>
    `${code(text)} cannot be represented exactly; it would be sent as ${value}`,
  invalidDate: (text: string, reason: string) => `${code(text)} is not a valid date: ${reason}`,
  timeOutOfRange: () => "this time falls outside the years 0000–9999",
  invalidNow: () => "`options.now` is not a valid instant",
  fractionalSeconds: (text: string) =>
    `${code(text)} has fractions of a second; DataForSEO times are whole seconds, so they are dropped`,
  emptyFieldName: () => "a field name cannot be empty",
  inputTooLong: (length: number, max: number) =>
    `the input is ${length} characters long; the limit is ${max}`,
  nestingTooDeep: (max: number) => `groups and \`not\`s are nested more than ${max} deep`,
  listTooLong: (length: number, max: number) =>
    `this list has ${length} values; the limit is ${max}`,
  emptyList: () => "an `in` list needs at least one value",
  fieldReference: (field: string) =>
    `${code(`"$item->${field}"`)} is a reference to another field, which only some DataForSEO Labs endpoints accept; name the endpoint to check it`,
  unquotedText: (text: string, op: string) => `${code(text)} right of ${code(op)} is not quoted`,
  unquotedOnReferenceEndpoint: (text: string, op: string, endpoint: string) =>
    `${code(text)} right of ${code(op)} is neither quoted nor a field of ${code(endpoint, 80)}`,
  interpolatedReference: (value: string) =>
    `the string ${code(JSON.stringify(value))} would be read by DataForSEO as a reference to another field; interpolate a field with \${field(name)}`,
  patternNeedsString: (op: string, found: string) =>
    `${code(op)} takes a quoted string, found ${found}`,
  comparisonNeedsOrderable: (op: string, found: string) =>
    `${code(op)} compares numbers or times, found ${found}`,
  hasNeedsScalar: (found: string) => `\`has\` takes a single string or number, found ${found}`,
  betweenBound: (found: string) => `\`between\` takes numbers or times, found ${found}`,
  listItem: (found: string) => `an \`in\` list holds strings, numbers or booleans, found ${found}`,
  tooManyConditions: (count: number, max: number) =>
    `this filter has ${plural(count, "condition")}; DataForSEO accepts at most ${max}`,
  tooManySortRules: (count: number, max: number) =>
    `this order-by has ${plural(count, "rule")}; DataForSEO accepts at most ${max}`,
  duplicateSortField: (field: string) => `${code(field)} is already sorted on; the later rule has no effect`,
  contradiction: (field: string, conditions: readonly (readonly [op: string, value: string])[]) =>
    `${conditions.map(([op, value]) => code(`${field} ${op} ${value}`, 80)).join(" and ")} cannot all hold: DataForSEO would answer with no items and still charge for the call`,
  filterRewritten: (from: number, to: number, max: number, log: { readonly dropped: number; readonly merged: readonly { field: string; op: string; from: number }[] }) => {
    const changes = [
      ...log.merged.map((m) => `merged ${m.from} conditions on ${code(m.field)} into one ${code(m.op)}`),
      ...(log.dropped > 0 ? [`dropped ${plural(log.dropped, "repeated operand")}`] : []),
    ];
    return `this filter has ${plural(from, "condition")}, over DataForSEO's ${max}, so dfsq ${changes.join(" and ")}: ${plural(to, "condition")} are sent, with the same meaning`;
  },
  commaInSortField: (field: string) =>
    `${code(field)} contains a comma, which DataForSEO reads as the end of the field name`,
  mixedConnectives: () =>
    "this group mixes `and` and `or` at one level; DataForSEO defines no precedence between them",
  invalidFilter: (what: string) => what,
  notAFilterPart: (key: string, keys: readonly string[]) =>
    `${code(key)} is not a filter parameter or order_by; an object of filters takes ${keys.map((k) => code(k)).join(", ")}`,
  invalidInterpolation: (found: string) =>
    `${found} cannot be interpolated: a template takes strings, finite numbers, booleans, null, dates, arrays of those, and field("name")`,
  fieldInList: () => "a field name cannot stand in an `in` list",
  nestedList: () => "an interpolated array cannot hold another array",
  unknownEndpoint: (id: string) => `${code(id)} is not a DataForSEO endpoint that dfsq knows`,
  didYouMean: (names: readonly string[]) => `did you mean ${names.map((n) => code(n, 80)).join(", ")}?`,
  listEndpointsHint: () => "run `dfsq endpoints` for the list",
  unsupportedParameter: (endpoint: string, param: string, supported: readonly string[]) =>
    `${code(endpoint)} takes no ${code(param)}${supported.length > 0 ? `; it takes ${supported.map((p) => code(p)).join(", ")}` : ""}`,
  invalidCatalog: (why: string) => `the catalog cannot be used: ${why}`,
  catalogsNotLoaded: (endpoint?: string) =>
    `this bundle of dfsq leaves out the field catalogs${endpoint === undefined ? "" : `, so ${code(endpoint)} cannot be checked`}`,
  catalogsNotLoadedHint: () => 'pass them: `import { catalogs } from "dfsq/catalogs"`, then `{ endpoint, catalogs }`',
  noCatalog: (endpoint: string, param: string) =>
    `no catalog of the fields of ${code(endpoint)} ${param} is known, so fields are not checked`,
  unknownField: (field: string, endpoint: string, derived: boolean) =>
    `${code(field)} is not a field of ${code(endpoint, 80)}${derived ? " (its catalog is derived from response schemas and may be incomplete)" : ""}`,
  operatorNotAllowed: (op: string, field: string, type: string, reason?: string, written?: string) =>
    `${code(op)} cannot be used on ${code(field)}, a ${typeName(type)} field${reason === undefined ? "" : `: ${reason}`}${sentFor(op, written)}`,
  operatorConflict: (op: string, field: string, reason: string, written?: string) =>
    `${code(op)} on ${code(field)} may be rejected: ${reason}${sentFor(op, written)}`,
  operatorUnverified: (op: string, field: string, reason: string, written?: string) =>
    `${code(op)} on ${code(field)} is not confirmed by DataForSEO's docs: ${reason}${sentFor(op, written)}`,
  typeMismatch: (field: string, type: string, found: string) =>
    `${code(field)} is a ${typeName(type)} field, found ${found}`,
  quotedNumber: (text: string) =>
    `the number ${code(text)} is written as a string; how DataForSEO treats that is undocumented`,
  quotedBoolean: (text: string) =>
    `the boolean ${code(text)} is written as a string; how DataForSEO treats that is undocumented`,
  quotedTime: (text: string) =>
    `the date ${code(JSON.stringify(text))} is quoted, so it is sent as written; DataForSEO's times are yyyy-mm-dd hh:mm:ss +00:00`,
  quotedTimeHint: (unquoted: string) => `write it unquoted, ${code(unquoted)}, and dfsq sends it in the API's format`,
  invalidTime: (text: string, reason: string) => `${code(text)} is not a valid time: ${reason}`,
  invalidRegex: (reason: string) => `this pattern is not valid RE2 (DataForSEO's regex engine): ${reason}`,
  regexTooLong: (length: number) => `this pattern is ${length} characters long; DataForSEO accepts at most 1000`,
  regexTooComplex: (size: number, limit: number) =>
    `this pattern compiles to about ${size} RE2 instructions; dfsq accepts at most ${limit}, so that matching it stays fast`,
  likeTooLong: (length: number, limit: number) =>
    `this pattern is ${length} characters long; dfsq accepts at most ${limit}, so that matching it stays fast`,
  likeWithoutWildcard: (op: string, pattern: string) =>
    `${code(op)} without \`%\` matches only the whole value ${code(JSON.stringify(pattern))}`,
  nullComparison: () => "comparing with `null` is undocumented; DataForSEO may reject it or match nothing",
  fieldReferenceUnsupported: (endpoint: string) =>
    `${code(endpoint, 80)} does not accept field references ("$item->…"); only some DataForSEO Labs endpoints do`,
  fieldReferenceUndocumented: (endpoint: string) =>
    `DataForSEO lists ${code(endpoint, 80)} among neither the endpoints that accept field references nor those that do not`,
  fieldReferenceTypes: (left: string, leftType: string, right: string, rightType: string) =>
    `${code(left)} is a ${typeName(leftType)} field but ${code(right)} is a ${typeName(rightType)} field; a field reference compares fields of one type`,
  fieldNotSortable: (field: string, why: string) => `${code(field)} cannot be sorted on: ${why}`,
  fieldSortUnknown: (field: string) =>
    `${code(field)} is a map key; whether DataForSEO can sort on map keys is undocumented`,
  bareFieldNotBool: (field: string, type: string) =>
    `${code(field)} alone means ${code(`${field} = true`)}, but it is a ${typeName(type)} field`,
  invalidOrderBy: (what: string) => what,
  unknownRequestKey: (key: string, holder: string) =>
    `${code(key)} is neither the endpoint nor ${code(holder)}: a saved request holds its tasks under ${code(holder)} and may name its ${code("endpoint")} or ${code("path")}`,
  unreadableBody: (max: number) => `this request body cannot be read: reading it threw (a Proxy or a getter?), or it holds over ${max} tasks or keys`,
  tooManyTasksInBody: (count: number, max: number) =>
    `this request holds ${count} tasks; dfsq reads at most ${max} at once, and DataForSEO takes at most 100 per POST (more are refused with 40006)`,
  noTasksInBody: () => "a request body holds at least one task (the API answers an empty one with 40502)",
  cyclicValue: () => "this array contains itself, so it is not JSON",
  unreadableValue: () => "this value cannot be read: reading it threw (a Proxy or a getter?)",
  rawTooLarge: (budget: number) =>
    `this value holds more than ${budget} elements in all; the limit follows from maxInputLength, maxConditions and maxListLength`,
  rawNestingTooDeep: (max: number) => `groups are nested more than ${max} deep (as text, more than ${max} levels of parentheses)`,
  lineBreakInSortField: (field: string) =>
    `${code(JSON.stringify(field).slice(1, -1))} contains a line break, which a sort field cannot hold`,
  tooManyDiagnostics: (more: number) => `and ${plural(more, "more problem")}, not shown`,
  invalidArgument: (what: string) => what,
  operatorAlias: (written: string, canonical: string) => `${code(written)} is accepted for ${code(canonical)}`,
  numberUnderflow: (text: string) => `${code(text)} is too small to be a number: it would be sent as 0`,
  unknownOperator: (text: string) => `${code(text)} is not an operator`,
  fieldNeedsQuotes: (path: string) => `${code(path, 80)} has a \`-\` in it, which a field name can only hold in backquotes`,
  invalidDuration: (text: string) => `${code(text)} is not a duration`,
  notIsoDate: (text: string) => `${code(text)} is not a date dfsq reads: dates are written yyyy-mm-dd`,
  thousandsSeparator: (text: string) => `${code(text)} is not a number: numbers have no thousands separators`,
  unquotedPattern: (op: string, text: string) => `expected a quoted pattern after ${code(op)}, found ${code(text)}`,
  unquotedValue: (text: string) => `${code(text)} is not a value: text is written in quotes`,
  missingComma: (found: string) => `expected \`,\` between the values of a list, found ${code(found)}`,
  unmatchedClose: (closes: string) => (closes.length === 1 ? `this \`${closes}\` closes nothing` : `${code(closes)} close nothing`),
  unknownDirection: (text: string) => `${code(text)} is not a sort direction`,
  conditionInOrderBy: (condition: string) => `an order-by lists fields to sort by, not conditions such as ${code(condition, 60)}`,
  regexControlEscape: (escape: string) =>
    escape === "\\b"
      ? "`\\b` in a string is a backspace character, so this pattern looks for one, not for a word boundary"
      : `${code(escape)} in a string is a control character, which RE2 matches as itself, not the regex escape ${code(escape)}`,
  regexControlWritten: (text: string) => `this pattern holds a control character (${code(text)}), which RE2 matches as itself`,
  regexControlValue: (backspace: boolean) =>
    backspace
      ? "this pattern holds a backspace (U+0008): a `\\b` word boundary that lost its backslash to JSON escaping?"
      : "this pattern holds a control character (a tab, a line break…), which RE2 matches as itself",
  jsonAsText: (what: "filter" | "orderBy" | "object") =>
    `this is ${what === "object" ? "a JSON object" : what === "orderBy" ? "a DataForSEO order_by array" : "a DataForSEO filter array"}, not a dfsq expression`,
  headerEmpty: (key: string) => `the header line ${code(`# ${key}:`)} names no ${key}`,
  headerRepeated: (key: string) => `${code(`# ${key}:`)} is already set above; a file has one ${key}`,
  headerUnknownParam: (param: string) => `${code(param)} is not a filter parameter`,
  headerUnknownKey: (key: string) => `${code(`# ${key}:`)} is not a header dfsq reads, so this line is a comment`,
};

export const hints = {
  quoteText: (text: string) => `if this is text, quote it: "${text}"`,
  regexEscape: (text: string) =>
    `strings use JSON escapes; for the regex escape ${code(text)} write ${code(`\\${text}`)}`,
  backslash: () => "write `\\\\` for a literal backslash",
  leadingZero: (text: string) => `write ${code(String(Number(text.replace(/[^\d.]/g, "")) || 0))}`,
  leadingDot: (text: string) => `write ${code(`0${text}`)}`,
  durationUnit: () => "durations take the units s, m, h, d and w, as in `now - 7d`",
  straightQuotes: () => "use straight quotes: \" or '",
  addOperator: (field: string) => `add an operator, as in ${snippet(`${field} > 10`)} or ${snippet(`${field} = "text"`)}`,
  addConnective: () => "join conditions with `and` or `or`",
  quoteFieldReference: (field: string) => `to compare with the text, quote it: "${field}"`,
  quoteOrReference: (text: string) =>
    `quote it: ${quoteString(text)}; to compare with another field, write ${quoteString(`$item->${text}`)} on an endpoint that takes field references`,
  optimize: () =>
    "split the filter into several requests, or narrow it; `in` lists count as one condition",
  isNull: () => "write `is null` or `is not null`",
  interpolateField: () => "an interpolated string is always a value; interpolate a field name with ${field(name)}",
  allowedOperators: (ops: readonly string[]) =>
    ops.length === 0 ? "no operator is documented for this type" : `it takes ${ops.map((o) => code(o)).join(" ")}`,
  unquoteNumber: (text: string) => `write ${code(text)} without quotes`,
  timeFormat: () => 'write times as 2024-01-31, 2024-01-31T10:00:00Z or "2024-01-31 10:00:00 +00:00"',
  addWildcards: (pattern: string) => `for "contains", write ${code(JSON.stringify(`%${pattern}%`))}`,
  emptyLike: () => 'an empty pattern matches only empty values: to test for one, write `= ""`',
  compareBare: (field: string, example: string) => `compare it, as in ${snippet(`${field} ${example}`)}`,
  regexLookaround: () => "RE2 has no lookahead or lookbehind: test the text with a second condition instead, as in `and url not regex \"…\"`",
  regexBackreference: () => "RE2 has no backreferences: repeat the group's pattern instead",
  regexUnclosed: (open: string) =>
    `close it with ${code(open === "[" ? "]" : ")")}, or write ${code(`\\${open}`)} for a literal ${code(open)}`,
  regexLiteral: (char: string) => `write ${code(`\\${char}`)} for a literal ${code(char)}`,
  regexRepeatTwice: () => "RE2 takes one quantifier per item (no possessive `++`): remove the second",
  regexCountOrder: () => "write the smaller count first, as in `{2,5}`",
  regexTooLarge: () => "RE2 allows repeat counts up to 1000 and patterns up to a compiled size: use smaller counts",
  write: (text: string) => `write ${snippet(text)}`,
  regexControlEscape: (escape: string) =>
    escape === "\\b"
      ? "write `\\\\b` for a word boundary, or use a raw string: r\"\\bseo\\b\""
      : `write ${code(`\\${escape}`)} for the regex escape, or use a raw string: r"…"`,
  regexBackspaceValue: () => 'a word boundary is "\\\\b" in JSON',
  operators: () => "the operators are = <> < <= > >= in like ilike regex (~) match has between is null",
  likeInstead: (pattern: string) => `write ${snippet(`like "${pattern}"`)}`,
  containsInstead: (like: string, match: string) => `write ${snippet(like)} for text that contains it, or ${snippet(match)} for the word`,
  quoteSegment: () => "put the segment in backquotes",
  calendarUnit: () => "the units are s, m, h, d and w: months and years have no fixed length, so write days, as in `30d`",
  isoDate: (iso: string) => `write ${snippet(iso)}`,
  isoFormat: () => "dates are written yyyy-mm-dd, as in `2024-01-31`",
  separateValues: () => "separate the values of a list with `,`",
  ambiguousDate: (a: string, b: string) => `write ${snippet(a)} or ${snippet(b)}, whichever is meant`,
  thousandsInList: (number: string, values: string) => `write ${snippet(number)} for one number, or ${snippet(values)} for several`,
  quoteIt: (quoted?: string) => (quoted === undefined ? "quote it" : `quote it: ${snippet(quoted)}`),
  addComma: () => "add `,`",
  unmatchedClose: (closes: string) =>
    `remove ${closes.length === 1 ? "it" : "them"}, or add the \`${closes.startsWith(")") ? "(" : "["}\` meant to go with ${closes.length === 1 ? "it" : "them"}`,
  remove: (text: string) => `remove ${snippet(text)}`,
  conditionInOrderBy: (field: string) => `conditions go in the filters; here, sort with ${code(`${field},desc`)} or ${code(`${field},asc`)}`,
  jsonAsText: (mode: "filter" | "orderBy") => {
    const flag = mode === "orderBy" ? " --order-by" : "";
    return `\`dfsq print${flag}\` turns it into dfsq text, \`dfsq validate${flag}\` checks it as it is`;
  },
  simplifyRegex: (repeat: string | undefined) =>
    repeat === undefined
      ? "shorten the pattern, or split its alternatives over conditions joined by `or`"
      : `${code(repeat)} makes RE2 copy what it repeats that many times; use \`*\`, \`+\` or a smaller count`,
  writeInstead: (text: string) => `write ${code(JSON.stringify(text), 80)}`,
  oneArrayPerCondition: () => 'each condition is an array of its own: [["a", "=", 1], "and", ["b", "=", 2]]',
  rawBetween: (word: string, arrays: string) => `\`${word}\` is dfsq text; the API wants ${arrays}`,
  unwrapGroup: () => "remove the outer brackets",
  sortDirection: (field: string) => `add the direction: ${code(JSON.stringify(`${field},asc`), 80)} or ${code(JSON.stringify(`${field},desc`), 80)}`,
  headerParams: (params: readonly string[]) => `write one of ${params.map((p) => code(p)).join(", ")}`,
};
