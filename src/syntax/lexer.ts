import { Lexer, type IToken } from "chevrotain";
import { lexedTokens } from "./tokens.js";

/**
 * The one lexer instance. Offsets only: line and column are computed when a diagnostic is made,
 * which keeps the hot path free of line bookkeeping.
 */
const lexer = new Lexer(lexedTokens, {
  positionTracking: "onlyOffset",
  ensureOptimizations: true,
  skipValidations: true,
});

export interface LexedInput {
  readonly tokens: IToken[];
  /** Runs of characters no token matches, as `[offset, length]`. */
  readonly unmatched: readonly (readonly [number, number])[];
}

export function lex(source: string): LexedInput {
  const result = lexer.tokenize(source);
  return {
    tokens: result.tokens,
    unmatched: result.errors.map((e) => [e.offset, e.length] as const),
  };
}
