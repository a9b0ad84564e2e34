import type { IToken } from "chevrotain";
import * as T from "./tokens.js";

// Token classes by tokenTypeIdx: a table lookup per token on this hot path.
const OPEN = 1;
const CLOSE = 2;
const NOT = 3;
const CONNECTIVE = 4;
const CLASS: number[] = [];
for (const [types, cls] of [
  [[T.LParen, T.LBracket], OPEN],
  [[T.RParen, T.RBracket], CLOSE],
  [[T.NotKw, T.Bang], NOT],
  [[T.AndKw, T.AndAnd, T.OrKw, T.OrOr], CONNECTIVE],
] as const) {
  for (const type of types) CLASS[type.tokenTypeIdx!] = cls;
}

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
    switch (CLASS[tokens[i]!.tokenTypeIdx]) {
      case OPEN:
        frames.push(pendingNots);
        depth += 1;
        pendingNots = 0;
        if (depth > maxDepth) return i;
        prefixPosition = true;
        break;
      case CLOSE: {
        const saved = frames.pop();
        if (saved !== undefined) depth -= 1 + saved;
        pendingNots = 0;
        prefixPosition = false;
        break;
      }
      case NOT:
        if (prefixPosition) {
          pendingNots += 1;
          depth += 1;
          if (depth > maxDepth) return i;
        } else prefixPosition = false;
        break;
      case CONNECTIVE:
        depth -= pendingNots;
        pendingNots = 0;
        prefixPosition = true;
        break;
      default:
        prefixPosition = false;
    }
  }
  return -1;
}
