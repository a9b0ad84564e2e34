import type { TokenType } from "chevrotain";
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import * as hints from "../diagnostics/hints.js";
import * as messages from "../diagnostics/messages.js";
import { decodeEscapes } from "../values/strings.js";
import { parseIsoDate, type DateProblem } from "../values/time.js";
import type { TimeUnit } from "./ast.js";
import type { Token, TokenKind } from "./token.js";
import * as T from "./tokens.js";

/*
 * The scanner: source → tokens for the parser, with each literal already read. It implements the
 * patterns of tokens.ts exactly (a property test checks it against a Chevrotain Lexer built from
 * them) but scans by character code, which is several times faster than trying regular
 * expressions in turn, and it is where literal problems are reported: escapes, numbers, dates.
 * A token's `payload` holds what the literal means (undefined when it could not be read).
 */

/** What a scanned literal means. */
export type Payload =
  | string // strings and field names
  | number // numbers; epoch milliseconds for dates
  | { readonly amount: number; readonly unit: TimeUnit } // durations
  | undefined;

export interface ScannedToken extends Token {
  payload?: Payload;
}

export interface Scanned {
  readonly tokens: ScannedToken[];
  /** Runs of characters no token matches, as `[offset, length]`. */
  readonly unmatched: readonly (readonly [number, number])[];
  /** How many tokens open a group or are a `not`: no nesting in these tokens is deeper, so the
   * parser's depth check can be skipped when this is within the cap. */
  readonly openers: number;
}

/** Keywords by (length, first letter): most field names are ruled out by one table read, and
 * the rest are compared in place, case-insensitively, without allocating. */
const LONGEST_KEYWORD = Math.max(...T.keywords.map(([word]) => word.length));
// Letters and `_` (0x5f) fold with | 0x20 to distinct values, of which & 31 keeps 1-26 and 31.
const shape = (length: number, first: number) => length * 32 + ((first | 0x20) & 31);
const KEYWORD_WORDS: (string[] | undefined)[] = Array.from({ length: shape(LONGEST_KEYWORD, 0x7f) + 1 }, () => undefined);
const KEYWORD_TYPES: TokenType[][] = [];
for (const [word, type] of T.keywords) {
  const key = shape(word.length, word.charCodeAt(0));
  (KEYWORD_WORDS[key] ??= []).push(word);
  (KEYWORD_TYPES[key] ??= []).push(type);
}

function keywordAt(source: string, start: number, end: number): TokenType | undefined {
  const length = end - start;
  if (length > LONGEST_KEYWORD) return undefined;
  const key = shape(length, source.charCodeAt(start));
  const words = KEYWORD_WORDS[key];
  if (words === undefined) return undefined;
  next: for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    for (let k = 1; k < length; k++) {
      // ASCII letters fold to lower case with | 0x20; `_` (0x5f) is its own fold (0x7f never occurs in a path).
      const c = source.charCodeAt(start + k);
      if ((c === 95 ? c : c | 0x20) !== word.charCodeAt(k)) continue next;
    }
    return KEYWORD_TYPES[key]![w];
  }
  return undefined;
}

// Tokens that start with a digit, tried in the order of tokens.ts. Their exact patterns, made
// sticky, run only where a cheap look at the next characters says they can match.
const sticky = (t: TokenType) => new RegExp((t.PATTERN as RegExp).source, "y");
const DATE_TIME = sticky(T.DateTime);
const INVALID_DATE = sticky(T.InvalidDate);
const DIGIT_PATH = sticky(T.FieldPath);
const INVALID_NUMBER = sticky(T.InvalidNumber);
const CURLY_STRING = sticky(T.CurlyString);

/** ASCII character classes, one table lookup per character on the hot path. */
const DIGIT = 1;
const IDENT_START = 2;
const CLASSES = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CLASSES[c] = DIGIT;
for (let c = 65; c <= 90; c++) CLASSES[c] = IDENT_START;
for (let c = 97; c <= 122; c++) CLASSES[c] = IDENT_START;
CLASSES[95] = IDENT_START;

