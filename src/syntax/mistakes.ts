import { tokenMatcher, type IToken, type TokenType } from "chevrotain";
import type { DiagnosticCode } from "../diagnostics/codes.js";
import type { DiagnosticData, Fix, Span } from "../diagnostics/diagnostic.js";
import * as hints from "../diagnostics/hints.js";
import * as messages from "../diagnostics/messages.js";
import { quotePattern, quoteSegments, quoteString } from "../values/strings.js";
import { parseIsoDate } from "../values/time.js";
import type { TimeUnit } from "./ast.js";
import { makeToken, type ScannedToken } from "./lexer.js";
import * as T from "./tokens.js";

/*
 * Mistakes people make, recognised where parsing failed: `=>`, `contains "x"`, `now - 30 days`,
 * `2024/01/31`, `like %seo%`, `1,000`, a pasted JSON array, a hyphen in a field name… Each becomes
 * one precise diagnostic, with a quick fix where the intent is plain, instead of the cascade a
 * recovering parser leaves; and each repairs the tokens (the fix, applied), so that parse.ts parses
 * the rest as if fixed and reports only what is still wrong. This runs only on input with errors,
 * and valid input is never claimed: a recogniser matches token sequences no valid input has (a
 * field right before `-`), or, where the sequence can be valid (`1,000` in a list), claims it only
 * where the scanner or the parser failed inside it (a "site"). test/syntax/mistakes.prop.test.ts
 * holds them to that on generated valid input.
 */

export interface MistakeContext {
  readonly source: string;
  readonly tokens: readonly ScannedToken[];
  readonly mode: "filter" | "orderBy";
  /** Indexes of the tokens where the parser failed inside a list. */
  readonly listFailures: ReadonlySet<number>;
  /** Offsets where the scanner or the parser failed, sorted. */
  readonly sites: readonly number[];
}

export interface Mistake {
  /** The tokens `[from, to)` that `repair` replaces; no repair keeps them. */
  readonly from: number;
  readonly to: number;
  readonly repair?: readonly ScannedToken[];
  /** The source it explains: problems reported inside it are its echoes. */
  readonly covers: Span;
  readonly code: DiagnosticCode;
  readonly span: Span;
  readonly message: string;
  readonly hint?: string;
  readonly fixes?: readonly Fix[];
  /** The code's payload (DiagnosticData), where it has one. */
  readonly data?: object;
  /** The input is not dfsq at all (a pasted JSON value): nothing more to parse or check. */
  readonly halt?: boolean;
}

/** Looks for its mistake at token `i`. Those that need a failure inside test `failed` as soon as they
 * know the span, before they build anything: on a long input most candidates explain none. */
type Recognizer = (ctx: MistakeContext, i: number) => Mistake | readonly Mistake[] | undefined;

/** Whether something failed inside `span` (its ends included: a missing piece fails after it). */
function failed({ sites }: MistakeContext, span: Span): boolean {
  let lo = 0;
  let hi = sites.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sites[mid]! < span.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sites.length && sites[lo]! <= span.end;
}

const endOf = (t: IToken) => t.startOffset + t.image.length;
const spanOf = (t: IToken): Span => ({ start: t.startOffset, end: endOf(t) });
const touch = (a: IToken, b: IToken) => endOf(a) === b.startOffset;
const is = (t: IToken | undefined, type: TokenType): boolean => t !== undefined && tokenMatcher(t, type);
const isAny = (t: IToken | undefined, types: ReadonlySet<TokenType>): boolean => t !== undefined && types.has(t.tokenType);
const replace = (span: Span, insert: string, title = hints.write(insert)): Fix[] => [{ title, edits: [{ span, insert }] }];

function mistake<C extends DiagnosticCode>(
  code: C,
  span: Span,
  message: string,
  more: Partial<Omit<Mistake, "code" | "span" | "message" | "data">> &
    Pick<Mistake, "from" | "to"> &
    (C extends keyof DiagnosticData ? { readonly data: DiagnosticData[C] } : { readonly data?: undefined }),
): Mistake {
  return { covers: span, code, span, message, ...more };
}

// ---- operators -------------------------------------------------------------------------------

const OPERATOR_TOKENS: ReadonlySet<TokenType> = new Set([
  T.Eq, T.EqEq, T.NotEq, T.BangEq, T.Lt, T.Le, T.Gt, T.Ge, T.Bang, T.Tilde, T.NotTilde,
]);

