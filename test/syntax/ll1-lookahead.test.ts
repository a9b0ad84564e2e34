import { EOF, LLkLookaheadStrategy, type IToken, type TokenType } from "chevrotain";
import { describe, expect, it, vi } from "vitest";
import { DfsqParser } from "../../src/syntax/parser.js";
import { allTokens } from "../../src/syntax/tokens.js";

/*
 * dfsq's parser decides with FIRST sets (src/syntax/ll1-lookahead.ts) instead of Chevrotain's LL(k)
 * analysis, to start faster. The two must take the same decision at every choice point for every
 * token, and the grammar must be one where that is unambiguous: Chevrotain's own checks say so.
 */

type LookaheadFunction = (this: { LA(n: number): IToken }, alts?: unknown) => unknown;
const functionsOf = (parser: DfsqParser): Map<number, LookaheadFunction> =>
  (parser as unknown as { lookAheadFuncsCache: Map<number, LookaheadFunction> }).lookAheadFuncsCache;

const ours = new DfsqParser();
const chevrotains = new DfsqParser({ lookahead: new LLkLookaheadStrategy({ maxLookahead: 1 }) });

function decide(fn: LookaheadFunction, type: TokenType): unknown {
  const token = { tokenType: type, tokenTypeIdx: type.tokenTypeIdx!, image: "x", startOffset: 0 } as IToken;
  return fn.call({ LA: () => token, LA_FAST: () => token } as never, []);
}

describe("LL(1) lookahead from FIRST sets", () => {
  it("has a decision for every choice point Chevrotain has", () => {
    expect([...functionsOf(ours).keys()].toSorted()).toEqual([...functionsOf(chevrotains).keys()].toSorted());
    expect(functionsOf(ours).size).toBeGreaterThan(10);
  });

  it("decides as Chevrotain does, at every choice point, for every token", () => {
    const theirs = functionsOf(chevrotains);
    let compared = 0;
    let taken = 0;
    for (const [key, fn] of functionsOf(ours)) {
      for (const type of [...allTokens, EOF]) {
        const decision = decide(fn, type);
        expect(decision, `choice ${key} on ${type.name}`).toEqual(decide(theirs.get(key)!, type));
        compared++;
        if (decision !== undefined && decision !== false) taken++;
      }
    }
    // Not vacuous: most tokens are refused at most points, but many are taken somewhere.
    expect(taken).toBeGreaterThan(50);
    expect(compared).toBeGreaterThan(taken);
  });

  it("needs Chevrotain's analysis for none of dfsq's choices (else the start-up gain is gone)", () => {
    const alternation = vi.spyOn(LLkLookaheadStrategy.prototype, "buildLookaheadForAlternation");
    const optional = vi.spyOn(LLkLookaheadStrategy.prototype, "buildLookaheadForOptional");
    try {
      expect(new DfsqParser()).toBeInstanceOf(DfsqParser);
      expect(alternation).not.toHaveBeenCalled();
      expect(optional).not.toHaveBeenCalled();
    } finally {
      alternation.mockRestore();
      optional.mockRestore();
    }
  });

  it("works on a grammar Chevrotain finds unambiguous for one token of lookahead", () => {
    const rules = Object.values(ours.getGAstProductions());
    const errors = new LLkLookaheadStrategy({ maxLookahead: 1 }).validate({ rules, tokenTypes: allTokens, grammarName: "dfsq" });
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});
