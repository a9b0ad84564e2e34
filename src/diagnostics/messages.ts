/*
 * The wording of dfsq's diagnostics: what each problem says. Checks decide what is wrong and pass
 * facts; these functions decide how it reads, and hints.ts how to fix it. Messages name things as
 * the user wrote them, never internal token classes.
 *
 * One export per message, imported as a namespace (`import * as messages`): a bundler keeps only
 * the messages a page can report (an object of them would be kept whole).
 */

import { describeValue } from "../values/guarded.js";
import type { DateProblem } from "../values/time.js";
import { code, plural, typeName } from "./wording.js";

/** Where a `not` or a `between` turned what was written into another operator, say so. */
const sentFor = (op: string, written: string | undefined) => (written === undefined ? "" : ` (${code(written)} is sent as ${code(op)})`);

export const unexpectedCharacter = (text: string) => `unexpected character ${code(text)}`;
export const curlyQuote = () => "typographic quotes are not string delimiters";
export const unterminatedString = () => "this string has no closing quote";
export const unterminatedField = () => "this quoted field name has no closing backquote";
export const invalidEscape = (text: string) => `invalid escape sequence ${code(text)}`;
export const invalidNumber = (text: string) => `${code(text)} is not a number`;
export const numberOutOfRange = (text: string) => `${code(text)} is too large to be a number`;
export const impreciseNumber = (text: string, value: number) =>
  `${code(text)} cannot be represented exactly; it would be sent as ${value}`;
export const invalidDate = (text: string, problem: DateProblem) => `${code(text)} is not a valid date: ${dateProblem(problem)}`;
export const timeOutOfRange = () => "this time falls outside the years 0000–9999";
export const invalidNow = () => "`options.now` is not a valid instant";
export const fractionalSeconds = (text: string) =>
  `${code(text)} has fractions of a second; DataForSEO times are whole seconds, so they are dropped`;
export const emptyFieldName = () => "a field name cannot be empty";
export const inputTooLong = (length: number, max: number) =>
  `the input is ${length} characters long; the limit is ${max}`;
export const nestingTooDeep = (max: number) => `groups and \`not\`s are nested more than ${max} deep`;
export const listTooLong = (length: number, max: number) =>
  `this list has ${length} values; the limit is ${max}`;
export const emptyList = () => "an `in` list needs at least one value";
export const fieldReference = (field: string) =>
  `${code(`"$item->${field}"`)} is a reference to another field, which only some DataForSEO Labs endpoints accept; name the endpoint to check it`;
export const unquotedText = (text: string, op: string) => `${code(text)} right of ${code(op)} is not quoted`;
export const unquotedOnReferenceEndpoint = (text: string, op: string, endpoint: string) =>
  `${code(text)} right of ${code(op)} is neither quoted nor a field of ${code(endpoint, 80)}`;
export const interpolatedReference = (value: string) =>
  `the string ${code(JSON.stringify(value))} would be read by DataForSEO as a reference to another field; interpolate a field with \${field(name)}`;
export const patternNeedsString = (op: string, found: string) =>
  `${code(op)} takes a quoted string, found ${found}`;
export const comparisonNeedsOrderable = (op: string, found: string) =>
  `${code(op)} compares numbers or times, found ${found}`;
export const hasNeedsScalar = (found: string) => `\`has\` takes a single string or number, found ${found}`;
export const betweenBound = (found: string) => `\`between\` takes numbers or times, found ${found}`;
export const listItem = (found: string) => `an \`in\` list holds strings, numbers or booleans, found ${found}`;
export const tooManyConditions = (count: number, max: number) =>
  `this filter has ${plural(count, "condition")}; DataForSEO accepts at most ${max}`;
export const tooManySortRules = (count: number, max: number) =>
  `this order-by has ${plural(count, "rule")}; DataForSEO accepts at most ${max}`;
export const duplicateSortField = (field: string) => `${code(field)} is already sorted on; the later rule has no effect`;
export const contradiction = (field: string, conditions: readonly (readonly [op: string, value: string])[]) =>
  `${conditions.map(([op, value]) => code(`${field} ${op} ${value}`, 80)).join(" and ")} cannot all hold: DataForSEO would answer with no items and still charge for the call`;