/** Operators from other languages, or typed backwards, and what dfsq spells them. */
const OPERATOR_SPELLINGS: Readonly<Record<string, readonly [string, TokenType]>> = {
  "=>": [">=", T.Ge],
  "=<": ["<=", T.Le],
  ">>": [">", T.Gt],
  "<<": ["<", T.Lt],
  "===": ["=", T.Eq],
  "!==": ["<>", T.NotEq],
  "><": ["<>", T.NotEq],
  "=~": ["~", T.Tilde],
};

/** `a => 1`: operator characters run together into no operator. */
const operatorRun: Recognizer = ({ source, tokens }, i) => {
  const first = tokens[i]!;
  if (!isAny(first, OPERATOR_TOKENS) || (i > 0 && isAny(tokens[i - 1], OPERATOR_TOKENS) && touch(tokens[i - 1]!, first))) return;
  let j = i + 1;
  while (isAny(tokens[j], OPERATOR_TOKENS) && touch(tokens[j - 1]!, tokens[j]!)) j++;
  if (j - i < 2) return;
  // `!!a` is `not not a`; any other run is no operator.
  if (tokens.slice(i, j).every((t) => t.tokenType === T.Bang)) return;
  const span = { start: first.startOffset, end: endOf(tokens[j - 1]!) };
  const text = source.slice(span.start, span.end);
  const known = OPERATOR_SPELLINGS[text];
  if (known === undefined) return mistake("unknown_operator", span, messages.unknownOperator(text), { from: i, to: j, hint: hints.operators() });
  const [spelling, type] = known;
  return mistake("unknown_operator", span, messages.unknownOperator(text), {
    from: i,
    to: j,
    repair: [makeToken(type, text, span.start)],
    hint: hints.write(spelling),
    fixes: replace(span, spelling),
  });
};

/** Words for operators from SQL dialects and query APIs. */
const WORD_OPERATORS: Readonly<Record<string, readonly [string, TokenType] | "contains" | "starts" | "ends">> = {
  contains: "contains",
  includes: "contains",
  starts_with: "starts",
  startswith: "starts",
  begins_with: "starts",
  ends_with: "ends",
  endswith: "ends",
  eq: ["=", T.Eq],
  equals: ["=", T.Eq],
  ne: ["<>", T.NotEq],
  neq: ["<>", T.NotEq],
  gt: [">", T.Gt],
  gte: [">=", T.Ge],
  ge: [">=", T.Ge],
  lt: ["<", T.Lt],
  lte: ["<=", T.Le],
  le: ["<=", T.Le],
};

const LIKE_PATTERN = { contains: (s: string) => `%${s}%`, starts: (s: string) => `${s}%`, ends: (s: string) => `%${s}` } as const;

/** `domain contains "seo"`: a word where the operator goes. */
const wordOperator: Recognizer = ({ tokens }, i) => {
  const word = tokens[i]!;
  if (word.tokenType !== T.FieldPath) return;
  const meaning = WORD_OPERATORS[word.image.toLowerCase()];
  const before = tokens[i - 1];
  const negated = before?.tokenType === T.NotKw;
  if (meaning === undefined || !is(negated ? tokens[i - 2] : before, T.FieldName)) return;
  const message = messages.unknownOperator(word.image);
  if (typeof meaning !== "string") {
    if (negated) return;
    const [spelling, type] = meaning;
    return mistake("unknown_operator", spanOf(word), message, {
      from: i,
      to: i + 1,
      repair: [makeToken(type, word.image, word.startOffset)],
      hint: hints.write(spelling),
      fixes: replace(spanOf(word), spelling),
    });
  }
  // The text to look for: a string, or a bare word that was meant as one (not a template's value,
  // which a fix must leave where it is).
  const operand = tokens[i + 1];
  const written = operand !== undefined && operand.tokenType !== T.InterpolatedString;
  const text = !written ? undefined : is(operand, T.StringLiteral) ? operand.payload : operand.tokenType === T.FieldPath || operand.tokenType === T.Number ? operand.image : undefined;
  if (typeof text !== "string") {
    return mistake("unknown_operator", spanOf(word), message, { from: i, to: i + 1, hint: hints.likeInstead(`${LIKE_PATTERN[meaning]("…")}`) });
  }
  const pattern = LIKE_PATTERN[meaning](text);
  const span = { start: word.startOffset, end: endOf(operand!) };
  const like = `like ${quoteString(pattern)}`;
  const fixes = replace(span, like);
  if (meaning === "contains") fixes.push(...replace(span, `match ${quoteString(text)}`));
  return mistake("unknown_operator", span, message, {
    from: i,
    to: i + 2,
    repair: [makeToken(T.LikeKw, word.image, word.startOffset), makeToken(T.DoubleString, operand!.image, operand!.startOffset, pattern)],
    hint: meaning === "contains" ? hints.containsInstead(like, `match ${quoteString(text)}`) : hints.write(like),
    fixes,
  });
};

