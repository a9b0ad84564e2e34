import { tokenMatcher, type TokenType } from "chevrotain";
import type { ScannedToken } from "../syntax/lexer.js";
import type { TokenKind } from "../syntax/token.js";
import * as T from "../syntax/tokens.js";

/*
 * Where the cursor stands in the grammar, read off the tokens before it. Completion needs the
 * state of an LL(1) parse at a point, on text that is usually incomplete; the grammar is small
 * enough that a state machine over tokens says it exactly, without a parser run per keystroke.
 * Each state names what may come next; the transitions mirror grammar/dfsq.ebnf.
 */

/** What the next token may be. `field` is the condition's field where one is known. */
export type Context =
  | { readonly kind: "condition" } // a field, `not`, `(`
  | { readonly kind: "afterField"; readonly field: string } // an operator, or and/or/`)` (a bare field)
  | { readonly kind: "afterFieldNot"; readonly field: string } // in, like, ilike, regex, match, has, between
  | { readonly kind: "afterIs"; readonly negated: boolean } // (not) null
  | { readonly kind: "operand"; readonly field: string; readonly op: string } // a value or a field (compare ops)
  | { readonly kind: "value"; readonly field: string; readonly op: string; readonly next: Then } // a value
  | { readonly kind: "number"; readonly next: Then } // after a minus sign
  | { readonly kind: "list"; readonly field: string } // `(` or `[`
  | { readonly kind: "listValue"; readonly field: string; readonly close: TokenKind; readonly empty: boolean }
  | { readonly kind: "afterListValue"; readonly field: string; readonly close: TokenKind }
  | { readonly kind: "afterTime"; readonly next: Then } // + / - a duration, or what follows the value
  | { readonly kind: "duration"; readonly next: Then }
  | { readonly kind: "betweenAnd"; readonly field: string } // `and` between the bounds
  | { readonly kind: "afterCondition" } // and, or, `)`
  | { readonly kind: "sortField"; readonly direction?: boolean } // `direction`: `rank,desc` may follow
  | { readonly kind: "afterSortField" } // asc, desc, `,`
  | { readonly kind: "afterDirection" } // `,`
  | { readonly kind: "lost" }; // the text before the cursor is already wrong here

/** Where a value leads: the end of a condition, the `and` of a between, the rest of a list. */
export type Then =
  | { readonly kind: "condition" }
  | { readonly kind: "betweenLow"; readonly field: string }
  | { readonly kind: "list"; readonly field: string; readonly close: TokenKind };

export interface CursorContext {
  readonly context: Context;
  /** Open groups at the cursor (so `)` may be offered). */
  readonly depth: number;
}

const isValueStart = (t: ScannedToken) =>
  tokenMatcher(t, T.StringLiteral) || tokenMatcher(t, T.NumberLiteral) || tokenMatcher(t, T.WordLiteral) || tokenMatcher(t, T.TimeBase);

function after(next: Then): Context {
  switch (next.kind) {
    case "condition":
      return { kind: "afterCondition" };
    case "betweenLow":
      return { kind: "betweenAnd", field: next.field };
    case "list":
      return { kind: "afterListValue", field: next.field, close: next.close };
  }
}

/** The context after a value token that starts in `next`'s place. */
function afterValue(t: ScannedToken, next: Then): Context {
  return tokenMatcher(t, T.TimeBase) ? { kind: "afterTime", next } : after(next);
}

const fieldOf = (t: ScannedToken) => (typeof t.payload === "string" ? t.payload : t.image);