export const filterRewritten = (from: number, to: number, max: number, log: { readonly dropped: number; readonly merged: readonly { field: string; op: string; from: number }[] }) => {
  const changes = [
    ...log.merged.map((m) => `merged ${m.from} conditions on ${code(m.field)} into one ${code(m.op)}`),
    ...(log.dropped > 0 ? [`dropped ${plural(log.dropped, "repeated operand")}`] : []),
  ];
  return `this filter has ${plural(from, "condition")}, over DataForSEO's ${max}, so dfsq ${changes.join(" and ")}: ${plural(to, "condition")} are sent, with the same meaning`;
};
export const commaInSortField = (field: string) =>
  `${code(field)} contains a comma, which DataForSEO reads as the end of the field name`;
export const mixedConnectives = () =>
  "this group mixes `and` and `or` at one level; DataForSEO defines no precedence between them";
export const notAFilterPart = (key: string, keys: readonly string[]) =>
  `${code(key)} is not a filter parameter or order_by; an object of filters takes ${keys.map((k) => code(k)).join(", ")}`;
export const invalidInterpolation = (found: string) =>
  `${found} cannot be interpolated: a template takes strings, finite numbers, booleans, null, dates, arrays of those, and field("name")`;
export const fieldInList = () => "a field name cannot stand in an `in` list";
export const nestedList = () => "an interpolated array cannot hold another array";
export const unknownEndpoint = (id: string) => `${code(id)} is not a DataForSEO endpoint that dfsq knows`;
export const didYouMean = (names: readonly string[]) => `did you mean ${names.map((n) => code(n, 80)).join(", ")}?`;
export const listEndpointsHint = () => "run `dfsq endpoints` for the list";
export const unsupportedParameter = (endpoint: string, param: string, supported: readonly string[]) =>
  `${code(endpoint)} takes no ${code(param)}${supported.length > 0 ? `; it takes ${supported.map((p) => code(p)).join(", ")}` : ""}`;
export const invalidCatalog = (why: string) => `the catalog cannot be used: ${why}`;
export const catalogsNotLoaded = (endpoint?: string) =>
  `this bundle of dfsq leaves out the field catalogs${endpoint === undefined ? "" : `, so ${code(endpoint)} cannot be checked`}`;
export const catalogsNotLoadedHint = () => 'pass them: `import { catalogs } from "dfsq/catalogs"`, then `{ endpoint, catalogs }`';
export const noCatalog = (endpoint: string, param: string) =>
  `no catalog of the fields of ${code(endpoint)} ${param} is known, so fields are not checked`;
export const unknownField = (field: string, endpoint: string, derived: boolean) =>
  `${code(field)} is not a field of ${code(endpoint, 80)}${derived ? " (its catalog is derived from response schemas and may be incomplete)" : ""}`;
export const operatorNotAllowed = (op: string, field: string, type: string, reason?: string, written?: string) =>
  `${code(op)} cannot be used on ${code(field)}, a ${typeName(type)} field${reason === undefined ? "" : `: ${reason}`}${sentFor(op, written)}`;
export const operatorConflict = (op: string, field: string, reason: string, written?: string) =>
  `${code(op)} on ${code(field)} may be rejected: ${reason}${sentFor(op, written)}`;
export const operatorUnverified = (op: string, field: string, reason: string, written?: string) =>
  `${code(op)} on ${code(field)} is not confirmed by DataForSEO's docs: ${reason}${sentFor(op, written)}`;
export const typeMismatch = (field: string, type: string, found: string) =>
  `${code(field)} is a ${typeName(type)} field, found ${found}`;
export const quotedNumber = (text: string) =>
  `the number ${code(text)} is written as a string; how DataForSEO treats that is undocumented`;
export const quotedBoolean = (text: string) =>
  `the boolean ${code(text)} is written as a string; how DataForSEO treats that is undocumented`;
export const quotedTime = (text: string) =>
  `the date ${code(JSON.stringify(text))} is quoted, so it is sent as written; DataForSEO's times are yyyy-mm-dd hh:mm:ss +00:00`;
