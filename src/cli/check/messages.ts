/*
 * The wording of `dfsq check`'s own diagnostics: files it cannot read or parse, `.dfsq` headers,
 * dfsq.config.json. The checks decide what is wrong; these functions decide how it reads.
 */
import { code } from "../../diagnostics/messages.js";
import { describeValue } from "../../values/guarded.js";

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
const CONFIG_TYPES: Readonly<Record<string, string>> = {
  int: "a whole number",
  number: "a whole number",
  string: "a string",
  boolean: "true or false",
  object: "an object",
  record: "an object",
  array: "an array",
};

/** A config value as messages name it: `limits.maxConditions`, or the config itself. */
const subject = (where: string) => (where === "" ? "the config" : code(where));

export const checkMessages = {
  /** `reason` is jsonc-parser's error name (printParseErrorCode). */
  invalidJson: (reason: string) => `not valid JSON: ${JSON_SYNTAX[reason] ?? "unexpected text"}`,
  emptyJson: () => "the file is empty; a saved task is a JSON object or an array of them",
  unreadable: (why: string) => `cannot read this file: ${why}`,
  configUnknownKey: (key: string, where: string) => `unknown key ${code(key)}${where === "" ? "" : ` in ${code(where)}`}`,
  configWrongType: (where: string, expected: string, found: unknown) =>
    `${subject(where)} must be ${CONFIG_TYPES[expected] ?? expected}, found ${describeValue(found)}`,
  configNotOneOf: (where: string, values: readonly unknown[], found: unknown) =>
    `${subject(where)} must be one of ${values.map((v) => JSON.stringify(v)).join(", ")}, found ${describeValue(found)}`,
  configTooSmall: (where: string, minimum: number | bigint, inclusive: boolean) =>
    `${subject(where)} must be ${inclusive ? "at least" : "more than"} ${minimum}`,
  configOther: (where: string, what: string) => `${subject(where)}: ${what}`,
  configUnknownCode: (name: string) => `${code(name)} is not a dfsq diagnostic code`,
  configBadNow: (text: string) => `\`now\` takes an ISO 8601 date or instant (2024-03-01, 2024-03-01T12:00:00Z), found ${JSON.stringify(text)}`,
};
