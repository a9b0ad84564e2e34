import type { JsonLocation, Span } from "../../diagnostics/diagnostic.js";
import type { StringValue } from "../../syntax/ast.js";

/**
 * Where a problem at `offset`/`length` inside a pattern points in the source: at that part of
 * the string literal when the literal is written verbatim (no escapes, not read from arrays),
 * else at the whole literal, since offsets in the value no longer map onto the source.
 */
export function spanInPattern(
  literal: StringValue,
  source: string,
  offset: number,
  length: number,
): { readonly span: Span; readonly at?: JsonLocation } {
  const verbatim = literal.at === undefined && source.slice(literal.span.start + 1, literal.span.end - 1) === literal.value;
  if (!verbatim) return literal;
  const start = literal.span.start + 1 + offset;
  return { span: { start, end: Math.min(start + Math.max(1, length), literal.span.end - 1) } };
}