export const invalidTime = (text: string, problem: DateProblem) => `${code(text)} is not a valid time: ${dateProblem(problem)}`;
export const invalidRegex = (reason: string) => `this pattern is not valid RE2 (DataForSEO's regex engine): ${reason}`;
export const regexTooLong = (length: number, max: number) => `this pattern is ${length} characters long; DataForSEO accepts at most ${max}`;
export const regexTooComplex = (size: number, limit: number) =>
  `this pattern compiles to about ${size} RE2 instructions; dfsq accepts at most ${limit}, so that matching it stays fast`;
export const likeTooLong = (length: number, limit: number) =>
  `this pattern is ${length} characters long; dfsq accepts at most ${limit}, so that matching it stays fast`;
export const likeWithoutWildcard = (op: string, pattern: string) =>
  `${code(op)} without \`%\` matches only the whole value ${code(JSON.stringify(pattern))}`;
export const nullComparison = () => "comparing with `null` is undocumented; DataForSEO may reject it or match nothing";
export const fieldReferenceUnsupported = (endpoint: string) =>
  `${code(endpoint, 80)} does not accept field references ("$item->…"); only some DataForSEO Labs endpoints do`;
export const fieldReferenceUndocumented = (endpoint: string) =>
  `DataForSEO lists ${code(endpoint, 80)} among neither the endpoints that accept field references nor those that do not`;
export const fieldReferenceTypes = (left: string, leftType: string, right: string, rightType: string) =>
  `${code(left)} is a ${typeName(leftType)} field but ${code(right)} is a ${typeName(rightType)} field; a field reference compares fields of one type`;
export const fieldNotSortable = (field: string, why: "array" | "tld") =>
  `${code(field)} cannot be sorted on: ${why === "array" ? "array fields cannot be sort rules" : "TLD keys work in filters only"}`;
export const fieldSortUnknown = (field: string) =>
  `${code(field)} is a map key; whether DataForSEO can sort on map keys is undocumented`;
export const bareFieldNotBool = (field: string, type: string) =>
  `${code(field)} alone means ${code(`${field} = true`)}, but it is a ${typeName(type)} field`;
export const unknownRequestKey = (key: string, holder: string) =>
  `${code(key)} is neither the endpoint nor ${code(holder)}: a saved request holds its tasks under ${code(holder)} and may name its ${code("endpoint")} or ${code("path")}`;
export const unreadableBody = (max: number) => `this request body cannot be read: reading it threw (a Proxy or a getter?), or it holds over ${max} tasks or keys`;
export const tooManyTasksInBody = (count: number, max: number) =>
  `this request holds ${count} tasks; dfsq reads at most ${max} at once, and DataForSEO takes at most 100 per POST (more are refused with 40006)`;
export const noTasksInBody = () => "a request body holds at least one task (the API answers an empty one with 40502)";
export const cyclicValue = () => "this array contains itself, so it is not JSON";
export const unreadableValue = () => "this value cannot be read: reading it threw (a Proxy or a getter?)";
export const rawTooLarge = (budget: number) =>
  `this value holds more than ${budget} elements in all; the limit follows from maxInputLength, maxConditions and maxListLength`;
export const rawNestingTooDeep = (max: number) => `groups are nested more than ${max} deep (as text, more than ${max} levels of parentheses)`;
export const lineBreakInSortField = (field: string) =>
  `${code(JSON.stringify(field).slice(1, -1))} contains a line break, which a sort field cannot hold`;
export const tooManyDiagnostics = (more: number) => `and ${plural(more, "more problem")}, not shown`;
export const operatorAlias = (written: string, canonical: string) => `${code(written)} is accepted for ${code(canonical)}`;
export const numberUnderflow = (text: string) => `${code(text)} is too small to be a number: it would be sent as 0`;
export const unknownOperator = (text: string) => `${code(text)} is not an operator`;
export const fieldNeedsQuotes = (path: string) => `${code(path, 80)} has a \`-\` in it, which a field name can only hold in backquotes`;
export const invalidDuration = (text: string) => `${code(text)} is not a duration`;
export const notIsoDate = (text: string) => `${code(text)} is not a date dfsq reads: dates are written yyyy-mm-dd`;
export const thousandsSeparator = (text: string) => `${code(text)} is not a number: numbers have no thousands separators`;
export const unquotedPattern = (op: string, text: string) => `expected a quoted pattern after ${code(op)}, found ${code(text)}`;
export const unquotedValue = (text: string) => `${code(text)} is not a value: text is written in quotes`;
export const missingComma = (found: string) => `expected \`,\` between the values of a list, found ${code(found)}`;
export const unmatchedClose = (closes: string) => (closes.length === 1 ? `this \`${closes}\` closes nothing` : `${code(closes)} close nothing`);
export const unknownDirection = (text: string) => `${code(text)} is not a sort direction`;
export const conditionInOrderBy = (condition: string) => `an order-by lists fields to sort by, not conditions such as ${code(condition, 60)}`;
export const regexControlEscape = (escape: string) =>
  escape === "\\b"
    ? "`\\b` in a string is a backspace character, so this pattern looks for one, not for a word boundary"
    : `${code(escape)} in a string is a control character, which RE2 matches as itself, not the regex escape ${code(escape)}`;
