import { EOF, tokenMatcher, type IRecognitionException, type IToken } from "chevrotain";
import type { DiagnosticBag, Span } from "../diagnostics/diagnostic.js";
import { hints, messages } from "../diagnostics/messages.js";
import type { Limits } from "../options.js";
import type { Expr, OrderByNode } from "./ast.js";
import { scan, type Scanned, type ScannedToken } from "./lexer.js";
import { parsedPieces } from "./fragments.js";
import { findExcessNesting } from "./nesting.js";
import { operatorExpected } from "./parse-errors.js";
import { parser, type DfsqParser } from "./parser.js";
import * as T from "./tokens.js";

/*
 * Source → AST, reporting every lexical and syntax error the recovering parser finds. Hostile
 * input is stopped before it can hurt: over-long input is not scanned, over-deep nesting is not
 * parsed.
 */

export interface Parsed<T> {
  /** The AST, partial where the parser recovered from errors; absent when input was refused. */
  readonly ast: T | undefined;
  /** The tokens, also when the input was refused as too deep; none when it was too long. */
  readonly tokens: readonly ScannedToken[];
  /** Runs of characters no token matches, as `[offset, length]`. */
  readonly unmatched: Scanned["unmatched"];
  /** Where a filter had errors: the conditions that parsed on their own but are not in `ast`
   * (see fragments.ts), so that their fields can still be checked. */
  readonly pieces?: readonly Expr[];
}

const CURLY_QUOTES = /[\u2018\u2019\u201c\u201d\u00ab\u00bb]/;

/** Scans `source` (at `base` within the text diagnostics refer to), reporting literal problems
 * and characters no token matches. */
export function scanInto(source: string, bag: DiagnosticBag, base = 0): Scanned {
  const scanned = scan(source, bag, base);
  const { unmatched } = scanned;
  for (const [offset, length] of unmatched) {
    const text = source.slice(offset - base, offset - base + length);
    const curly = CURLY_QUOTES.test(text);
    bag.report("unexpected_character", { start: offset, end: offset + length }, curly ? messages.curlyQuote() : messages.unexpectedCharacter(text), {
      hint: curly ? hints.straightQuotes() : undefined,
    });
  }
  return scanned;
}

/** Refuses input over the length cap before any scanning. */
function withinLength(source: string, bag: DiagnosticBag, limits: Limits): boolean {
  if (source.length <= limits.maxInputLength) return true;
  bag.report("input_too_long", { start: limits.maxInputLength, end: source.length }, messages.inputTooLong(source.length, limits.maxInputLength));
  return false;
}

/** Refuses nesting past the depth cap before the recursive-descent parser sees it. */
function withinDepth(tokens: readonly ScannedToken[], bag: DiagnosticBag, limits: Limits): boolean {
  const deep = findExcessNesting(tokens, limits.maxDepth);
  if (deep < 0) return true;
  const t = tokens[deep]!;
  bag.report("nesting_too_deep", { start: t.startOffset, end: t.startOffset + t.image.length }, messages.nestingTooDeep(limits.maxDepth));
  return false;
}

function reportSyntaxErrors(
  errors: readonly IRecognitionException[],
  tokens: readonly IToken[],
  length: number,
  bag: DiagnosticBag,
): void {
  // Recovery resumes right after an error, where a second error is usually an echo of the first
  // (`f between 1 or 2` would also complain about `2`). Errors on adjacent tokens are reported
  // once, and "expected the end of input" only when it is the sole error.
  const onlyError = errors.length === 1;
  let lastIndex = -2;
  for (const e of errors) {
    if (!onlyError && e.name === "NotAllInputParsedException") continue;
    const atEnd = e.token.tokenType === EOF || Number.isNaN(e.token.startOffset);
    const index = atEnd ? tokens.length : tokens.indexOf(e.token);
    if (index <= lastIndex + 1) continue;
    lastIndex = index;
    const span: Span = atEnd
      ? { start: length, end: length }
      : { start: e.token.startOffset, end: e.token.startOffset + e.token.image.length };
    const previous = index > 0 ? tokens[index - 1] : undefined;
    const afterBareField =
      e.name === "NotAllInputParsedException" && previous !== undefined && tokenMatcher(previous, T.FieldName);
    bag.report(
      atEnd ? "unexpected_end" : "unexpected_token",
      span,
      afterBareField && !tokenMatcher(e.token, T.FieldName) ? operatorExpected(previous, e.token) : e.message,
      { hint: syntaxHint(e, tokens, atEnd) },
    );
  }
}

