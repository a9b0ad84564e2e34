import type { TokenType } from "chevrotain";
import type { ScannedToken } from "../syntax/lexer.js";
import type { TokenKind } from "../syntax/token.js";
import * as T from "../syntax/tokens.js";
import type { HighlightClass, HighlightToken } from "./types.js";

const CLASS_OF = new Map<TokenType, HighlightClass>();
const set = (cls: HighlightClass, ...types: TokenType[]) => types.forEach((t) => CLASS_OF.set(t, cls));
set("field", T.FieldPath, T.QuotedField, T.UnterminatedField, T.InterpolatedField);
set("string", T.DoubleString, T.SingleString, T.RawString, T.UnterminatedString, T.UnterminatedRawString, T.CurlyString, T.InterpolatedString);
set("number", T.Number, T.InterpolatedNumber);
set("time", T.DateTime, T.Duration, T.NowKw, T.TodayKw, T.InterpolatedTime);
set("error", T.InvalidNumber, T.InvalidDate);
set("punctuation", T.LParen, T.RParen, T.LBracket, T.RBracket, T.Comma);
set(
  "operator",
  T.Eq, T.EqEq, T.NotEq, T.BangEq, T.Lt, T.Le, T.Gt, T.Ge, T.Tilde, T.NotTilde, T.AndAnd, T.OrOr, T.Bang, T.Plus, T.Minus,
);
// Every other keyword (`now` and `today` are times, above).
for (const [, type] of T.keywords) if (!CLASS_OF.has(type)) CLASS_OF.set(type, "keyword");

export function highlightClass(type: TokenKind): HighlightClass {
  return CLASS_OF.get(type) ?? "error";
}

/** Highlight ranges for the tokens, with unmatched characters as `error`, in source order. */
export function highlight(tokens: readonly ScannedToken[], unmatched: readonly (readonly [number, number])[]): HighlightToken[] {
  const out: HighlightToken[] = tokens.map((t) => ({ from: t.startOffset, to: t.startOffset + t.image.length, class: highlightClass(t.tokenType) }));
  if (unmatched.length === 0) return out;
  for (const [offset, length] of unmatched) out.push({ from: offset, to: offset + length, class: "error" });
  return out.toSorted((a, b) => a.from - b.from);
}