// charCodeAt past the end is NaN, and NaN < 128 is false: no class, as wanted.
const isDigit = (c: number) => c < 128 && CLASSES[c] === DIGIT;
const isIdentStart = (c: number) => c < 128 && CLASSES[c] === IDENT_START;
const isIdentPart = (c: number) => c < 128 && CLASSES[c]! !== 0;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
const isLineEnd = (c: number) => c === 10 || c === 13;
const isCurly = (c: number) => c === 0x201c || c === 0x201d || c === 0x201e || c === 0x2018 || c === 0x2019;
/** s, m, h, d, w */
const isUnit = (c: number) => c === 115 || c === 109 || c === 104 || c === 100 || c === 119;

// Tokens carry no endOffset (optional in Chevrotain, which reads it only for CST locations): one
// field less on every token the parser keeps alive. The template's tokens have the same shape.
export function makeToken(type: TokenKind, image: string, start: number, payload?: Payload): ScannedToken {
  return { image, startOffset: start, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type, payload };
}

/** The end of a quoted body starting after its opening quote, and whether it was closed. */
function quotedEnd(source: string, from: number, quote: number): number {
  let i = from;
  for (;;) {
    if (i >= source.length) return -1;
    const c = source.charCodeAt(i);
    if (c === quote) return i + 1;
    if (isLineEnd(c)) return -1;
    if (c === 92) {
      if (i + 1 >= source.length || isLineEnd(source.charCodeAt(i + 1))) return -1;
      i += 2;
    } else i++;
  }
}

/** An unterminated quote runs to the end of its line (a backslash there is part of it). */
function lineEnd(source: string, from: number): number {
  let j = from;
  while (j < source.length && !isLineEnd(source.charCodeAt(j))) {
    if (source.charCodeAt(j) === 92) {
      if (isLineEnd(source.charCodeAt(j + 1))) return j + 1;
      j += 2;
    } else j++;
  }
  return Math.min(j, source.length);
}

/** The end of a FieldPath starting with an identifier at `from`. */
function pathEnd(source: string, from: number): number {
  let i = from + 1;
  while (i < source.length && isIdentPart(source.charCodeAt(i))) i++;
  while (source.charCodeAt(i) === 46) {
    const next = source.charCodeAt(i + 1);
    if (isIdentStart(next)) {
      i += 2;
      while (i < source.length && isIdentPart(source.charCodeAt(i))) i++;
    } else if (isDigit(next)) {
      i += 2;
      while (isDigit(source.charCodeAt(i))) i++;
    } else break;
  }
  return i;
}

/** The end of an identifier or a digit run at `from` (a path segment), else -1. */
function segmentEnd(source: string, from: number): number {
  const c = source.charCodeAt(from);
  let i = from + 1;
  if (isIdentStart(c)) while (isIdentPart(source.charCodeAt(i))) i++;
  else if (isDigit(c)) while (isDigit(source.charCodeAt(i))) i++;
  else return -1;
  return i;
}

/**
 * Where T.QuotedField's pattern ends when it matches at `from`, else -1: segments (identifiers or
 * digit runs) each followed by a dot, a backquoted segment, then more segments of any kind. Only
 * called where the common tokens cannot match, so it costs nothing on the usual paths.
 */
function quotedPathEnd(source: string, from: number): number {
  let i = from;
  while (source.charCodeAt(i) !== 96) {
    i = segmentEnd(source, i);
    if (i < 0 || source.charCodeAt(i) !== 46) return -1;
    i++;
  }
  i = quotedEnd(source, i + 1, 96);
  while (i >= 0 && source.charCodeAt(i) === 46) {
    const next = source.charCodeAt(i + 1) === 96 ? quotedEnd(source, i + 2, 96) : segmentEnd(source, i + 1);
    if (next < 0) break;
    i = next;
  }
  return i;
}

/** Whether a raw string (`r"…"`, `r'…'`) starts at `from`. */
const isRawStart = (source: string, from: number) => {
  const quote = source.charCodeAt(from + 1);
  return (source.charCodeAt(from) | 0x20) === 114 && (quote === 34 || quote === 39);
};