// ---- fields ----------------------------------------------------------------------------------

const KEYWORDS: ReadonlySet<TokenType> = new Set(T.keywords.map(([, type]) => type));
const NAME_PIECES: ReadonlySet<TokenType> = new Set([T.FieldPath, T.Number, T.InvalidNumber, T.Duration, ...KEYWORDS]);

/** `age_distribution.18-24 > 10`: a field name with `-` in it, which needs backquotes. */
const hyphenatedField: Recognizer = ({ source, tokens }, i) => {
  if (tokens[i]!.tokenType !== T.FieldPath || (tokens[i - 1]?.tokenType === T.Minus && touch(tokens[i - 1]!, tokens[i]!))) return;
  let last = i;
  while (
    tokens[last + 1]?.tokenType === T.Minus &&
    isAny(tokens[last + 2], NAME_PIECES) &&
    touch(tokens[last]!, tokens[last + 1]!) &&
    touch(tokens[last + 1]!, tokens[last + 2]!)
  ) {
    last += 2;
  }
  if (last === i) return;
  const span = { start: tokens[i]!.startOffset, end: endOf(tokens[last]!) };
  const path = source.slice(span.start, span.end);
  const quoted = quoteSegments(path);
  if (quoted === undefined) return;
  return mistake("field_needs_quotes", span, messages.fieldNeedsQuotes(path), {
    from: i,
    to: last + 1,
    repair: [makeToken(T.QuotedField, path, span.start, path)],
    hint: hints.write(quoted),
    fixes: replace(span, quoted, hints.quoteSegment()),
  });
};

// ---- values ----------------------------------------------------------------------------------

/** Unit words people write, and the unit dfsq has for them; months and years have none (`M` is
 * ISO 8601's month, `m` dfsq's minute). */
const UNIT_WORDS: readonly (readonly [RegExp, TimeUnit | "calendar"])[] = [
  [/^(?:mo|mons?|months?|y|yrs?|years?)$/i, "calendar"],
  [/^(?:s|secs?|seconds?)$/i, "s"],
  [/^(?:m|mins?|minutes?)$/i, "m"],
  [/^(?:h|hrs?|hours?)$/i, "h"],
  [/^(?:d|days?)$/i, "d"],
  [/^(?:w|wks?|weeks?)$/i, "w"],
];
const unitOf = (word: string) => (word === "M" ? "calendar" : UNIT_WORDS.find(([words]) => words.test(word))?.[1]);

/** Each unit in the next smaller one, for a fractional amount (`1.5d` is `36h`). */
const SMALLER: Readonly<Partial<Record<TimeUnit, readonly [TimeUnit, number]>>> = { w: ["d", 7], d: ["h", 24], h: ["m", 60], m: ["s", 60] };

/** A whole amount of one unit for `amount` of `unit`, stepping down to smaller units. */
function wholeDuration(amount: number, unit: TimeUnit): { amount: number; unit: TimeUnit } | undefined {
  let [n, u] = [amount, unit];
  for (;;) {
    if (Number.isSafeInteger(n)) return { amount: n, unit: u };
    const smaller = SMALLER[u];
    if (smaller === undefined) return undefined;
    [u, n] = [smaller[0], Math.round(n * smaller[1] * 1e9) / 1e9];
  }
}

const DURATION_TEXT = /^(\d+(?:\.\d+)?)([A-Za-z]+)$/;

