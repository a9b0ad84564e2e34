import type { TokenType } from "chevrotain";
import type { DiagnosticBag, Span } from "../diagnostics/diagnostic.js";
import * as messages from "../diagnostics/messages.js";
import type { Payload, ScannedToken } from "../syntax/lexer.js";
import { scanInto } from "../syntax/parse.js";
import { referencedPath } from "../syntax/operators.js";
import * as T from "../syntax/tokens.js";
import { LIMIT_CEILINGS } from "../options.js";
import { dateValue, describeValue, kindOf, readElements } from "../values/guarded.js";
import { fieldNameIn, isFieldName } from "./field-name.js";

/**
 * Turns a tagged template into tokens: the text pieces are scanned, each `${value}` becomes
 * tokens made directly from the value (a string token, a number token, `( … , … )` for an
 * array), so no value ever passes through the scanner and none can change the structure.
 * Diagnostics point into `display`: the template's text with `${0}`, `${1}`, … where the values were.
 */
function token(type: TokenType, span: Span, image: string, payload?: Payload): ScannedToken {
  return { image, startOffset: span.start, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type, payload };
}

function describe(value: unknown): string {
  if (value === undefined) return "`undefined`";
  if (typeof value === "number") return `\`${value}\``;
  if (typeof value === "bigint") return describeValue(value);
  if (typeof value === "symbol" || typeof value === "function") return `a ${typeof value}`;
  if (dateValue(value) !== undefined) return "an invalid Date";
  return kindOf(value) === "array" ? "an array" : "an object";
}

/** The tokens for one scalar value; an invalid one is reported and read as an invalid value. */
function scalarTokens(value: unknown, span: Span, image: string, bag: DiagnosticBag): ScannedToken[] {
  switch (typeof value) {
    case "string":
      if (referencedPath(value) === undefined) return [token(T.InterpolatedString, span, image, value)];
      // DataForSEO would read it as a reference to another field: a value would become a field.
      bag.report("invalid_interpolation", span, messages.interpolatedReference(value));
      return [token(T.InterpolatedString, span, image, undefined)];
    case "number":
      if (Number.isFinite(value)) return [token(T.InterpolatedNumber, span, image, value)];
      break;
    case "bigint":
      if (Number.isSafeInteger(Number(value))) return [token(T.InterpolatedNumber, span, image, Number(value))];
      break;
    case "boolean":
      return [token(value ? T.TrueKw : T.FalseKw, span, image)];
    case "object":
      if (value === null) return [token(T.NullKw, span, image)];
      {
        const ms = dateValue(value);
        if (ms !== undefined && Number.isFinite(ms)) return [token(T.InterpolatedTime, span, image, ms)];
      }
      break;
    default:
      break;
  }
  bag.report("invalid_interpolation", span, messages.invalidInterpolation(describe(value)));
  return [token(T.InterpolatedString, span, image, undefined)];
}

function valueTokens(value: unknown, span: Span, image: string, bag: DiagnosticBag): ScannedToken[] {
  const name = fieldNameIn(value);
  if (name !== undefined) {
    if (name === "") bag.report("empty_field_name", span, messages.emptyFieldName());
    return [token(T.InterpolatedField, span, image, name)];
  }
  if (kindOf(value) !== "array") return scalarTokens(value, span, image, bag);
  // Read once, and no further than any limit could allow: the checks apply the real limit.
  const read = readElements(value as object, LIMIT_CEILINGS.maxListLength);
  if (!read.ok) {
    if (read.why === "too_long") bag.report("list_too_long", span, messages.listTooLong(read.length, LIMIT_CEILINGS.maxListLength), { data: { length: read.length, max: LIMIT_CEILINGS.maxListLength } });
    else bag.report("invalid_interpolation", span, messages.invalidInterpolation(messages.things.unreadableArray));
    return [token(T.InterpolatedString, span, image, undefined)];
  }
  // An array is a list: `(a, b, c)`, so it stands where the grammar takes a list (after `in`).
  const out = [token(T.LParen, span, image)];
  read.items.forEach((item, i) => {
    if (i > 0) out.push(token(T.Comma, span, image));
    if (kindOf(item) === "array") {
      bag.report("invalid_interpolation", span, messages.nestedList());
      out.push(token(T.InterpolatedString, span, image, undefined));
    } else if (isFieldName(item)) {
      bag.report("invalid_interpolation", span, messages.fieldInList());
      out.push(token(T.InterpolatedString, span, image, undefined));
    } else out.push(...scalarTokens(item, span, image, bag));
  });
  out.push(token(T.RParen, span, image));
  return out;
}

/** The text diagnostics about a template refer to: its raw pieces with `${0}`, `${1}`, … between. */
export function templateText(raw: readonly string[]): string {
  return raw.reduce((text, piece, i) => (i === 0 ? piece : `${text}\${${i - 1}}${piece}`), "");
}

/** The template's tokens; problems with its values are reported into `bag` (made on templateText). */
export function interpolate(raw: readonly string[], values: readonly unknown[], bag: DiagnosticBag): ScannedToken[] {
  const tokens: ScannedToken[] = [];
  let display = "";
  raw.forEach((piece, i) => {
    tokens.push(...scanInto(piece, bag, display.length).tokens);
    display += piece;
    if (i < values.length) {
      const image = `\${${i}}`;
      const span = { start: display.length, end: display.length + image.length };
      tokens.push(...valueTokens(values[i], span, image, bag));
      display += image;
    }
  });
  return tokens;
}
