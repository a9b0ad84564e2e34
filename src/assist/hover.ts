import { tokenMatcher } from "chevrotain";
import { forEachLeaf } from "../check/walk.js";
import { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { Expr, OrderByNode, TimeValue, Value } from "../syntax/ast.js";
import type { ScannedToken } from "../syntax/lexer.js";
import { describeOperator, describeWord, operatorEntry, wordEntry } from "../syntax/operator-table.js";
import * as T from "../syntax/tokens.js";
import { readOptions, resolveCatalogOption } from "../options.js";
import { toEpochMs } from "../values/time.js";
import { analyzeScanned } from "./analyze.js";
import { fieldInfo, timeInfo } from "./info.js";
import { checkPosition } from "./position.js";
import type { AssistOptions, HoverResult } from "./types.js";

/** The time value (`now - 30d`, a date) of the filter that covers `offset`, if any. */
function timeAt(ast: Expr | OrderByNode | undefined, offset: number): TimeValue | undefined {
  if (ast === undefined || ast.kind === "orderBy") return undefined;
  let found: TimeValue | undefined;
  const visit = (v: Value) => {
    if (v.kind === "time" && v.span.start <= offset && offset < v.span.end) found = v;
  };
  forEachLeaf(ast, (leaf) => {
    if (leaf.kind === "between") {
      visit(leaf.low);
      visit(leaf.high);
    } else if (leaf.kind === "condition") {
      if (leaf.operand.kind === "list") leaf.operand.items.forEach(visit);
      else if (leaf.operand.kind !== "field") visit(leaf.operand);
    }
  });
  return found;
}

const end = (x: ScannedToken) => x.startOffset + x.image.length;

/** The operator a token spells, reading `not` with the word after it (`not like`) and `is [not] null`. */
function operatorText(tokens: readonly ScannedToken[], index: number): { text: string; from: number; to: number } {
  const t = tokens[index]!;
  const next = tokens[index + 1];
  const prev = tokens[index - 1];
  if (t.tokenType === T.NotKw && next !== undefined && operatorEntry(`not ${next.image}`) !== undefined && prev !== undefined && tokenMatcher(prev, T.FieldName)) {
    return { text: `not ${next.image}`, from: t.startOffset, to: end(next) };
  }
  if (prev?.tokenType === T.NotKw && operatorEntry(`not ${t.image}`) !== undefined && tokens[index - 2] !== undefined && tokenMatcher(tokens[index - 2]!, T.FieldName)) {
    return { text: `not ${t.image}`, from: prev.startOffset, to: end(t) };
  }
  const is = [t, prev, tokens[index - 2]].find((x) => x?.tokenType === T.IsKw);
  if (is !== undefined) {
    const at = tokens.indexOf(is);
    const negated = tokens[at + 1]?.tokenType === T.NotKw;
    const last = tokens[at + (negated ? 2 : 1)];
    if (last?.tokenType === T.NullKw && index <= at + (negated ? 2 : 1)) return { text: negated ? "is not null" : "is null", from: is.startOffset, to: end(last) };
  }
  return { text: t.image, from: t.startOffset, to: end(t) };
}

/**
 * What is under the cursor: the problem there (message and hint), else the field's type,
 * operators, sortability and documented values, else the instant a time stands for, else what
 * the word means. Null over whitespace and outside the text. Code in the text is in backquotes.
 * Throws DfsqError (`invalid_argument`) when `source` is not a string or `offset` not a whole
 * number.
 */
export function hover(source: string, offset: number, options: AssistOptions = {}): HoverResult | null {
  checkPosition("hover", source, offset);
  const read = readOptions<AssistOptions>(options, () => {});
  const { analysis, scanned } = analyzeScanned(source, options);
  const problem = analysis.diagnostics.find(
    (d) => d.option === undefined && d.path === undefined && d.span.start <= offset && (offset < d.span.end || (d.span.start === d.span.end && offset === d.span.start)),
  );
  if (problem !== undefined) {
    return {
      from: problem.span.start,
      to: Math.max(problem.span.end, problem.span.start),
      text: `${problem.severity} [${problem.code}]: ${problem.message}${problem.hint === undefined ? "" : `\n${problem.hint}`}`,
    };
  }
  const index = scanned.tokens.findIndex((t) => t.startOffset <= offset && offset < t.startOffset + t.image.length);
  const token = scanned.tokens[index];
  if (token === undefined) return null;
  const span = { from: token.startOffset, to: token.startOffset + token.image.length };
  if (tokenMatcher(token, T.FieldName)) {
    const path = typeof token.payload === "string" ? token.payload : token.image;
    const catalog = resolveCatalogOption(read, new DiagnosticBag(source), read.mode === "orderBy" ? "order_by" : "filters");
    const fields = catalog?.fields;
    const match = fields?.lookup(path);
    if (catalog === undefined || fields === undefined || match === undefined) {
      return { ...span, text: fields === undefined || catalog === undefined ? `field ${path}` : `field ${path}: not in ${catalog.name}` };
    }
    return { ...span, text: fieldInfo(catalog, match, path) };
  }
  const time = timeAt(analysis.ast, offset);
  if (time !== undefined) {
    const written = source.slice(time.span.start, time.span.end);
    const word = wordEntry(token.image);
    const text = `\`${written}\` ${timeInfo(time.anchor, time.shifts, toEpochMs(read.now))}`;
    return { from: time.span.start, to: time.span.end, text: word === undefined ? text : `${text}\n${describeWord(word)}` };
  }
  const op = operatorText(scanned.tokens, index);
  const entry = operatorEntry(op.text);
  if (entry !== undefined) return { from: op.from, to: op.to, text: describeOperator(entry) };
  const word = wordEntry(token.image);
  if (word !== undefined) return { ...span, text: describeWord(word) };
  if (tokenMatcher(token, T.StringLiteral)) return { ...span, text: "a string" };
  if (tokenMatcher(token, T.NumberLiteral)) return { ...span, text: "a number" };
  if (token.tokenType === T.DateTime) return { ...span, text: "a date, sent as `yyyy-mm-dd hh:mm:ss +00:00` (UTC)" };
  if (token.tokenType === T.Duration) return { ...span, text: "a duration: `s`, `m` (minutes), `h`, `d`, `w`" };
  return null;
}