/** `now - 30 days`, `now - 1mo`, `now - 1.5d`, `now - 7`: a shift that is not a duration. */
const duration: Recognizer = ({ tokens }, i) => {
  const t = tokens[i]!;
  const base = tokens[i - 2];
  if (!is(tokens[i - 1], T.Sign) || !(is(base, T.TimeBase) || base?.tokenType === T.Duration)) return;
  let amount: string;
  let unitWord: string | undefined;
  let to = i + 1;
  if (t.tokenType === T.Number) {
    amount = t.image;
    const next = tokens[i + 1];
    if (next?.tokenType === T.FieldPath && unitOf(next.image) !== undefined) {
      unitWord = next.image;
      to = i + 2;
    }
  } else if (t.tokenType === T.InvalidNumber) {
    const m = DURATION_TEXT.exec(t.image);
    if (m === null || unitOf(m[2]!) === undefined) return;
    [amount, unitWord] = [m[1]!, m[2]!];
  } else return;
  const span = { start: t.startOffset, end: endOf(tokens[to - 1]!) };
  const text = tokens.slice(i, to).map((x) => x.image).join(" ");
  const unit = unitWord === undefined ? undefined : unitOf(unitWord);
  const whole = unit === undefined || unit === "calendar" ? undefined : wholeDuration(Number(amount), unit);
  const repair = [makeToken(T.Duration, text, span.start, whole)];
  const hint =
    unit === undefined ? hints.durationUnit() : unit === "calendar" ? hints.calendarUnit() : whole === undefined ? hints.durationUnit() : undefined;
  const fixed = whole === undefined ? undefined : `${whole.amount}${whole.unit}`;
  return mistake("invalid_duration", span, messages.invalidDuration(text), {
    from: i,
    to,
    repair,
    hint: hint ?? hints.write(fixed!),
    fixes: fixed === undefined ? undefined : replace(span, fixed),
  });
};

const DATE_CHAR = /[\d./-]/;
const DATE_CHARS = /^[\d./-]{1,10}$/;
const YMD = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const DMY = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;
const two = (n: number) => String(n).padStart(2, "0");

/** `2024/01/31`, `01-31-2024`, `31.01.2024`, `2024-1-5`: a date not written yyyy-mm-dd. */
const date: Recognizer = (ctx, i) => {
  const { source, tokens } = ctx;
  const t = tokens[i]!;
  if (!(t.tokenType === T.Number || t.tokenType === T.InvalidNumber || t.tokenType === T.InvalidDate)) return;
  // The run of digits, dots, slashes and dashes from here (the slashes are no token), from its
  // start, and no longer than a date.
  if (DATE_CHAR.test(source[t.startOffset - 1] ?? "")) return;
  let end = t.startOffset;
  while (end < source.length && end - t.startOffset <= 10 && DATE_CHAR.test(source[end]!)) end++;
  const text = source.slice(t.startOffset, end);
  let to = i;
  while (to < tokens.length && tokens[to]!.startOffset < end) to++;
  if (!DATE_CHARS.test(text) || endOf(tokens[to - 1]!) > end || /^\d{4}-\d\d-\d\d$/.test(text)) return;
  let ymd: readonly [number, number, number][];
  const iso = YMD.exec(text);
  const other = DMY.exec(text);
  if (iso !== null) ymd = [[+iso[1]!, +iso[3]!, +iso[4]!]];
  else if (other !== null) {
    const [a, b, y] = [+other[1]!, +other[3]!, +other[4]!];
    // Day first where the first can only be a day, month first where the second can only be one.
    ymd = a === b || b > 12 ? [[y, a, b]] : a > 12 ? [[y, b, a]] : [[y, b, a], [y, a, b]];
  } else return;
  const span = { start: t.startOffset, end };
  if (!failed(ctx, span)) return;
  const readings = ymd.map(([y, m, d]) => `${y}-${two(m)}-${two(d)}`);
  const parsed = readings.length === 1 ? parseIsoDate(readings[0]!) : undefined;
  const repair = [makeToken(T.DateTime, text, span.start, parsed?.ok === true ? parsed.epochMs : undefined)];
  const message = parsed?.ok === false ? messages.invalidDate(text, parsed.problem) : messages.notIsoDate(text);
  return mistake("invalid_date", span, message, {
    data: { problem: parsed?.ok === false ? parsed.problem : { kind: "not_iso" } },
    from: i,
    to,
    repair,
    hint: parsed?.ok === false ? hints.isoFormat() : readings.length === 1 ? hints.isoDate(readings[0]!) : hints.ambiguousDate(readings[0]!, readings[1]!),
    fixes: parsed?.ok === true ? replace(span, readings[0]!) : undefined,
  });
};