export const regexControlWritten = (text: string) => `this pattern holds a control character (${code(text)}), which RE2 matches as itself`;
export const regexControlValue = (backspace: boolean) =>
  backspace
    ? "this pattern holds a backspace (U+0008): a `\\b` word boundary that lost its backslash to JSON escaping?"
    : "this pattern holds a control character (a tab, a line break…), which RE2 matches as itself";
export const jsonAsText = (what: "filter" | "orderBy" | "object") =>
  `this is ${what === "object" ? "a JSON object" : what === "orderBy" ? "a DataForSEO order_by array" : "a DataForSEO filter array"}, not a dfsq expression`;
export const headerEmpty = (key: string) => `the header line ${code(`# ${key}:`)} names no ${key}`;
export const headerRepeated = (key: string) => `${code(`# ${key}:`)} is already set above; a file has one ${key}`;
export const headerUnknownParam = (param: string) => `${code(param)} is not a filter parameter`;
export const headerUnknownKey = (key: string) => `${code(`# ${key}:`)} is not a header dfsq reads, so this line is a comment`;

/** What the parser wanted, in the words of "expected …, found …". */
export const expects = {
  condition: "a condition",
  field: "a field name",
  list: "a list such as `(1, 2)`",
  value: "a value",
  operand: "a value or a field name",
  pattern: "a quoted pattern",
  word: "a quoted word",
  duration: "a duration such as `7d`",
  operator: "an operator",
  conditionEnd: "`and`, `or` or the end of input",
  sortRuleEnd: "`,` or the end of input",
  end: "the end of input",
  other: "something else",
} as const;
export const expected = (what: string, found: string, after?: string) =>
  `expected ${what}${after === undefined ? "" : ` after ${after}`}, found ${found}`;
export const expectedClose = (close: string, found: string) => `expected ${close} to close the group, found ${found}`;
export const expectedBetweenAnd = (found: string) => `expected \`and\` between the bounds of \`between\`, found ${found}`;

// DataForSEO arrays, as read by arrays/read.ts and the zod schemas of validate/schemas.ts
// (`found` describes the value met, as values/guarded.ts's describeValue does).
export const expectedConditionOrGroup = (found?: string) =>
  found === undefined ? "expected a condition or a group" : `expected a condition or a group, found ${found}`;
export const wrappedTwice = () => "only a single condition may be wrapped in an extra array";
export const groupLength = (length: number) =>
  length === 0
    ? expectedConditionOrGroup("an empty array")
    : `a group alternates operands and "and"/"or", so it has an odd length of at least 3; this one has ${length}`;
export const expectedConnective = (found?: string) =>
  found === undefined ? 'expected "and" or "or" between operands' : `expected "and" or "or" between operands, found ${found}`;
export const conditionLength = (length: number) => `a condition is [field, operator, value], found an array of ${length}`;
export const connectiveAsOperator = (connective: string) =>
  `a condition is [field, operator, value], found "${connective}" where its operator goes`;
export const expectedOperator = (found: string) => `expected an operator (a string), found ${found}`;
export const notAnApiOperator = (text: string, operators: readonly string[]) =>
  `${text} is not a DataForSEO filter operator; expected one of ${operators.join(" ")}`;
export const listOperatorTakesArray = (op: string, found?: string) =>
  `${code(op)} takes an array of values${found === undefined ? "" : `, found ${found}`}`;
