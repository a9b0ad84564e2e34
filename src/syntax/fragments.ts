import { tokenMatcher } from "chevrotain";
import { unreachable, type Expr } from "./ast.js";
import type { ScannedToken } from "./lexer.js";
import { parser } from "./parser.js";
import * as T from "./tokens.js";

/*
 * Where a filter failed to parse, error recovery often drops whole conditions that were fine: in
 * `referring_domain > 10 and rank >`, nothing survives the missing value at the end, so the
 * misspelt field before it would go unreported until the end is fixed. This reads the conditions
 * one by one instead: the tokens are cut at every `and`, `or`, `not` and group parenthesis (not
 * inside an `in` list, nor at the `and` of a `between`), and each piece that parses on its own as
 * one condition is kept. Checks can then judge the fields of what parsed.
 */

/** The tokens cut into the pieces that could each be one condition. */
function pieces(tokens: readonly ScannedToken[]): ScannedToken[][] {
  const out: ScannedToken[][] = [];
  let piece: ScannedToken[] = [];
  let listDepth = 0;
  let betweenAnd = false;
  const cut = () => {
    if (piece.length > 0) out.push(piece);
    piece = [];
    betweenAnd = false;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const previous = tokens[i - 1];
    if (listDepth > 0) {
      piece.push(t);
      if (t.tokenType === T.LParen || t.tokenType === T.LBracket) listDepth++;
      else if (t.tokenType === T.RParen || t.tokenType === T.RBracket) listDepth--;
      if (listDepth === 0) cut();
      continue;
    }
    const opensList =
      (t.tokenType === T.LParen || t.tokenType === T.LBracket) && previous !== undefined && (previous.tokenType === T.InKw || previous.tokenType === T.NotInKw);
    if (opensList) {
      piece.push(t);
      listDepth = 1;
      continue;
    }
    if (t.tokenType === T.BetweenKw) betweenAnd = true;
    if (betweenAnd && t.tokenType === T.AndKw) {
      piece.push(t);
      betweenAnd = false;
      continue;
    }
    // `not` after a field negates its operator (`x not like`), after `is` it is `is not null`.
    const negatesOperator =
      t.tokenType === T.NotKw && previous !== undefined && piece.length > 0 && (tokenMatcher(previous, T.FieldName) || previous.tokenType === T.IsKw);
    if (!negatesOperator && (tokenMatcher(t, T.AndOp) || tokenMatcher(t, T.OrOp) || tokenMatcher(t, T.NotOp) || t.tokenType === T.LParen || t.tokenType === T.RParen)) {
      cut();
      continue;
    }
    piece.push(t);
  }
  cut();
  return out;
}

/** Where the leaves of an AST start. */
function leafStarts(expr: Expr, out = new Set<number>()): Set<number> {
  switch (expr.kind) {
    case "chain":
      for (const operand of expr.operands) leafStarts(operand, out);
      return out;
    case "not":
      return leafStarts(expr.operand, out);
    case "condition":
    case "between":
    case "bare":
      out.add(expr.span.start);
      return out;
    case "invalid":
      return out;
    default:
      return unreachable(expr);
  }
}

/**
 * The conditions (and `between`s, and bare fields) that parse on their own among the tokens of a
 * filter that failed to parse as a whole, leaving out those the recovered `ast` kept. Each piece is
 * a handful of tokens, so this is linear in the input.
 */
export function parsedPieces(tokens: readonly ScannedToken[], ast: Expr): Expr[] {
  const known = leafStarts(ast);
  const out: Expr[] = [];
  for (const piece of pieces(tokens)) {
    if (known.has(piece[0]!.startOffset)) continue;
    const p = parser(piece);
    const expr = p.filter();
    const clean = p.errors.length === 0;
    p.input = [];
    if (clean && (expr.kind === "condition" || expr.kind === "between" || expr.kind === "bare")) out.push(expr);
  }
  return out;
}