function syntaxHint(e: IRecognitionException, tokens: readonly IToken[], atEnd: boolean): string | undefined {
  const index = atEnd ? tokens.length : tokens.indexOf(e.token);
  const previous = index > 0 ? tokens[index - 1] : undefined;
  const rule = e.context.ruleStack[e.context.ruleStack.length - 1];
  if (!atEnd && e.name === "NotAllInputParsedException") {
    if (previous !== undefined && tokenMatcher(previous, T.FieldName) && !tokenMatcher(e.token, T.FieldName)) {
      return hints.addOperator(previous.image);
    }
    return hints.addConnective();
  }
  if (!atEnd && rule === "value" && e.token.tokenType === T.FieldPath) return hints.quoteText(e.token.image);
  if (!atEnd && e.token.tokenType === T.InterpolatedString && rule !== "value") return hints.interpolateField();
  if (!atEnd && previous?.tokenType === T.IsKw) return hints.isNull();
  return undefined;
}

/** Lets the shared parser drop its hold on the tokens: they are garbage as soon as the caller is
 * done with them, rather than alive until the next parse (a 10,000-condition input's tokens are
 * megabytes, copied by every young-generation GC while the checks run). */
function release(p: ReturnType<typeof parser>): void {
  p.input = [];
}

/** A start rule of the grammar, run on the shared parser. */
type Start<T> = (p: DfsqParser) => T;
const FILTER: Start<Expr> = (p) => p.filter();
const ORDER_BY: Start<OrderByNode> = (p) => p.orderBy() ?? { kind: "orderBy", rules: [], span: { start: 0, end: 0 } };

function parseSource<T>(start: Start<T>, source: string, bag: DiagnosticBag, limits: Limits): Parsed<T> {
  if (!withinLength(source, bag, limits)) return { ast: undefined, tokens: [], unmatched: [] };
  const { tokens, unmatched, openers } = scanInto(source, bag);
  return { ast: parseTokens(start, tokens, source.length, bag, limits, openers).ast, tokens, unmatched };
}

/** `openers` bounds how deep the tokens can nest (see Scanned); unknown for a template's tokens. */
function parseTokens<T>(
  start: Start<T>,
  tokens: ScannedToken[],
  length: number,
  bag: DiagnosticBag,
  limits: Limits,
  openers = Number.POSITIVE_INFINITY,
): Parsed<T> {
  if (openers > limits.maxDepth && !withinDepth(tokens, bag, limits)) return { ast: undefined, tokens, unmatched: [] };
  const p = parser(tokens);
  const ast = start(p);
  reportSyntaxErrors(p.errors, tokens, length, bag);
  release(p);
  return { ast, tokens, unmatched: [] };
}

/** Parses a filter expression. */
export function parseFilter(source: string, bag: DiagnosticBag, limits: Limits): Parsed<Expr> {
  const errors = bag.errorCount;
  const parsed = parseSource(FILTER, source, bag, limits);
  if (bag.errorCount === errors || parsed.ast === undefined) return parsed;
  return { ...parsed, pieces: parsedPieces(parsed.tokens, parsed.ast) };
}

/** Parses the tokens of a filter: from the scanner, or made from a template's pieces and values.
 * `length` is the length of the text diagnostics refer to. */
export function parseFilterTokens(tokens: ScannedToken[], length: number, bag: DiagnosticBag, limits: Limits): Parsed<Expr> {
  return parseTokens(FILTER, tokens, length, bag, limits);
}

/** Parses an order-by expression: `field [asc|desc] {, field [asc|desc]}`. */
export function parseOrderBy(source: string, bag: DiagnosticBag, limits: Limits): Parsed<OrderByNode> {
  return parseSource(ORDER_BY, source, bag, limits);
}

export function parseOrderByTokens(tokens: ScannedToken[], length: number, bag: DiagnosticBag, limits: Limits): Parsed<OrderByNode> {
  return parseTokens(ORDER_BY, tokens, length, bag, limits);
}