/** `1,000` outside a list: a thousands separator. (Inside one it is two values, or a typo.) */
const thousands: Recognizer = (ctx, i) => {
  const { source, tokens } = ctx;
  const t = tokens[i]!;
  if (t.tokenType !== T.Number || !/^[1-9]\d{0,2}$/.test(t.image)) return;
  if (tokens[i - 1]?.tokenType === T.Comma && touch(tokens[i - 1]!, t)) return;
  let j = i;
  while (
    tokens[j + 1]?.tokenType === T.Comma &&
    (tokens[j + 2]?.tokenType === T.Number || tokens[j + 2]?.tokenType === T.InvalidNumber) &&
    /^\d{3}(?:\.\d+)?$/.test(tokens[j + 2]!.image) &&
    touch(tokens[j]!, tokens[j + 1]!) &&
    touch(tokens[j + 1]!, tokens[j + 2]!)
  ) {
    j += 2;
  }
  if (j === i) return;
  const span = { start: t.startOffset, end: endOf(tokens[j]!) };
  // Outside a list a comma after a number is never right; inside one, `1,500` is two values.
  const listed = inList(tokens, i);
  if (listed && !failed(ctx, span)) return;
  const text = source.slice(span.start, span.end);
  const number = text.replace(/,/g, "");
  if (listed) {
    const values = text.split(",").map(Number).join(", ");
    return mistake("invalid_number", span, messages.thousandsSeparator(text), { from: i, to: j + 1, hint: hints.thousandsInList(number, values) });
  }
  return mistake("invalid_number", span, messages.thousandsSeparator(text), {
    from: i,
    to: j + 1,
    repair: [makeToken(T.Number, text, span.start, Number(number))],
    hint: hints.write(number),
    fixes: replace(span, number),
  });
};

/** The tokens in an `in` list (the group open around them follows `in`), by index: one pass per
 * token list. */
const listTokens = new WeakMap<readonly ScannedToken[], Uint8Array>();
function inList(tokens: readonly ScannedToken[], i: number): boolean {
  let inside = listTokens.get(tokens);
  if (inside === undefined) {
    inside = new Uint8Array(tokens.length);
    const open: boolean[] = [];
    tokens.forEach((t, k) => {
      if (t.tokenType === T.LParen || t.tokenType === T.LBracket) open.push(is(tokens[k - 1], T.InKw) || is(tokens[k - 1], T.NotInKw));
      else if (t.tokenType === T.RParen || t.tokenType === T.RBracket) open.pop();
      else if (open[open.length - 1] === true) inside![k] = 1;
    });
    listTokens.set(tokens, inside);
  }
  return inside[i] === 1;
}

const PATTERN_TOKENS: ReadonlySet<TokenType> = new Set([
  T.LikeKw, T.NotLikeKw, T.IlikeKw, T.NotIlikeKw, T.RegexKw, T.NotRegexKw, T.Tilde, T.NotTilde, T.MatchKw, T.NotMatchKw,
]);
const REGEX_TOKENS: ReadonlySet<TokenType> = new Set([T.RegexKw, T.NotRegexKw, T.Tilde, T.NotTilde]);
const CONNECTIVES: ReadonlySet<TokenType> = new Set([T.AndKw, T.OrKw, T.NotKw, T.AndAnd, T.OrOr]);

/**
 * The unquoted text from `from` on: up to a space, a comma, or a closing bracket that closes
 * nothing opened within it (a regex may hold brackets). Undefined where it would split a token or
 * starts with something that is no text: a string, a connective, a group.
 */
function bareText(ctx: MistakeContext, from: number): { text: string; span: Span; to: number; index: number } | undefined {
  const { source, tokens } = ctx;
  let start = from;
  while (/\s/.test(source[start] ?? "")) start++;
  let end = start;
  let depth = 0;
  for (; end < source.length; end++) {
    const c = source[end]!;
    if (/\s/.test(c) || (c === "," && depth === 0)) break;
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") {
      if (depth === 0) break;
      depth--;
    }
  }
  if (end === start) return undefined;
  let index = 0;
  for (let hi = tokens.length; index < hi; ) {
    const mid = (index + hi) >> 1;
    if (tokens[mid]!.startOffset < start) index = mid + 1;
    else hi = mid;
  }
  let to = index;
  while (to < tokens.length && tokens[to]!.startOffset < end) to++;
  const first = tokens[index];
  if ((to > index && endOf(tokens[to - 1]!) > end) || (first !== undefined && first.startOffset === start && (is(first, T.StringLiteral) || CONNECTIVES.has(first.tokenType) || first.tokenType === T.LParen))) {
    return undefined;
  }
  return { text: source.slice(start, end), span: { start, end }, to, index };
}

