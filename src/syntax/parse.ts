import { EOF, tokenMatcher, type IRecognitionException, type IToken } from "chevrotain";
import { DiagnosticBag, type Diagnostic, type DiagnosticExtras, type Span } from "../diagnostics/diagnostic.js";
import type { DiagnosticCode } from "../diagnostics/codes.js";
import * as hints from "../diagnostics/hints.js";
import * as messages from "../diagnostics/messages.js";
import type { Limits } from "../options.js";
import type { Expr, OrderByNode } from "./ast.js";
import { scan, type Scanned, type ScannedToken } from "./lexer.js";
import { parsedPieces } from "./fragments.js";
import { applyRepairs, explains, findMistakes, suspects, type Mistake } from "./mistakes.js";
import { findExcessNesting } from "./nesting.js";
import { operatorExpected } from "./parse-errors.js";
import { parser, type DfsqParser } from "./parser.js";
import * as T from "./tokens.js";

/*
 * Source → AST, reporting every lexical and syntax error the recovering parser finds. Hostile
 * input is stopped before it can hurt: over-long input is not scanned, over-deep nesting is not
 * parsed. Where something failed, mistakes.ts looks for a mistake it knows: each found is one
 * precise diagnostic in place of what it explains, and the input is parsed again as if fixed.
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
  for (const unmatched of scanned.unmatched) reportUnmatched(source, unmatched, bag, base);
  return scanned;
}

function reportUnmatched(source: string, [offset, length]: readonly [number, number], bag: DiagnosticBag, base = 0): void {
  const text = source.slice(offset - base, offset - base + length);
  const curly = CURLY_QUOTES.test(text);
  bag.report("unexpected_character", { start: offset, end: offset + length }, curly ? messages.curlyQuote() : messages.unexpectedCharacter(text), {
    hint: curly ? hints.straightQuotes() : undefined,
  });
}

/** Refuses input over the length cap before any scanning. */
function withinLength(source: string, bag: DiagnosticBag, limits: Limits): boolean {
  if (source.length <= limits.maxInputLength) return true;
  bag.report("input_too_long", { start: limits.maxInputLength, end: source.length }, messages.inputTooLong(source.length, limits.maxInputLength), {
    data: { max: limits.maxInputLength, length: source.length },
  });
  return false;
}

/** Refuses nesting past the depth cap before the recursive-descent parser sees it. */
function withinDepth(tokens: readonly ScannedToken[], bag: DiagnosticBag, limits: Limits): boolean {
  const deep = findExcessNesting(tokens, limits.maxDepth);
  if (deep < 0) return true;
  const t = tokens[deep]!;
  bag.report("nesting_too_deep", { start: t.startOffset, end: t.startOffset + t.image.length }, messages.nestingTooDeep(limits.maxDepth), {
    data: { max: limits.maxDepth },
  });
  return false;
}

