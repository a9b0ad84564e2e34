import type { IToken, TokenType } from "chevrotain";
import type { DiagnosticBag, Span } from "../diagnostics/diagnostic.js";
import { hints, messages } from "../diagnostics/messages.js";
import type { Limits } from "../options.js";
import { decodeEscapes } from "../values/strings.js";
import { parseIsoDate } from "../values/time.js";
import type * as A from "./ast.js";
import type * as C from "./cst.generated.js";
import * as T from "./tokens.js";

/*
 * CST → AST. Literal-level problems (escapes, numbers, dates, lists) are reported here, because
 * only here is the text of each literal at hand. The CST may be partial after error recovery, so
 * every child is treated as possibly missing; a missing piece becomes an `invalid` node.
 */

interface Context {
  readonly bag: DiagnosticBag;
  readonly limits: Limits;
}

const real = (token: IToken | undefined): token is IToken =>
  token !== undefined && token.isInsertedInRecovery !== true && !Number.isNaN(token.startOffset);

const tokenSpan = (token: IToken): Span => ({
  start: token.startOffset,
  end: (token.endOffset ?? token.startOffset + token.image.length - 1) + 1,
});

const cover = (a: Span, b: Span): Span => ({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) });
const point = (at: number): Span => ({ start: at, end: at });

function invalidValue(span: Span): A.InvalidValue {
  return { kind: "invalid", span };
}

export function buildFilter(node: C.FilterCstNode, ctx: Context, sourceLength: number): A.Expr {
  const or = node.children.orExpr?.[0];
  return or === undefined ? { kind: "invalid", span: point(sourceLength) } : orExpr(or, ctx);
}

function orExpr(node: C.OrExprCstNode, ctx: Context): A.Expr {
  return chain("or", (node.children.andExpr ?? []).map((n) => andExpr(n, ctx)), node);
}

function andExpr(node: C.AndExprCstNode, ctx: Context): A.Expr {
  return chain("and", (node.children.notExpr ?? []).map((n) => notExpr(n, ctx)), node);
}

function chain(op: A.Connective, operands: A.Expr[], node: C.OrExprCstNode | C.AndExprCstNode): A.Expr {
  if (operands.length === 1) return operands[0]!;
  if (operands.length === 0) return { kind: "invalid", span: point(firstOffset(node)) };
  return { kind: "chain", op, operands, span: cover(operands[0]!.span, operands[operands.length - 1]!.span) };
}

function firstOffset(node: { location?: { startOffset: number } }): number {
  return node.location?.startOffset ?? 0;
}

function notExpr(node: C.NotExprCstNode, ctx: Context): A.Expr {
  const { NotOp, notExpr: inner, primary: prim } = node.children;
  const notToken = NotOp?.[0];
  if (real(notToken)) {
    const opSpan = tokenSpan(notToken);
    const innerNode = inner?.[0];
    const negated: A.Expr =
      innerNode === undefined ? { kind: "invalid", span: point(opSpan.end) } : notExpr(innerNode, ctx);
    return { kind: "not", operand: negated, span: cover(opSpan, negated.span) };
  }
  const p = prim?.[0];
  return p === undefined ? { kind: "invalid", span: point(0) } : primary(p, ctx);
}

function primary(node: C.PrimaryCstNode, ctx: Context): A.Expr {
  const { LParen, RParen, orExpr: inner, condition: cond } = node.children;
  const open = LParen?.[0];
  if (real(open)) {
    const openSpan = tokenSpan(open);
    const innerNode = inner?.[0];
    const expr: A.Expr =
      innerNode === undefined ? { kind: "invalid", span: point(openSpan.end) } : orExpr(innerNode, ctx);
    const close = RParen?.[0];
    // The group's span includes its parentheses, so editors can point at the whole group.
    return { ...expr, span: cover(openSpan, real(close) ? tokenSpan(close) : expr.span) };
  }
  const c = cond?.[0];
  return c === undefined ? { kind: "invalid", span: point(0) } : condition(c, ctx);
}

function condition(node: C.ConditionCstNode, ctx: Context): A.Expr {
  const fieldNode = node.children.field?.[0];
  const predicateNode = node.children.predicate?.[0];
  const f = fieldNode === undefined ? undefined : field(fieldNode, ctx);
  if (f === undefined) return { kind: "invalid", span: point(0) };
  if (predicateNode === undefined) return { kind: "bare", field: f, span: f.span };
  return predicate(f, predicateNode, ctx);
}

const COMPARE_OPS = new Map<TokenType, A.Operator>([
  [T.Eq, "="],
  [T.NotEq, "<>"],
  [T.Lt, "<"],
  [T.Le, "<="],
  [T.Gt, ">"],
  [T.Ge, ">="],
]);