/** A raw string's end and type: it ends at the first closing quote, or unterminated at the line's end. */
function rawEnd(source: string, from: number): number {
  const quote = source.charCodeAt(from + 1);
  let i = from + 2;
  for (;;) {
    const c = source.charCodeAt(i);
    if (c === quote) return i + 1;
    if (i >= source.length || isLineEnd(c)) return -i;
    i++;
  }
}

/**
 * Where T.Number's pattern, `(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.])`, ends when it
 * matches at `from` (a digit), else -1; without the regular expression, numbers being the most
 * common literal. Matching greedily and then checking what follows is exact: every shorter match
 * the pattern could backtrack to is followed by a digit, a letter or a dot, which it refuses.
 */
function numberEnd(source: string, from: number): number {
  let i = from + 1;
  if (source.charCodeAt(from) !== 48) while (isDigit(source.charCodeAt(i))) i++;
  if (source.charCodeAt(i) === 46 && isDigit(source.charCodeAt(i + 1))) {
    i += 2;
    while (isDigit(source.charCodeAt(i))) i++;
  }
  const e = source.charCodeAt(i);
  if (e === 101 || e === 69) {
    const sign = source.charCodeAt(i + 1);
    const digits = sign === 43 || sign === 45 ? i + 2 : i + 1;
    if (isDigit(source.charCodeAt(digits))) {
      i = digits + 1;
      while (isDigit(source.charCodeAt(i))) i++;
    }
  }
  const after = source.charCodeAt(i);
  return isIdentPart(after) || after === 46 ? -1 : i;
}

function stickyEnd(pattern: RegExp, source: string, i: number): number {
  pattern.lastIndex = i;
  return pattern.test(source) ? pattern.lastIndex : -1;
}

/**
 * Finds the token at a position. `end` is where it ends (-1: no pattern matches there) and
 * `type` what it is; whitespace is a token too, of type WhiteSpace. One scanner object per
 * scan keeps the hot loop free of allocations.
 */
class Matcher {
  type: TokenType = T.WhiteSpace;

  constructor(private readonly source: string) {}

  at(i: number): number {
    const source = this.source;
    const c = source.charCodeAt(i);
    if (isIdentStart(c)) {
      const end = pathEnd(source, i);
      if (end === i + 1 && isRawStart(source, i)) return this.#raw(i);
      this.type = keywordAt(source, i, end) ?? T.FieldPath;
      return end;
    }
    if (isSpace(c)) {
      let j = i + 1;
      while (j < source.length && isSpace(source.charCodeAt(j))) j++;
      this.type = T.WhiteSpace;
      return j;
    }
    if (isDigit(c)) return this.#digits(i);
    if (c === 46) return this.#match(T.InvalidNumber, isDigit(source.charCodeAt(i + 1)) ? stickyEnd(INVALID_NUMBER, source, i) : -1);
    if (c === 34 || c === 39) {
      const end = quotedEnd(source, i + 1, c);
      if (end >= 0) return this.#match(c === 34 ? T.DoubleString : T.SingleString, end);
      return this.#match(T.UnterminatedString, lineEnd(source, i + 1));
    }
    if (c === 96) {
      const end = quotedPathEnd(source, i);
      return end >= 0 ? this.#match(T.QuotedField, end) : this.#match(T.UnterminatedField, lineEnd(source, i + 1));
    }
    if (isCurly(c)) return this.#match(T.CurlyString, stickyEnd(CURLY_STRING, source, i));
    return this.#punctuation(i, c);
  }

