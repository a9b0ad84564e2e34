import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileLike } from "../../src/eval/like.js";

/*
 * compileLike against an oracle written the obvious way: the pattern as a JavaScript regular
 * expression over code points (`%` is `[^]*`, `_` is `[^]`, everything else escaped), anchored at
 * both ends. Segments run past 32 and 64 code points, so the matcher's bit sets span several words.
 */

function oracle(pattern: string, caseInsensitive: boolean): (value: string) => boolean {
  const fold = (s: string) => (caseInsensitive ? s.toLowerCase() : s);
  const body = Array.from(fold(pattern), (c) => (c === "%" ? "[^]*" : c === "_" ? "[^]" : c.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&")));
  const re = new RegExp(`^${body.join("")}$`, "u");
  return (value) => re.test(fold(value));
}

const PIECES = ["a", "b", "_", "%", "é", "É", "😀", "ab", "a".repeat(33), "_".repeat(31), `${"ab".repeat(20)}_`, "\uD83D"];
const pattern = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => parts.join(""));
const value = fc.array(fc.constantFrom(...PIECES.filter((p) => p !== "%" && p !== "_"), "x", "%", "_"), { maxLength: 12 }).map((parts) => parts.join(""));

describe("compileLike agrees with a regular expression", () => {
  it("for like and ilike, on values made of the pattern's own pieces", () => {
    fc.assert(
      fc.property(pattern, value, fc.boolean(), (p, v, ci) => {
        // A lone surrogate is not a code point the `u` flag can read as itself.
        fc.pre(!/[\uD800-\uDFFF]/.test(p.replace(/😀/g, "")) && !/[\uD800-\uDFFF]/.test(v.replace(/😀/g, "")));
        expect(compileLike(p, ci)(v)).toBe(oracle(p, ci)(v));
      }),
      { numRuns: 5000 },
    );
  });

  it("finds a segment of `_` and letters wherever it first fits in a long value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 120 }), (at, length) => {
        const segment = Array.from({ length }, (_, i) => (i % 3 === 1 ? "_" : "a")).join("");
        const text = `${"a".repeat(at)}${"a".repeat(length)}`;
        const p = `%b${segment}%`;
        expect(compileLike(p, false)(`x${text}`)).toBe(false);
        expect(compileLike(p, false)(`${text}b${text}😀`)).toBe(oracle(p, false)(`${text}b${text}😀`));
      }),
      { numRuns: 300 },
    );
  });
});