export const operatorTakesOneValue = (op: string) => `${code(op)} takes a single value, not an array`;
export const notAJsonNumber = (value: number) => `${value} is not a JSON number`;
export const expectedScalar = (found: string) => `expected a string, number, boolean or null, found ${found}`;
export const orderByNotArray = (found: string) => `an order-by is an array of "field,asc|desc" strings, found ${found}`;
export const emptyOrderBy = () => "an order-by needs at least one rule";
export const expectedSortRule = (found?: string) =>
  found === undefined ? 'expected "field,asc" or "field,desc"' : `expected "field,asc" or "field,desc", found ${found}`;
export const cannotEvaluate = (what: "expression" | "value") => `this ${what} has errors and cannot be evaluated`;

// Arguments from JavaScript callers (invalid_argument)
/** The things an argument may be, as `takes` names them. */
export const things = {
  text: "dfsq text (a string)",
  textOrBuilt: "dfsq text (a string) or a filter made by `where`",
  offset: "an offset in the text (a whole number)",
  sourceText: "the source text (a string)",
  diagnostics: "an array of diagnostics",
  optionsObject: "its options as an object",
  items: "an array of items",
  boolean: "true or false",
  columns: "a number of columns",
  unreadableArray: "an array that cannot be read",
  readingThrew: "reading it threw (a Proxy or a getter?)",
} as const;
export const takes = (name: string, what: string, found: string) => `${code(name)} takes ${what}, found ${found}`;
export const notADiagnostic = (name: string, index: number, found: string) =>
  `${code(name)}: diagnostic [${index}] is not a diagnostic, found ${found}`;
export const optionTakes = (option: string, what: string) => `the option ${code(option)} takes ${what}`;
export const unreadableItems = (name: string) => `${code(name)} cannot read its items: reading them threw`;
export const unreadableList = () => "the list cannot be read: reading it threw";
export const fieldNameNotString = (found: string) => `a field name is a string, found ${found}`;
export const builtFilterByWhere = () => "a BuiltFilter is made by `where`, not with `new`";
export const whereNeedsFilters = (op: string) => `${code(`where.${op}`)} takes at least one filter`;
export const templateTagCall = () => "a template tag is called as filter`…`, with a template literal";
export const limitTakes = (name: string, ceiling: number, found: string) => takes(name, `a whole number from 0 to ${ceiling}`, found);
export const optionsNotObject = (found: string) => `the options must be an object, found ${found}`;
export const unreadableOption = (option: string) => `the option ${code(option)} cannot be read`;