  #match(type: TokenType, end: number): number {
    this.type = type;
    return end;
  }

  #raw(i: number): number {
    const end = rawEnd(this.source, i);
    return end > 0 ? this.#match(T.RawString, end) : this.#match(T.UnterminatedRawString, -end);
  }

  #digits(i: number): number {
    const source = this.source;
    let j = i + 1;
    while (isDigit(source.charCodeAt(j))) j++;
    if (j - i >= 4 && source.charCodeAt(i + 4) === 45) {
      const date = stickyEnd(DATE_TIME, source, i);
      if (date >= 0) return this.#match(T.DateTime, date);
      const invalid = stickyEnd(INVALID_DATE, source, i);
      if (invalid >= 0) return this.#match(T.InvalidDate, invalid);
    }
    const after = source.charCodeAt(j);
    if (isUnit(after)) {
      const next = source.charCodeAt(j + 1);
      if (!isIdentPart(next) && next !== 46) return this.#match(T.Duration, j + 1);
    }
    if (after === 46) {
      const path = stickyEnd(DIGIT_PATH, source, i);
      if (path >= 0) return this.#match(T.FieldPath, path);
    }
    const number = numberEnd(source, i);
    if (number >= 0) return this.#match(T.Number, number);
    // Digit segments before a backquoted one (`1.`a b``): rare, so looked for only here.
    const quoted = after === 46 ? quotedPathEnd(source, i) : -1;
    if (quoted >= 0) return this.#match(T.QuotedField, quoted);
    return this.#match(T.InvalidNumber, stickyEnd(INVALID_NUMBER, source, i));
  }

  /** Operators and punctuation, longest first, as ordered in tokens.ts. */
  #punctuation(i: number, c: number): number {
    const next = this.source.charCodeAt(i + 1);
    switch (c) {
      case 38: // &
        return next === 38 ? this.#match(T.AndAnd, i + 2) : -1;
      case 124: // |
        return next === 124 ? this.#match(T.OrOr, i + 2) : -1;
      case 33: // !
        return next === 61 ? this.#match(T.BangEq, i + 2) : next === 126 ? this.#match(T.NotTilde, i + 2) : this.#match(T.Bang, i + 1);
      case 61: // =
        return next === 61 ? this.#match(T.EqEq, i + 2) : this.#match(T.Eq, i + 1);
      case 60: // <
        return next === 62 ? this.#match(T.NotEq, i + 2) : next === 61 ? this.#match(T.Le, i + 2) : this.#match(T.Lt, i + 1);
      case 62: // >
        return next === 61 ? this.#match(T.Ge, i + 2) : this.#match(T.Gt, i + 1);
      case 126:
        return this.#match(T.Tilde, i + 1);
      case 43:
        return this.#match(T.Plus, i + 1);
      case 45:
        return this.#match(T.Minus, i + 1);
      case 40:
        return this.#match(T.LParen, i + 1);
      case 41:
        return this.#match(T.RParen, i + 1);
      case 91:
        return this.#match(T.LBracket, i + 1);
      case 93:
        return this.#match(T.RBracket, i + 1);
      case 44:
        return this.#match(T.Comma, i + 1);
      default:
        return -1;
    }
  }
}

/**
 * Scans `source`. Literal problems (escapes, numbers, dates, unterminated quotes) are reported
 * into `bag` when one is given; characters no token matches are returned in `unmatched`.
 * `base` shifts every offset: a template's pieces are scanned one by one within its text.
 */
export function scan(source: string, bag?: DiagnosticBag, base = 0): Scanned {
  const tokens: ScannedToken[] = [];
  const unmatched: [number, number][] = [];
  const matcher = new Matcher(source);
  let openers = 0;
  let i = 0;
  const length = source.length;
  while (i < length) {
    const c = source.charCodeAt(i);
    // The common cases first, without the matcher: spaces between tokens, names and keywords.
    if (c === 32) {
      i++;
      continue;
    }
    if (isIdentStart(c)) {
      const end = pathEnd(source, i);
      if (end === i + 1 && isRawStart(source, i)) {
        const raw = matcher.at(i);
        tokens.push(read(matcher.type, source, i, raw, bag, base));
        i = raw;
        continue;
      }
      const type = keywordAt(source, i, end) ?? T.FieldPath;
      tokens.push(plainToken(type, source, i, end, base));
      if (OPENERS[type.tokenTypeIdx!] === 1) openers++;
      i = end;
      continue;
    }
    const end = matcher.at(i);
    if (end < 0) {
      // `a.` before a backquoted segment: the path so far and the rest are one QuotedField.
      const path = c === 46 ? quotedPathAfter(tokens, source, i, base) : -1;
      if (path >= 0) {
        const from = tokens.pop()!.startOffset - base;
        tokens.push(read(T.QuotedField, source, from, path, bag, base));
        i = path;
        continue;
      }
      // One report per run of unmatchable characters, as Chevrotain's lexer does.
      const start = i;
      i++;
      while (i < length && matcher.at(i) < 0) i++;
      unmatched.push([base + start, i - start]);
      continue;
    }
    const type = matcher.type;
    if (type !== T.WhiteSpace) {
      const idx = type.tokenTypeIdx!;
      tokens.push(PLAIN[idx] === 1 ? plainToken(type, source, i, end, base) : read(type, source, i, end, bag, base));
      if (OPENERS[idx] === 1) openers++;
    }
    i = end;
  }
  return { tokens, unmatched, openers };
}

