import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scan } from "../../src/syntax/lexer.js";
import { findExcessNesting } from "../../src/syntax/nesting.js";

/*
 * parse.ts skips the nesting pre-pass when the scanner counted no more openers (`(`, `[`, `not`,
 * `!`) than the depth cap. That is only sound if the count bounds the depth the pre-pass measures.
 */

const piece = fc.constantFrom("(", ")", "[", "]", "not ", "! ", "a", " and ", " or ", "b > 1", ",");

describe("the scanner's opener count", () => {
  it("bounds the nesting depth: whenever some depth is exceeded, there are more openers than it", () => {
    let exceeded = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 0, max: 12 }), (pieces, depth) => {
        const { tokens, openers } = scan(pieces.join(""));
        const tooDeep = findExcessNesting(tokens, depth) >= 0;
        if (tooDeep) exceeded++;
        expect(!tooDeep || openers > depth).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(exceeded).toBeGreaterThan(300);
  });

  it("counts groups, lists and negations", () => {
    expect(scan('not (a in [1] and !b) or c = "("').openers).toBe(4);
  });
});