/** `like %seo%`, `like seo`: a pattern without quotes. */
const unquotedPattern: Recognizer = (ctx, i) => {
  const op = ctx.tokens[i]!;
  if (!PATTERN_TOKENS.has(op.tokenType) || is(ctx.tokens[i + 1], T.StringLiteral)) return;
  const bare = bareText(ctx, endOf(op));
  if (bare === undefined || !failed(ctx, bare.span)) return;
  const quoted = REGEX_TOKENS.has(op.tokenType) ? quotePattern(bare.text) : quoteString(bare.text);
  return mistake("unexpected_token", bare.span, messages.unquotedPattern(op.image, bare.text), {
    from: bare.index,
    to: bare.to,
    repair: [makeToken(T.DoubleString, bare.text, bare.span.start, bare.text)],
    hint: hints.quoteIt(quoted),
    fixes: replace(bare.span, quoted, hints.quoteIt()),
  });
};

/** `in (seo, moz)`: text without quotes in a list, each item of it. */
const unquotedListItems: Recognizer = (ctx, i) => {
  const { tokens } = ctx;
  const open = tokens[i]!;
  if (!(open.tokenType === T.LParen || open.tokenType === T.LBracket) || !(is(tokens[i - 1], T.InKw) || is(tokens[i - 1], T.NotInKw))) return;
  const found: Mistake[] = [];
  let k = i + 1;
  let from = endOf(open);
  while (k < tokens.length && tokens[k]!.tokenType !== T.RParen && tokens[k]!.tokenType !== T.RBracket) {
    const t = tokens[k]!;
    if (t.tokenType === T.Comma) {
      from = endOf(t);
      k++;
      continue;
    }
    const bare = bareText(ctx, from);
    if (bare !== undefined && bare.index === k && (t.tokenType === T.FieldPath || bare.span.start < t.startOffset)) {
      const quoted = quoteString(bare.text);
      found.push(
        mistake("unexpected_token", bare.span, messages.unquotedValue(bare.text), {
          from: bare.index,
          to: bare.to,
          repair: [makeToken(T.DoubleString, bare.text, bare.span.start, bare.text)],
          hint: hints.quoteIt(quoted),
          fixes: replace(bare.span, quoted, hints.quoteIt()),
        }),
      );
      // Text no token covers (`é`, which the scanner could not read) ends before token k: go on
      // after the text, at the same token; otherwise after the tokens the text took.
      if (bare.to <= k) {
        from = bare.span.end;
        continue;
      }
      k = bare.to;
    } else k++;
    from = endOf(tokens[k - 1]!);
  }
  return found;
};

const VALUE_END: ReadonlySet<TokenType> = new Set([T.StringLiteral, T.NumberLiteral, T.WordLiteral, T.TimeBase, T.Duration]);
const VALUE_START: ReadonlySet<TokenType> = new Set([T.StringLiteral, T.NumberLiteral, T.WordLiteral, T.TimeBase]);
const endsValue = (t: IToken | undefined) => t !== undefined && [...VALUE_END].some((type) => tokenMatcher(t, type));
const startsValue = (tokens: readonly IToken[], k: number) => {
  const t = tokens[k];
  if (t === undefined) return false;
  if (t.tokenType === T.Minus) return is(tokens[k + 1], T.NumberLiteral);
  return [...VALUE_START].some((type) => tokenMatcher(t, type));
};

/** `in (1 2)`: values of a list without the comma between them. */
const missingComma: Recognizer = ({ tokens, listFailures }, i) => {
  if (!listFailures.has(i) || !endsValue(tokens[i - 1]) || !startsValue(tokens, i)) return;
  // Every gap of this list from here on, so that one round fixes the whole list.
  const found: Mistake[] = [];
  for (let k = i; k < tokens.length && !is(tokens[k], T.RParen) && !is(tokens[k], T.RBracket); k++) {
    if (!endsValue(tokens[k - 1]) || !startsValue(tokens, k) || tokens[k - 1]!.tokenType === T.Minus) continue;
    const at = endOf(tokens[k - 1]!);
    const next = tokens[k]!;
    const value = next.tokenType === T.Minus ? `-${tokens[k + 1]!.image}` : next.image;
    found.push(
      mistake("unexpected_token", spanOf(next), messages.missingComma(value), {
        from: k,
        to: k,
        covers: { start: at, end: next.startOffset },
        repair: [makeToken(T.Comma, ",", at)],
        hint: hints.separateValues(),
        fixes: [{ title: hints.addComma(), edits: [{ span: { start: at, end: at }, insert: "," }] }],
      }),
    );
  }
  return found;
};

// ---- structure -------------------------------------------------------------------------------