/** Where a QuotedField that starts with the last token ends, when that token is the start of a
 * path (a name or a keyword) right before the `.` at `dot`; else -1. */
function quotedPathAfter(tokens: readonly ScannedToken[], source: string, dot: number, base: number): number {
  const last = tokens[tokens.length - 1];
  if (source.charCodeAt(dot + 1) !== 96 || last === undefined) return -1;
  const start = last.startOffset - base;
  if (start + last.image.length !== dot || !(last.tokenType === T.FieldPath || KEYWORD_SET.has(last.tokenType))) return -1;
  return quotedPathEnd(source, start);
}

const KEYWORD_SET: ReadonlySet<TokenType> = new Set(T.keywords.map(([, type]) => type));

/** Names, keywords, operators and punctuation: tokens whose image is all there is to them, made
 * by plainToken rather than `read`. */
const PLAIN = new Uint8Array(T.TOKEN_TABLE_SIZE);
for (const type of [
  T.FieldPath,
  ...T.keywords.map(([, keyword]) => keyword),
  T.NotEq, T.NotTilde, T.Bang, T.Eq, T.Le, T.Ge, T.Lt, T.Gt, T.Tilde, T.Plus, T.Minus,
  T.LParen, T.RParen, T.LBracket, T.RBracket, T.Comma,
]) {
  PLAIN[type.tokenTypeIdx!] = 1;
}

const OPENERS = new Uint8Array(T.TOKEN_TABLE_SIZE);
for (const type of [T.LParen, T.LBracket, T.NotKw, T.Bang]) OPENERS[type.tokenTypeIdx!] = 1;

/** Fixed spellings (keywords in lower case, operators) share one string instead of a slice each;
 * indexed by tokenTypeIdx, as every token is looked up here. */
const SPELLINGS: (string | undefined)[] = [];
for (const [type, spelling] of [
  ...T.keywords.map(([word, keyword]) => [keyword, word] as const),
  [T.AndAnd, "&&"], [T.OrOr, "||"], [T.NotTilde, "!~"], [T.Le, "<="], [T.Ge, ">="],
] as const) {
  SPELLINGS[type.tokenTypeIdx!] = spelling;
}

function imageOf(type: TokenType, source: string, from: number, to: number): string {
  const spelling = SPELLINGS[type.tokenTypeIdx!];
  if (spelling !== undefined && spelling.length === to - from && isAt(source, from, spelling)) return spelling;
  return source.slice(from, to);
}

/** Whether `text` occurs in `source` at `from` (startsWith without the builtin's call cost, for
 * the short spellings compared here). */
function isAt(source: string, from: number, text: string): boolean {
  for (let k = 0; k < text.length; k++) if (source.charCodeAt(from + k) !== text.charCodeAt(k)) return false;
  return true;
}

/** The value of a number literal written in at most 15 plain digits (exact in a double), read
 * from the digits; NaN for any other form, which Number() then reads. */
function plainIntegerValue(source: string, from: number, to: number): number {
  if (to - from > 15) return Number.NaN;
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = source.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return Number.NaN;
    value = value * 10 + d;
  }
  return value;
}

/** A name, keyword, operator or punctuation token: its image is all there is to it. */
function plainToken(type: TokenType, source: string, from: number, to: number, base: number): ScannedToken {
  if (type === T.FieldPath) {
    const image = source.slice(from, to);
    return makeToken(type, image, from + base, image);
  }
  return makeToken(type, imageOf(type, source, from, to), from + base);
}