const NEGATED_OPS = new Map<TokenType, A.Operator>([
  [T.NotLikeKw, "not_like"],
  [T.NotIlikeKw, "not_ilike"],
  [T.NotRegexKw, "not_regex"],
  [T.NotMatchKw, "not_match"],
  [T.HasNotKw, "has_not"],
  [T.NotTilde, "not_regex"],
  [T.Tilde, "regex"],
]);

const POSITIVE_OPS = new Map<TokenType, readonly [A.Operator, A.Operator]>([
  [T.LikeKw, ["like", "not_like"]],
  [T.IlikeKw, ["ilike", "not_ilike"]],
  [T.RegexKw, ["regex", "not_regex"]],
  [T.MatchKw, ["match", "not_match"]],
  [T.HasKw, ["has", "has_not"]],
]);

function firstRealToken(children: Record<string, unknown>, types: readonly string[]): IToken | undefined {
  for (const name of types) {
    const tokens = children[name] as IToken[] | undefined;
    const t = tokens?.[0];
    if (real(t)) return t;
  }
  return undefined;
}

function conditionNode(f: A.FieldNode, op: A.Operator, opSpan: Span, right: A.Operand): A.ConditionNode {
  return { kind: "condition", field: f, op, operand: right, opSpan, span: cover(f.span, cover(opSpan, right.span)) };
}

function predicate(f: A.FieldNode, node: C.PredicateCstNode, ctx: Context): A.Expr {
  const ch = node.children;
  const compare = ch.CompareOp?.[0];
  if (real(compare)) {
    const opSpan = tokenSpan(compare);
    const operandNode = ch.operand?.[0];
    const right = operandNode === undefined ? invalidValue(point(opSpan.end)) : operand(operandNode, ctx);
    return conditionNode(f, COMPARE_OPS.get(compare.tokenType) ?? "=", opSpan, right);
  }
  const negatableNode = ch.negatable?.[0];
  if (negatableNode !== undefined) {
    const not = ch.NotKw?.[0];
    return negatable(f, negatableNode, real(not) ? tokenSpan(not) : undefined, ctx);
  }
  const notIn = ch.NotInKw?.[0];
  if (real(notIn)) {
    const opSpan = tokenSpan(notIn);
    const listNode = ch.list?.[0];
    return conditionNode(f, "not_in", opSpan, listNode === undefined ? invalidValue(point(opSpan.end)) : list(listNode, ctx));
  }
  const is = ch.IsKw?.[0];
  if (real(is)) {
    const nullToken = ch.NullKw?.[0];
    const negated = real(ch.NotKw?.[0]);
    const end = real(nullToken) ? tokenSpan(nullToken) : tokenSpan(is);
    const opSpan = cover(tokenSpan(is), end);
    const operandValue: A.Operand = real(nullToken)
      ? { kind: "null", span: tokenSpan(nullToken) }
      : invalidValue(point(opSpan.end));
    return conditionNode(f, negated ? "<>" : "=", opSpan, operandValue);
  }
  const opToken = firstRealToken(ch, ["NotLikeKw", "NotIlikeKw", "NotRegexKw", "NotMatchKw", "HasNotKw", "NotTilde", "Tilde"]);
  if (opToken !== undefined) {
    const opSpan = tokenSpan(opToken);
    const valueNode = ch.value?.[0];
    return conditionNode(
      f,
      NEGATED_OPS.get(opToken.tokenType) ?? "not_like",
      opSpan,
      valueNode === undefined ? invalidValue(point(opSpan.end)) : value(valueNode, ctx),
    );
  }
  return { kind: "bare", field: f, span: f.span };
}

function negatable(f: A.FieldNode, node: C.NegatableCstNode, notSpan: Span | undefined, ctx: Context): A.Expr {
  const ch = node.children;
  const negated = notSpan !== undefined;
  const withNot = (span: Span) => (notSpan === undefined ? span : cover(notSpan, span));
  const inKw = ch.InKw?.[0];
  if (real(inKw)) {
    const opSpan = withNot(tokenSpan(inKw));
    const listNode = ch.list?.[0];
    return conditionNode(
      f,
      negated ? "not_in" : "in",
      opSpan,
      listNode === undefined ? invalidValue(point(opSpan.end)) : list(listNode, ctx),
    );
  }
  const between = ch.BetweenKw?.[0];
  if (real(between)) {
    const opSpan = withNot(tokenSpan(between));
    const [lowNode, highNode] = ch.value ?? [];
    const low = lowNode === undefined ? invalidValue(point(opSpan.end)) : value(lowNode, ctx);
    const high = highNode === undefined ? invalidValue(point(low.span.end)) : value(highNode, ctx);
    return { kind: "between", field: f, negated, low, high, span: cover(f.span, cover(opSpan, high.span)) };
  }
  const opToken = firstRealToken(ch, ["LikeKw", "IlikeKw", "RegexKw", "MatchKw", "HasKw"]);
  if (opToken === undefined) return { kind: "bare", field: f, span: f.span };
  const ops = POSITIVE_OPS.get(opToken.tokenType) ?? ["like", "not_like"];
  const opSpan = withNot(tokenSpan(opToken));
  const valueNode = ch.value?.[0];
  return conditionNode(
    f,
    negated ? ops[1] : ops[0],
    opSpan,
    valueNode === undefined ? invalidValue(point(opSpan.end)) : value(valueNode, ctx),
  );
}