/** The closing parentheses and brackets that close nothing, by token index (one pass per token list). */
const unmatchedCloses = new WeakMap<readonly ScannedToken[], ReadonlySet<number>>();
function closingNothing(tokens: readonly ScannedToken[]): ReadonlySet<number> {
  let found = unmatchedCloses.get(tokens);
  if (found !== undefined) return found;
  const indexes = new Set<number>();
  const depth = [0, 0];
  tokens.forEach((t, k) => {
    const kind = t.tokenType === T.LParen || t.tokenType === T.RParen ? 0 : t.tokenType === T.LBracket || t.tokenType === T.RBracket ? 1 : -1;
    if (kind < 0) return;
    if (t.tokenType === T.LParen || t.tokenType === T.LBracket) depth[kind]!++;
    else if (depth[kind]! > 0) depth[kind]!--;
    else indexes.add(k);
  });
  found = indexes;
  unmatchedCloses.set(tokens, found);
  return found;
}

/** `a > 1)`: closing parentheses or brackets in a row with nothing open to close. */
const unmatchedClose: Recognizer = ({ source, tokens }, i) => {
  const closes = closingNothing(tokens);
  if (!closes.has(i) || closes.has(i - 1)) return;
  let to = i + 1;
  while (closes.has(to)) to++;
  const span = { start: tokens[i]!.startOffset, end: endOf(tokens[to - 1]!) };
  const text = source.slice(span.start, span.end);
  return mistake("unexpected_token", span, messages.unmatchedClose(text), {
    from: i,
    to,
    repair: [],
    hint: hints.unmatchedCloseHint(text),
    fixes: [{ title: hints.remove(text), edits: [{ span, insert: "" }] }],
  });
};

/** `rank descending`: a direction spelled out. */
const DIRECTION_WORDS: Readonly<Record<string, readonly [string, TokenType]>> = {
  descending: ["desc", T.DescKw],
  ascending: ["asc", T.AscKw],
};

/** A spelled-out direction where a direction may go: after a sort field, or after its comma
 * (`rank,descending`, which parses, as two fields). A field of that name takes a direction of its
 * own or comes first. */
function isDirectionWord(tokens: readonly ScannedToken[], i: number): boolean {
  const t = tokens[i]!;
  return (
    t.tokenType === T.FieldPath &&
    DIRECTION_WORDS[t.image.toLowerCase()] !== undefined &&
    (is(tokens[i - 1], T.FieldName) || (is(tokens[i - 1], T.Comma) && is(tokens[i - 2], T.FieldName))) &&
    !is(tokens[i + 1], T.Direction)
  );
}

/** Offsets of what is suspect even where it parses: in an order-by, `rank,descending` would
 * silently sort on a field named descending. */
export function suspects(tokens: readonly ScannedToken[], mode: "filter" | "orderBy"): number[] {
  if (mode !== "orderBy") return [];
  const found: number[] = [];
  for (let i = 1; i < tokens.length; i++) if (isDirectionWord(tokens, i)) found.push(tokens[i]!.startOffset);
  return found;
}

const directionWord: Recognizer = (ctx, i) => {
  const { tokens } = ctx;
  const t = tokens[i]!;
  const known = DIRECTION_WORDS[t.image.toLowerCase()];
  if (known === undefined || !isDirectionWord(tokens, i) || !failed(ctx, spanOf(t))) return;
  const [spelling, type] = known;
  return mistake("unexpected_token", spanOf(t), messages.unknownDirection(t.image), {
    from: i,
    to: i + 1,
    repair: [makeToken(type, t.image, t.startOffset)],
    hint: hints.write(spelling),
    fixes: replace(spanOf(t), spelling),
  });
};

/** What starts a condition after its field, where an order-by wants `,` or a direction. */
const CONDITION_OPERATORS: readonly TokenType[] = [T.CompareOp, T.NegatedOp, T.PatternOp, T.InKw, T.NotInKw, T.IsKw, T.BetweenKw];

/** `rank > 5` in an order-by: a condition where a sort rule goes. Dropping the condition lets
 * the rest parse, so its other sort rules are still checked. */