/** The smallest normal double: below it a number keeps fewer significant digits. */
const MIN_NORMAL = 2.2250738585072014e-308;

/** A decimal's significant digits and scale (`1.50e-3` and `0.0015` give the same key). */
function decimalKey(text: string): string {
  const [mantissa = "", exponent = "0"] = text.toLowerCase().split("e");
  const [whole = "", fraction = ""] = mantissa.split(".");
  const digits = whole + fraction;
  const lead = digits.search(/[1-9]/);
  if (lead < 0) return "0";
  return `${digits.slice(lead).replace(/0+$/, "")}e${Number(exponent) + whole.length - lead}`;
}

/** The canonical spelling of each accepted alias. */
const ALIASES = new Map<TokenType, string>([
  [T.EqEq, "="],
  [T.BangEq, "<>"],
  [T.AndAnd, "and"],
  [T.OrOr, "or"],
]);

/** `==`, `!=`, `&&`, `||` work, with a warning and a fix to the spelling dfsq prints. */
function reportAlias(type: TokenType, source: string, from: number, to: number, bag: DiagnosticBag, base: number): void {
  const canonical = ALIASES.get(type)!;
  // A word needs space around it where the alias had none: `a&&b` becomes `a and b`.
  const pad = (c: number) => (/[a-z]/.test(canonical) && !Number.isNaN(c) && !isSpace(c) && c !== 40 && c !== 41 ? " " : "");
  const insert = pad(source.charCodeAt(from - 1)) + canonical + pad(source.charCodeAt(to));
  const span = { start: from + base, end: to + base };
  const image = source.slice(from, to);
  bag.report("operator_alias", span, messages.operatorAlias(image, canonical), {
    data: { written: image, operator: canonical },
    hint: hints.write(canonical),
    fixes: [{ title: hints.write(canonical), edits: [{ span, insert }] }],
  });
}

/**
 * A QuotedField's path: its segments joined by dots, the backquoted ones decoded. Reports bad
 * escapes and empty backquoted segments.
 */
function readQuotedPath(image: string, start: number, bag: DiagnosticBag | undefined): string {
  let path = "";
  let i = 0;
  for (;;) {
    let end: number;
    if (image.charCodeAt(i) === 96) {
      end = quotedEnd(image, i + 1, 96);
      const decoded = decodeEscapes(image.slice(i + 1, end - 1), "`");
      for (const bad of decoded.bad) {
        const at = start + i + 1 + bad.offset;
        bag?.report("invalid_escape", { start: at, end: at + bad.length }, messages.invalidEscape(bad.text), { hint: hints.backslash() });
      }
      if (end === i + 2) bag?.report("empty_field_name", { start: start + i, end: start + end }, messages.emptyFieldName());
      path += decoded.value;
    } else {
      end = image.indexOf(".", i);
      if (end < 0) end = image.length;
      path += image.slice(i, end);
    }
    if (end >= image.length) return path;
    path += ".";
    i = end + 1;
  }
}