function step(ctx: Context, t: ScannedToken, depth: { value: number }): Context {
  const is = (type: TokenType) => tokenMatcher(t, type);
  switch (ctx.kind) {
    case "condition":
      if (is(T.NotOp)) return ctx;
      if (is(T.LParen)) {
        depth.value++;
        return ctx;
      }
      if (is(T.FieldName)) return { kind: "afterField", field: fieldOf(t) };
      return { kind: "lost" };
    case "afterField":
      if (is(T.CompareOp)) return { kind: "operand", field: ctx.field, op: t.image };
      if (is(T.NotKw)) return { kind: "afterFieldNot", field: ctx.field };
      if (is(T.InKw) || is(T.NotInKw)) return { kind: "list", field: ctx.field };
      if (is(T.PatternOp) || is(T.NegatedOp)) return { kind: "value", field: ctx.field, op: t.image.toLowerCase(), next: { kind: "condition" } };
      if (is(T.BetweenKw)) return { kind: "value", field: ctx.field, op: "between", next: { kind: "betweenLow", field: ctx.field } };
      if (is(T.IsKw)) return { kind: "afterIs", negated: false };
      return step({ kind: "afterCondition" }, t, depth);
    case "afterFieldNot":
      if (is(T.InKw)) return { kind: "list", field: ctx.field };
      if (is(T.PatternOp)) return { kind: "value", field: ctx.field, op: `not ${t.image.toLowerCase()}`, next: { kind: "condition" } };
      if (is(T.BetweenKw)) return { kind: "value", field: ctx.field, op: "between", next: { kind: "betweenLow", field: ctx.field } };
      return { kind: "lost" };
    case "afterIs":
      if (!ctx.negated && is(T.NotKw)) return { kind: "afterIs", negated: true };
      if (is(T.NullKw)) return { kind: "afterCondition" };
      return { kind: "lost" };
    case "operand":
      if (is(T.FieldName)) return { kind: "afterCondition" };
      return step({ kind: "value", field: ctx.field, op: ctx.op, next: { kind: "condition" } }, t, depth);
    case "value":
      if (is(T.Minus)) return { kind: "number", next: ctx.next };
      if (isValueStart(t)) return afterValue(t, ctx.next);
      return { kind: "lost" };
    case "number":
      return is(T.NumberLiteral) ? after(ctx.next) : { kind: "lost" };
    case "list":
      if (is(T.LParen)) return { kind: "listValue", field: ctx.field, close: T.RParen, empty: true };
      if (is(T.LBracket)) return { kind: "listValue", field: ctx.field, close: T.RBracket, empty: true };
      return { kind: "lost" };
    case "listValue":
      if (ctx.empty && is(ctx.close)) return { kind: "afterCondition" };
      if (is(T.Minus)) return { kind: "number", next: { kind: "list", field: ctx.field, close: ctx.close } };
      if (isValueStart(t)) return afterValue(t, { kind: "list", field: ctx.field, close: ctx.close });
      return { kind: "lost" };
    case "afterListValue":
      if (is(T.Comma)) return { kind: "listValue", field: ctx.field, close: ctx.close, empty: false };
      if (is(ctx.close)) return { kind: "afterCondition" };
      return { kind: "lost" };
    case "afterTime":
      if (is(T.Sign)) return { kind: "duration", next: ctx.next };
      return step(after(ctx.next), t, depth);
    case "duration":
      return is(T.Duration) ? { kind: "afterTime", next: ctx.next } : { kind: "lost" };
    case "betweenAnd":
      return is(T.AndKw) ? { kind: "value", field: ctx.field, op: "between", next: { kind: "condition" } } : { kind: "lost" };
    case "afterCondition":
      if (is(T.AndOp) || is(T.OrOp)) return { kind: "condition" };
      if (is(T.RParen) && depth.value > 0) {
        depth.value--;
        return ctx;
      }
      return { kind: "lost" };
    case "sortField":
      if (ctx.direction === true && is(T.Direction)) return { kind: "afterDirection" };
      return is(T.FieldName) ? { kind: "afterSortField" } : { kind: "lost" };
    case "afterSortField":
      if (is(T.Direction)) return { kind: "afterDirection" };
      return is(T.Comma) ? { kind: "sortField", direction: true } : { kind: "lost" };
    case "afterDirection":
      return is(T.Comma) ? { kind: "sortField" } : { kind: "lost" };
    case "lost":
      return ctx;
  }
}

/** The context after `tokens` (the complete tokens before the cursor), in the given mode. */
export function contextAfter(tokens: readonly ScannedToken[], mode: "filter" | "orderBy"): CursorContext {
  const depth = { value: 0 };
  let ctx: Context = mode === "orderBy" ? { kind: "sortField" } : { kind: "condition" };
  for (const t of tokens) {
    ctx = step(ctx, t, depth);
    if (ctx.kind === "lost") break;
  }
  return { context: ctx, depth: depth.value };
}