const conditionInOrderBy: Recognizer = (ctx, i) => {
  const { tokens, source } = ctx;
  const field = tokens[i]!;
  const op = tokens[i + 1];
  if (!is(field, T.FieldName) || op === undefined || !CONDITION_OPERATORS.some((type) => tokenMatcher(op, type))) return;
  let to = i + 2;
  for (let depth = 0; to < tokens.length && (depth > 0 || !is(tokens[to], T.Comma)); to++) {
    const t = tokens[to]!;
    if (is(t, T.LBracket) || is(t, T.LParen)) depth++;
    else if (is(t, T.RBracket) || is(t, T.RParen)) depth = Math.max(0, depth - 1);
  }
  const span = { start: op.startOffset, end: endOf(tokens[to - 1]!) };
  if (!failed(ctx, span)) return;
  const condition = source.slice(field.startOffset, span.end);
  return mistake("unexpected_token", span, messages.conditionInOrderBy(condition), {
    covers: { start: field.startOffset, end: span.end },
    from: i + 1,
    to,
    repair: [],
    hint: hints.conditionInOrderByHint(field.image),
  });
};

/** `[["rank",">",10]]`: a DataForSEO array (or a task object) pasted where dfsq text goes. */
function pastedJson(ctx: MistakeContext): Mistake | undefined {
  const text = ctx.source.trim();
  if (!/^[[{]/.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Cut short or edited: still plainly JSON when it opens an array of arrays or strings.
    if (!/^\[\s*[["]/.test(text)) return undefined;
  }
  if (value !== undefined && (typeof value !== "object" || value === null)) return undefined;
  const start = ctx.source.indexOf(text[0]!);
  const span = { start, end: start + text.length };
  const what = text.startsWith("{") ? "object" : ctx.mode;
  return mistake("json_as_text", span, messages.jsonAsText(what), {
    data: { what },
    from: 0,
    to: ctx.tokens.length,
    hint: hints.jsonAsTextHint(ctx.mode),
    halt: true,
  });
}

const RECOGNIZERS: Readonly<Record<MistakeContext["mode"], readonly Recognizer[]>> = {
  filter: [unmatchedClose, operatorRun, wordOperator, hyphenatedField, duration, date, thousands, unquotedPattern, unquotedListItems, missingComma],
  orderBy: [hyphenatedField, directionWord, conditionInOrderBy],
};

const overlap = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Whether `span` overlaps one of `spans`, which are sorted by start and do not overlap each other. */
function overlapsAny(spans: readonly Span[], span: Span): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < span.end) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && overlap(spans[lo - 1]!, span);
}

/** Whether one of `covers` (sorted by start, apart) holds all of `span`: a problem there is an echo
 * of the mistake. A zero-width cover (an inserted comma) holds nothing. */
export function explains(covers: readonly Span[], span: Span): boolean {
  let lo = 0;
  let hi = covers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (covers[mid]!.start <= span.start) lo = mid + 1;
    else hi = mid;
  }
  const cover = covers[lo - 1];
  return cover !== undefined && span.end <= cover.end && span.start < cover.end;
}

/**
 * The mistakes in `ctx.tokens`, in token order, none overlapping each other, an earlier round's
 * (`earlier`: sorted, apart) or a problem reported before that none may claim (`reported`).
 */
export function findMistakes(ctx: MistakeContext, earlier: readonly Span[], reported: readonly Span[] = []): Mistake[] {
  const free = (m: Mistake, last: Mistake | undefined) =>
    !overlapsAny(earlier, m.covers) && !reported.some((s) => overlap(s, m.covers)) && (last === undefined || !overlap(last.covers, m.covers));
  const json = pastedJson(ctx);
  if (json !== undefined) return failed(ctx, json.covers) && free(json, undefined) ? [json] : [];
  const found: Mistake[] = [];
  for (let i = 0; i < ctx.tokens.length; ) {
    let next = i + 1;
    for (const recognize of RECOGNIZERS[ctx.mode]) {
      const result = recognize(ctx, i);
      const group: readonly Mistake[] = result === undefined ? [] : Array.isArray(result) ? result : [result as Mistake];
      // In token order, so only the last one found can overlap.
      const claimed = group.filter((m) => free(m, found[found.length - 1]));
      if (claimed.length === 0) continue;
      found.push(...claimed);
      next = Math.max(next, ...claimed.map((m) => m.to));
      break;
    }
    i = next;
  }
  return found;
}

/** `tokens` with each mistake's repair applied (the mistakes in token order, not overlapping). */
export function applyRepairs(tokens: readonly ScannedToken[], mistakes: readonly Mistake[]): ScannedToken[] {
  const out: ScannedToken[] = [];
  let at = 0;
  for (const m of mistakes) {
    if (m.repair === undefined) continue;
    for (; at < m.from; at++) out.push(tokens[at]!);
    out.push(...m.repair);
    at = m.to;
  }
  for (; at < tokens.length; at++) out.push(tokens[at]!);
  return out;
}