/** Makes the token and reads its literal, reporting what is wrong with it. */
function read(type: TokenType, source: string, from: number, to: number, bag: DiagnosticBag | undefined, base: number): ScannedToken {
  const image = imageOf(type, source, from, to);
  const start = from + base;
  const end = to + base;
  switch (type) {
    case T.FieldPath:
      return makeToken(type, image, start, image);
    case T.Number: {
      const plain = plainIntegerValue(source, from, to);
      if (!Number.isNaN(plain)) return makeToken(type, image, start, plain);
      const value = Number(image);
      if (!Number.isFinite(value) || (value === 0 && /[1-9]/.test(image.split(/e/i)[0]!))) {
        bag?.report("invalid_number", { start, end }, value === 0 ? messages.numberUnderflow(image) : messages.numberOutOfRange(image));
        return makeToken(type, image, start, undefined);
      }
      if (!Number.isSafeInteger(value) && /^\d+$/.test(image)) {
        bag?.report("imprecise_number", { start, end }, messages.impreciseNumber(image, value), { hint: hints.quoteText(image), data: { text: image, value } });
      } else if (value !== 0 && Math.abs(value) < MIN_NORMAL && decimalKey(image) !== decimalKey(String(value))) {
        // A subnormal keeps fewer digits than were written: say what is sent.
        bag?.report("imprecise_number", { start, end }, messages.impreciseNumber(image, value), { data: { text: image, value } });
      }
      return makeToken(type, image, start, value);
    }
    case T.InvalidNumber: {
      let hint: string | undefined;
      if (/^0\d/.test(image) && /^[\d.]+$/.test(image)) hint = hints.leadingZero(image);
      else if (image.startsWith(".")) hint = hints.leadingDot(image);
      else if (/^\d+[A-Z]$/.test(image)) hint = hints.durationUnit();
      else if (/[A-Za-z_]/.test(image)) hint = hints.quoteText(image);
      bag?.report("invalid_number", { start, end }, messages.invalidNumber(image), { hint });
      return makeToken(type, image, start, undefined);
    }
    case T.DoubleString:
    case T.SingleString: {
      const decoded = decodeEscapes(image.slice(1, -1), image[0] === "'" ? "'" : '"');
      if (decoded.bad.length > 0) for (const bad of decoded.bad) {
        const at = start + 1 + bad.offset;
        const span = { start: at, end: at + bad.length };
        // `\d`, `\v`…: meant for RE2, which needs the backslash itself sent; doubling it does that.
        const doubled = bad.text.startsWith("\\u") ? undefined : `\\${bad.text}`;
        bag?.report("invalid_escape", span, messages.invalidEscape(bad.text), {
          hint: /^[dDwWsSAzpPQEv.?*+(){}[\]|^$]$/.test(bad.text.slice(1)) ? hints.regexEscape(bad.text) : hints.backslash(),
          fixes: doubled === undefined ? undefined : [{ title: hints.write(doubled), edits: [{ span, insert: doubled }] }],
        });
      }
      return makeToken(type, image, start, decoded.bad.length > 0 ? undefined : decoded.value);
    }
    case T.RawString:
      return makeToken(type, image, start, image.slice(2, -1));
    case T.UnterminatedString:
    case T.UnterminatedRawString:
      bag?.report("unterminated_string", { start, end }, messages.unterminatedString());
      return makeToken(type, image, start, undefined);
    case T.EqEq:
    case T.BangEq:
    case T.AndAnd:
    case T.OrOr:
      if (bag !== undefined) reportAlias(type, source, from, to, bag, base);
      return makeToken(type, image, start);
    case T.CurlyString:
      bag?.report("unexpected_character", { start, end: start + 1 }, messages.curlyQuote(), { hint: hints.straightQuotes() });
      return makeToken(type, image, start, undefined);
    case T.QuotedField:
      return makeToken(type, image, start, readQuotedPath(image, start, bag));
    case T.UnterminatedField:
      bag?.report("unterminated_string", { start, end }, messages.unterminatedField());
      return makeToken(type, image, start, image.slice(1));
    case T.DateTime: {
      const parsed = parseIsoDate(image);
      if (!parsed.ok) {
        bag?.report("invalid_date", { start, end }, messages.invalidDate(image, parsed.problem), { data: { problem: parsed.problem } });
        return makeToken(type, image, start, undefined);
      }
      if (parsed.fractional) bag?.report("fractional_seconds", { start, end }, messages.fractionalSeconds(image));
      return makeToken(type, image, start, parsed.epochMs);
    }
    case T.InvalidDate: {
      const parsed = parseIsoDate(image);
      const problem: DateProblem = parsed.ok ? { kind: "trailing" } : parsed.problem;
      bag?.report("invalid_date", { start, end }, messages.invalidDate(image, problem), { data: { problem } });
      return makeToken(type, image, start, undefined);
    }
    case T.Duration:
      return makeToken(type, image, start, { amount: Number(image.slice(0, -1)), unit: image.slice(-1) as TimeUnit });
    default:
      return makeToken(type, image, start);
  }
}