function operand(node: C.OperandCstNode, ctx: Context): A.Operand {
  const v = node.children.value?.[0];
  if (v !== undefined) return value(v, ctx);
  const f = node.children.field?.[0];
  const built = f === undefined ? undefined : field(f, ctx);
  return built ?? invalidValue(point(0));
}

function list(node: C.ListCstNode, ctx: Context): A.ListValue | A.InvalidValue {
  const ch = node.children;
  const open = ch.LParen?.[0] ?? ch.LBracket?.[0];
  const close = ch.RParen?.[0] ?? ch.RBracket?.[0];
  const items = (ch.value ?? []).map((v) => value(v, ctx));
  const start = real(open) ? tokenSpan(open).start : (items[0]?.span.start ?? 0);
  const end = real(close) ? tokenSpan(close).end : (items[items.length - 1]?.span.end ?? start + 1);
  const span = { start, end };
  const max = ctx.limits.maxListLength;
  if (items.length === 0 && real(open) && real(close)) {
    ctx.bag.report("empty_list", span, messages.emptyList());
  } else if (items.length > max) {
    ctx.bag.report("list_too_long", items[max]!.span, messages.listTooLong(items.length, max));
  }
  return { kind: "list", items, span };
}

function value(node: C.ValueCstNode, ctx: Context): A.Value {
  const ch = node.children;
  const str = ch.StringLiteral?.[0];
  if (real(str)) return stringValue(str, ctx);
  const num = ch.NumberLiteral?.[0];
  if (real(num)) {
    const minus = ch.Minus?.[0];
    return numberValue(num, real(minus) ? minus : undefined, ctx);
  }
  const t = ch.TrueKw?.[0] ?? ch.FalseKw?.[0];
  if (real(t)) return { kind: "boolean", value: t.tokenType === T.TrueKw, span: tokenSpan(t) };
  const n = ch.NullKw?.[0];
  if (real(n)) return { kind: "null", span: tokenSpan(n) };
  const timeNode = ch.time?.[0];
  if (timeNode !== undefined) return time(timeNode, ctx);
  const minus = ch.Minus?.[0];
  return invalidValue(real(minus) ? tokenSpan(minus) : point(0));
}

function stringValue(token: IToken, ctx: Context): A.Value {
  const span = tokenSpan(token);
  const image = token.image;
  if (token.tokenType === T.UnterminatedString) {
    ctx.bag.report("unterminated_string", span, messages.unterminatedString());
    return invalidValue(span);
  }
  if (token.tokenType === T.CurlyString) {
    ctx.bag.report("unexpected_character", { start: span.start, end: span.start + 1 }, messages.curlyQuote(), {
      hint: hints.straightQuotes(),
    });
    return invalidValue(span);
  }
  const quote = image[0] === "'" ? "'" : '"';
  const decoded = decodeEscapes(image.slice(1, -1), quote);
  for (const bad of decoded.bad) {
    const at = span.start + 1 + bad.offset;
    const escaped = bad.text.slice(1);
    ctx.bag.report("invalid_escape", { start: at, end: at + bad.length }, messages.invalidEscape(bad.text), {
      hint: /^[dDwWsSAzpPQE.?*+(){}[\]|^$]$/.test(escaped) ? hints.regexEscape(bad.text) : hints.backslash(),
    });
  }
  return decoded.bad.length > 0 ? invalidValue(span) : { kind: "string", value: decoded.value, span };
}

function numberValue(token: IToken, minus: IToken | undefined, ctx: Context): A.Value {
  const numSpan = tokenSpan(token);
  const span = minus === undefined ? numSpan : cover(tokenSpan(minus), numSpan);
  const image = token.image;
  if (token.tokenType === T.InvalidNumber) {
    let hint: string | undefined;
    if (/^0\d/.test(image) && /^[\d.]+$/.test(image)) hint = hints.leadingZero(image);
    else if (image.startsWith(".")) hint = hints.leadingDot(image);
    else if (/^\d+[A-Z]$/.test(image)) hint = hints.durationUnit();
    else if (/[A-Za-z_]/.test(image)) hint = hints.quoteText(image);
    ctx.bag.report("invalid_number", numSpan, messages.invalidNumber(image), { hint });
    return invalidValue(span);
  }
  const magnitude = Number(image);
  if (!Number.isFinite(magnitude)) {
    ctx.bag.report("invalid_number", numSpan, messages.numberOutOfRange(image));
    return invalidValue(span);
  }
  const valueOut = minus === undefined ? magnitude : -magnitude;
  if (/^\d+$/.test(image) && !Number.isSafeInteger(magnitude)) {
    ctx.bag.report("imprecise_number", numSpan, messages.impreciseNumber(image, magnitude), {
      hint: hints.quoteText(image),
    });
  }
  return { kind: "number", value: valueOut, span };
}