// Task parameters (the client, validateTask, `dfsq check`); `param` is a path as paramName writes it.
/** What a value must be, by zod's name for its type. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  int: "a whole number",
  number: "a number",
  string: "a string",
  boolean: "true or false",
  object: "an object",
  array: "an array",
  record: "an object",
};
export const unreadableTask = (max: number) => `this task cannot be read: reading a key threw (a Proxy or a getter?), or it has over ${max} keys`;
export const notAnObject = (found: unknown) => `a task is a JSON object of parameters, found ${describeValue(found)}`;
export const required = (param: string) => `${code(param)} is required`;
export const wrongType = (param: string, wanted: string, found: unknown) =>
  `${code(param)} must be ${TYPE_WORDS[wanted] ?? wanted}, found ${describeValue(found)}`;
export const tooBig = (param: string, origin: string, maximum: number | bigint, found: unknown) =>
  origin === "string"
    ? `${code(param)} is ${String(found).length} characters long; DataForSEO accepts at most ${maximum}`
    : origin === "array" || origin === "record"
      ? `${code(param)} has ${Array.isArray(found) ? found.length : Object.keys(found ?? {}).length} entries; DataForSEO accepts at most ${maximum}`
      : `${code(param)} is ${String(found)}; DataForSEO accepts at most ${maximum}`;
export const tooSmall = (param: string, origin: string, minimum: number | bigint, found: unknown) =>
  origin === "string"
    ? `${code(param)} cannot be empty`
    : origin === "array"
      ? `${code(param)} needs at least ${minimum} entries`
      : `${code(param)} is ${String(found)}; the least DataForSEO accepts is ${minimum}`;
export const notOneOf = (param: string, values: readonly unknown[], found: unknown) =>
  `${code(param)} must be one of ${values.map((v) => JSON.stringify(v)).join(", ")}, found ${describeValue(found)}`;
export const unknownParameter = (param: string, endpoint: string) => `${code(param)} is not a parameter of ${code(endpoint, 80)}`;
export const unknownParameterAnywhere = (param: string) => `${code(param)} is not a parameter of any DataForSEO endpoint dfsq knows`;
export const dfsqNameInBody = (dfsqName: string, wireName: string) =>
  `${code(dfsqName)} is dfsq's client's name for ${code(wireName)}; a request body names it ${code(wireName)} and gives an array`;
export const requestConditions = (fields: readonly { field: string; count: number }[], total: number, max: number) =>
  `this task has ${total} conditions in all (${fields.map((f) => `${f.count} in ${code(f.field)}`).join(", ")}); DataForSEO's help centre says ${max} per request, though whether its filter parameters share that budget is unconfirmed`;
export const invalidKey = (param: string, key: string, why: string) => `${code(param)} has the key ${JSON.stringify(key)}: ${why}`;
export const other = (param: string, what: string) => (param === "" ? what : `${code(param)}: ${what}`);
export const bothGiven = (dfsqName: string, wireName: string) => `give ${code(dfsqName)} or ${code(wireName)}, not both`;
export const notFilterValue = (field: string, found: unknown) =>
  `${code(field)} takes a dfsq expression (a string) or a ready array, found ${describeValue(found)}`;
export const wireNeedsArray = (field: string, found: unknown) => `${code(field)} takes a ready array, found ${describeValue(found)}`;
export const tasksNotArray = () => "the body is an array of tasks, even for one task";
export const noTasks = () => "post at least one task (the API answers an empty body with 40502)";
export const tooManyTasks = (max: number) => `post at most ${max} tasks at a time (the API refuses the rest with 40006)`;
export const oneLiveTask = () => "a live endpoint takes one task per call (the API refuses more with 40000)";
export const noOrderBy = (endpoint: string) => `${code(endpoint, 80)} takes no order_by`;
export const endpointNotString = (found: unknown) => `an endpoint is a string such as "backlinks/referring_domains", found ${describeValue(found)}`;
export const unknownEndpointForLive = (endpoint: string) =>
  `${code(endpoint, 80)} is not an endpoint dfsq knows; use client.post(path, tasks) to call it unchecked`;

// Backlinks targets (task/target.ts)
export const targetWithWww = () => "a domain target is written without `www.`";
export const targetIsAbsoluteUrl = () => "a page target is an absolute URL";
export const targetNotAUrl = () => "this endpoint takes a domain or subdomain, not a URL";
export const invalidUrl = () => "this is not a valid URL";
export const targetScheme = () => "a page target is an http:// or https:// URL";
export const urlWithoutHost = () => "this URL has no valid host name";
export const urlWithSpaces = () => "a URL cannot contain spaces";
export const targetKinds = (urls: boolean) =>
  urls
    ? "a target is a domain without scheme or `www.` (example.com) or an absolute URL (https://example.com/page)"
    : "a target is a domain or subdomain without scheme or `www.` (example.com)";

// `dfsq check`: files it cannot read or parse, and dfsq.config.json
const JSON_SYNTAX: Readonly<Record<string, string>> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "this is not a JSON number",
  PropertyNameExpected: "expected a key in double quotes (JSON has no trailing commas)",
  ValueExpected: "expected a value (JSON has no trailing commas)",
  ColonExpected: "expected `:`",
  CommaExpected: "expected `,`",
  CloseBraceExpected: "expected `}`",
  CloseBracketExpected: "expected `]`",
  EndOfFileExpected: "expected the end of the file after the value",
  InvalidCommentToken: "JSON has no comments",
  UnexpectedEndOfComment: "JSON has no comments",
  UnexpectedEndOfString: "this string has no closing quote",
  UnexpectedEndOfNumber: "this number is cut short",
  InvalidUnicode: "invalid `\\u` escape",
  InvalidEscapeCharacter: "invalid escape sequence",
  InvalidCharacter: "a control character inside a string must be escaped",
};

/** What a config value must be, by zod's name for the type (the config's numbers are all whole). */
const CONFIG_TYPES: Readonly<Record<string, string>> = { ...TYPE_WORDS, number: "a whole number" };

