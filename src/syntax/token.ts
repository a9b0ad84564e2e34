/*
 * The token shape the public types name. It is Chevrotain's IToken and TokenType cut down to what
 * dfsq reads, declared here because Chevrotain is bundled, not a dependency: a published .d.ts
 * that imported it would not resolve for users (TS2307 with skipLibCheck off). Both are
 * structurally assignable to Chevrotain's, so the parser takes these tokens as they are.
 */

/** A kind of token (Chevrotain's TokenType, as far as dfsq reads it). */
export interface TokenKind {
  readonly name: string;
  tokenTypeIdx?: number;
}

/** A scanned token (Chevrotain's IToken, as far as dfsq reads it). */
export interface Token {
  image: string;
  startOffset: number;
  endOffset?: number;
  tokenTypeIdx: number;
  tokenType: TokenKind;
}
