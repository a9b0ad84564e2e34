import type { IToken, TokenType } from "chevrotain";
import * as T from "./tokens.js";

// Category membership by identity: tokenMatcher's category lookup costs more on this hot path.
const NOT: ReadonlySet<TokenType> = new Set([T.NotKw, T.Bang]);
const CONNECTIVE: ReadonlySet<TokenType> = new Set([T.AndKw, T.AndAnd, T.OrKw, T.OrOr]);

/**
 * Finds the first token at which groups and prefix `not`s nest deeper than `maxDepth`, before the
 * recursive-descent parser sees the input: the parser's stack depth grows with this nesting, so
 * checking first is what makes 10,000 `(` a diagnostic instead of a stack overflow.
 * Returns the index of the offending token, or -1.
 */
export function findExcessNesting(tokens: readonly IToken[], maxDepth: number): number {
  // Each open group remembers the nots pending when it opened: `not (not (a))` is three deep.
  const frames: number[] = [];
  let depth = 0;
  let pendingNots = 0;
  let prefixPosition = true;
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]!.tokenType;
    if (type === T.LParen || type === T.LBracket) {
      frames.push(pendingNots);
      depth += 1;
      pendingNots = 0;
      if (depth > maxDepth) return i;
      prefixPosition = true;
    } else if (type === T.RParen || type === T.RBracket) {
      const saved = frames.pop();
      if (saved !== undefined) depth -= 1 + saved;
      pendingNots = 0;
      prefixPosition = false;
    } else if (prefixPosition && NOT.has(type)) {
      pendingNots += 1;
      depth += 1;
      if (depth > maxDepth) return i;
    } else if (CONNECTIVE.has(type)) {
      depth -= pendingNots;
      pendingNots = 0;
      prefixPosition = true;
    } else {
      prefixPosition = false;
    }
  }
  return -1;
}