/** A config value as messages name it: `limits.maxConditions`, or the config itself. */
const subject = (where: string) => (where === "" ? "the config" : code(where));

/** `reason` is jsonc-parser's error name (printParseErrorCode). */
export const invalidJson = (reason: string) => `not valid JSON: ${JSON_SYNTAX[reason] ?? "unexpected text"}`;
export const emptyJson = () => "the file is empty; a saved task is a JSON object or an array of them";
export const unreadableFile = (why: string) => `cannot read this file: ${why}`;
export const configUnknownKey = (key: string, where: string) => `unknown key ${code(key)}${where === "" ? "" : ` in ${code(where)}`}`;
export const configWrongType = (where: string, wanted: string, found: unknown) =>
  `${subject(where)} must be ${CONFIG_TYPES[wanted] ?? wanted}, found ${describeValue(found)}`;
export const configNotOneOf = (where: string, values: readonly unknown[], found: unknown) =>
  `${subject(where)} must be one of ${values.map((v) => JSON.stringify(v)).join(", ")}, found ${describeValue(found)}`;
export const configTooSmall = (where: string, minimum: number | bigint, inclusive: boolean) =>
  `${subject(where)} must be ${inclusive ? "at least" : "more than"} ${minimum}`;
export const configOther = (where: string, what: string) => `${subject(where)}: ${what}`;
export const configUnknownCode = (name: string) => `${code(name)} is not a dfsq diagnostic code`;
export const configBadNow = (text: string) => `\`now\` takes an ISO 8601 date or instant (2024-03-01, 2024-03-01T12:00:00Z), found ${JSON.stringify(text)}`;

/** Why a text is not a real date (values/time.ts's parseIsoDate). */
export function dateProblem(problem: DateProblem): string {
  switch (problem.kind) {
    case "format":
      return "dates are written yyyy-mm-dd, optionally followed by Thh:mm:ss and an offset";
    case "trailing":
      return "unexpected characters";
    case "month":
      return `there is no month ${problem.month}`;
    case "day":
      return `${problem.yearMonth} has no day ${problem.day}`;
    case "time":
      return `${problem.time} is not a time of day`;
    case "offset":
      return `${problem.offset} is not a UTC offset`;
  }
}

// Responses (the client's warnings about results that differ from their schema)
export const moreSchemaDifferences = (more: number) => `and ${more} more differences from the schema in this result`;

// What DataForSEO's docs say of an operator (catalog/operators.ts), the reasons of operator_conflict,
// operator_unverified and operator_not_allowed. Endpoint ids are quoted whole.
const whole = (text: string) => code(text, Number.POSITIVE_INFINITY);
const NO_TABLE = "this API's docs have no type list";
/** "`backlinks/referring_domains` lists no `ilike` in its `filters` row", or what a borrowed list says. */
export const listSays = (endpoint: string, param: string, op: string, lists: boolean, borrowed?: string) =>
  borrowed === undefined
    ? `${whole(endpoint)} lists ${lists ? "" : "no "}${whole(op)} in its ${whole(param)} row`
    : `${whole(endpoint)} prints no operator list for ${whole(param)}, and ${borrowed} ${lists ? "lists" : "has no"} ${whole(op)}`;
export const tableSays = (table: string, type: string, op: string, allows: boolean) =>
  allows ? `${table} allows it on ${typeName(type)} fields` : `${table} has no ${whole(op)} for ${typeName(type)} fields`;
export const tablesAllow = (tables: string, type: string) => `${tables} allow it on ${typeName(type)} fields`;
export const listAgainstTable = (list: string, table: string) => `${list}, while ${table}`;
export const listWithoutTable = (list: string) => `${list}, and ${NO_TABLE}`;
export const listedWithoutTable = (list: string, dispute: string) => `${list}, but ${NO_TABLE} to say for which field types; ${dispute}`;
export const silentWithoutTable = (endpoint: string, param: string, kind: readonly string[], guess: string) =>
  `${whole(endpoint)} lists none of ${kind.map(whole).join(" ")} in its ${whole(param)} row and ${NO_TABLE}; ${guess}`;

// The command line
export const notItems = () => 'expected a response envelope (with "tasks"), a result (with "items") or an array of items';