function reportSyntaxErrors(
  errors: readonly IRecognitionException[],
  tokens: readonly IToken[],
  length: number,
  bag: DiagnosticBag,
  explained: readonly Span[] = [],
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
    if (explains(explained, { start: span.start, end: span.start })) continue;
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

/** A start rule of the grammar, run on the shared parser, and what it parses. */
interface Start<T> {
  readonly run: (p: DfsqParser) => T;
  readonly mode: "filter" | "orderBy";
}
const FILTER: Start<Expr> = { run: (p) => p.filter(), mode: "filter" };
const ORDER_BY: Start<OrderByNode> = {
  run: (p) => p.orderBy() ?? { kind: "orderBy", rules: [], span: { start: 0, end: 0 } },
  mode: "orderBy",
};

/** What scanning found, held back from the bag until the mistakes that explain some are known. */
interface Lexical {
  readonly diagnostics: readonly Diagnostic[];
  readonly unmatched: Scanned["unmatched"];
}

function parseSource<T>(start: Start<T>, source: string, bag: DiagnosticBag, limits: Limits): Parsed<T> {
  if (!withinLength(source, bag, limits)) return { ast: undefined, tokens: [], unmatched: [] };
  const lexical = new DiagnosticBag(source);
  const { tokens, unmatched, openers } = scan(source, lexical);
  const { ast } = parseTokens(start, tokens, source.length, bag, limits, openers, { diagnostics: lexical.items, unmatched });
  return { ast, tokens, unmatched };
}

/** One run of the parser: the AST (partial where it recovered) and its errors. */
interface Parse<T> {
  readonly ast: T;
  readonly errors: readonly IRecognitionException[];
}

function runParser<T>(start: Start<T>, tokens: ScannedToken[]): Parse<T> {
  const p = parser(tokens);
  const ast = start.run(p);
  const errors = p.errors;
  release(p);
  return { ast, errors };
}

/** Rounds of repair and parse again: a repair can bring to light a mistake recovery skipped. */
const MAX_ROUNDS = 4;

/**
 * Parses the tokens; where something failed, finds the mistakes that explain it (see above). The
 * source is `bag.source`, `length` long. `openers` bounds how deep the tokens can nest (see
 * Scanned); unknown for a template's tokens, whose scanning problems are in the bag already (and
 * are left as they are).
 */
function parseTokens<T>(
  start: Start<T>,
  tokens: ScannedToken[],
  length: number,
  bag: DiagnosticBag,
  limits: Limits,
  openers = Number.POSITIVE_INFINITY,
  lexical: Lexical = { diagnostics: [], unmatched: [] },
): Parsed<T> {
  const parsed = openers > limits.maxDepth && !withinDepth(tokens, bag, limits) ? undefined : runParser(start, tokens);
  const suspect = suspects(tokens, start.mode);
  const failed = suspect.length > 0 || lexical.unmatched.length > 0 || lexical.diagnostics.some((d) => d.severity === "error");
  if (parsed === undefined || (!failed && parsed.errors.length === 0)) {
    report(lexical, [], bag);
    return { ast: parsed?.ast, tokens, unmatched: [] };
  }
  const { mistakes, last, current } = recover(start, tokens, parsed, { length, bag, limits, openers, lexical, suspect });
  const explained = mistakes.map((m) => m.covers).toSorted((a, b) => a.start - b.start);
  report(lexical, explained, bag);
  // A mistake carries its code's payload as mistakes.ts made it (the report there is typed by code).
  const reportMistake = bag.report as (code: DiagnosticCode, span: Span, message: string, extras: DiagnosticExtras & { data?: object }) => void;
  for (const m of mistakes) reportMistake.call(bag, m.code, m.span, m.message, { hint: m.hint, fixes: m.fixes, data: m.data });
  if (last !== undefined) reportSyntaxErrors(last.errors, current, length, bag, explained);
  return { ast: last?.ast, tokens, unmatched: [] };
}

/** Reports what scanning found, but for what a mistake explains (`explained`: sorted, apart). */
function report(lexical: Lexical, explained: readonly Span[], bag: DiagnosticBag): void {
  for (const d of lexical.diagnostics) if (!explains(explained, d.span)) bag.add(d);
  for (const u of lexical.unmatched) if (!explains(explained, { start: u[0], end: u[0] + u[1] })) reportUnmatched(bag.source, u, bag);
}

interface Recovery {
  readonly length: number;
  readonly bag: DiagnosticBag;
  readonly limits: Limits;
  readonly openers: number;
  readonly lexical: Lexical;
  /** Where something is suspect though it parses (see mistakes.ts `suspects`). */
  readonly suspect: readonly number[];
}

/**
 * Finds mistakes where the parse (or the scan) failed, repairs them and parses again, for up to
 * MAX_ROUNDS rounds. Returns the mistakes, the tokens as repaired, and the last parse: undefined
 * where the input is no dfsq at all, or the repairs nest it past the depth cap (reported).
 */
function recover<T>(start: Start<T>, tokens: ScannedToken[], first: Parse<T>, recovery: Recovery): { mistakes: Mistake[]; last: Parse<T> | undefined; current: ScannedToken[] } {
  const { length, bag, limits, openers, lexical, suspect } = recovery;
  const lexicalSites = [
    ...suspect,
    ...lexical.diagnostics.filter((d) => d.severity === "error").map((d) => d.span.start),
    ...lexical.unmatched.map(([offset]) => offset),
  ];
  // Problems reported before (a template's scanning) that no mistake may claim.
  const reported = bag.items.filter((d) => d.severity === "error").map((d) => d.span);
  const mistakes: Mistake[] = [];
  let current = tokens;
  let last: Parse<T> | undefined = first;
  for (let round = 0; round < MAX_ROUNDS && last.errors.length + lexicalSites.length > 0; round++) {
    const indexes = new Map(current.map((t, index) => [t, index]));
    const listFailures = new Set<number>();
    const sites = [...lexicalSites];
    for (const e of last.errors) {
      const atEnd = e.token.tokenType === EOF || Number.isNaN(e.token.startOffset);
      sites.push(atEnd ? length : e.token.startOffset);
      if (e.context.ruleStack[e.context.ruleStack.length - 1] === "list") listFailures.add(atEnd ? current.length : (indexes.get(e.token) ?? -1));
    }
    sites.sort((a, b) => a - b);
    const earlier = mistakes.map((m) => m.covers).toSorted((a, b) => a.start - b.start);
    const found = findMistakes({ source: bag.source, tokens: current, mode: start.mode, listFailures, sites }, earlier, reported);
    if (found.length === 0) break;
    mistakes.push(...found);
    if (found.some((m) => m.halt)) return { mistakes, last: undefined, current };
    current = applyRepairs(current, found);
    // Removing a `)` can deepen the nesting: check again where it could exceed the cap.
    if (openers > limits.maxDepth && !withinDepth(current, bag, limits)) return { mistakes, last: undefined, current };
    last = runParser(start, current);
    if (last.errors.length === 0) break;
  }
  return { mistakes, last, current };
}

/** Parses a filter expression. */
export function parseFilter(source: string, bag: DiagnosticBag, limits: Limits): Parsed<Expr> {
  const errors = bag.errorCount;
  const parsed = parseSource(FILTER, source, bag, limits);
  if (bag.errorCount === errors || parsed.ast === undefined) return parsed;
  return { ...parsed, pieces: parsedPieces(parsed.tokens, parsed.ast) };
}

/** Parses the tokens of a filter: from the scanner, or made from a template's pieces and values.
 * `length` is the length of the text diagnostics refer to (`bag.source`). */
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