function time(node: C.TimeCstNode, ctx: Context): A.Value {
  const ch = node.children;
  const baseToken = ch.TimeBase?.[0];
  if (!real(baseToken)) return invalidValue(point(0));
  const baseSpan = tokenSpan(baseToken);
  let anchor: A.TimeAnchor | undefined;
  if (baseToken.tokenType === T.NowKw) anchor = { kind: "now" };
  else if (baseToken.tokenType === T.TodayKw) anchor = { kind: "today" };
  else if (baseToken.tokenType === T.DateTime) {
    const parsed = parseIsoDate(baseToken.image);
    if (parsed.ok) {
      anchor = { kind: "instant", epochMs: parsed.epochMs };
      if (parsed.fractional) {
        ctx.bag.report("fractional_seconds", baseSpan, messages.fractionalSeconds(baseToken.image));
      }
    } else {
      ctx.bag.report("invalid_date", baseSpan, messages.invalidDate(baseToken.image, parsed.reason));
    }
  } else {
    const parsed = parseIsoDate(baseToken.image);
    ctx.bag.report(
      "invalid_date",
      baseSpan,
      messages.invalidDate(baseToken.image, parsed.ok ? "unexpected characters" : parsed.reason),
    );
  }
  // Signs and durations come as separate token lists; pair them up again by position.
  const signs = [...(ch.Plus ?? []), ...(ch.Minus ?? [])].filter(real).toSorted((a, b) => a.startOffset - b.startOffset);
  const durations = (ch.Duration ?? []).filter(real);
  const shifts: A.TimeShift[] = [];
  let end = baseSpan.end;
  for (let i = 0; i < durations.length; i++) {
    const d = durations[i]!;
    const sign = signs[i]?.tokenType === T.Minus ? -1 : 1;
    shifts.push({ sign, amount: Number(d.image.slice(0, -1)), unit: d.image.slice(-1) as A.TimeUnit });
    end = tokenSpan(d).end;
  }
  const span = { start: baseSpan.start, end };
  return anchor === undefined ? invalidValue(span) : { kind: "time", anchor, shifts, span };
}

export function field(node: C.FieldCstNode, ctx: Context): A.FieldNode | undefined {
  const token = node.children.FieldName?.[0];
  if (!real(token)) return undefined;
  const span = tokenSpan(token);
  switch (token.tokenType) {
    case T.QuotedField: {
      const decoded = decodeEscapes(token.image.slice(1, -1), "`");
      for (const bad of decoded.bad) {
        const at = span.start + 1 + bad.offset;
        ctx.bag.report("invalid_escape", { start: at, end: at + bad.length }, messages.invalidEscape(bad.text), {
          hint: hints.backslash(),
        });
      }
      if (decoded.value.length === 0) ctx.bag.report("empty_field_name", span, messages.emptyFieldName());
      return { kind: "field", path: decoded.value, quoted: true, span };
    }
    case T.UnterminatedField:
      ctx.bag.report("unterminated_string", span, messages.unterminatedField());
      return { kind: "field", path: token.image.slice(1), quoted: true, span };
    default:
      return { kind: "field", path: token.image, quoted: false, span };
  }
}

export function buildOrderBy(node: C.OrderByCstNode, ctx: Context): A.OrderByNode {
  const rules: A.SortRuleNode[] = [];
  for (const ruleNode of node.children.sortRule ?? []) {
    const fieldNode = ruleNode.children.field?.[0];
    const f = fieldNode === undefined ? undefined : field(fieldNode, ctx);
    if (f === undefined) continue;
    const dir = ruleNode.children.AscKw?.[0] ?? ruleNode.children.DescKw?.[0];
    const explicit = real(dir);
    rules.push({
      kind: "sort",
      field: f,
      direction: explicit && dir.tokenType === T.DescKw ? "desc" : "asc",
      explicit,
      span: explicit ? cover(f.span, tokenSpan(dir)) : f.span,
    });
  }
  const span =
    rules.length === 0 ? point(0) : cover(rules[0]!.span, rules[rules.length - 1]!.span);
  return { kind: "orderBy", rules, span };
}
