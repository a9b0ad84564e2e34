import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findRe2SyntaxError, type RegexProblem } from "../../src/values/re2-syntax.js";
import { soup, withEdits } from "../arbitraries/regex.js";
import { re2jsAccepts } from "../helpers/re2.js";

/*
 * findRe2SyntaxError against re2js, the oracle: on dense soups of metacharacters and on
 * well-formed patterns with up to two random edits (each a bit under half valid), both must give
 * the same verdict. No pattern shape is excluded.
 */

function expectInside(pattern: string, found: RegexProblem | undefined) {
  if (!found) return;
  expect(Number.isInteger(found.offset) && Number.isInteger(found.length)).toBe(true);
  expect(found.offset).toBeGreaterThanOrEqual(0);
  expect(found.length).toBeGreaterThanOrEqual(1);
  expect(found.offset + found.length).toBeLessThanOrEqual(pattern.length);
  expect(found.reason).toMatch(/^[^A-Z]/);
}

describe("findRe2SyntaxError agrees with re2js", () => {
  it("on metacharacter soups", () => {
    fc.assert(
      fc.property(soup, (pattern) => {
        expect(findRe2SyntaxError(pattern) === undefined).toBe(re2jsAccepts(pattern));
      }),
      { numRuns: 30_000 },
    );
  });

  it("on well-formed patterns with random edits", () => {
    fc.assert(
      fc.property(withEdits, (pattern) => {
        expect(findRe2SyntaxError(pattern) === undefined).toBe(re2jsAccepts(pattern));
      }),
      // Fewer runs than the soups: these patterns are longer, and re2js compiles them whole.
      { numRuns: 10_000 },
    );
  });
});

describe("findRe2SyntaxError is total", () => {
  it("returns a problem inside the pattern, or none, for any string", () => {
    const anyText = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ maxLength: 60, unit: "binary" }),
      fc.string({ maxLength: 60, unit: "grapheme" }),
      soup,
      withEdits,
    );
    fc.assert(
      fc.property(anyText, (pattern) => {
        expectInside(pattern, findRe2SyntaxError(pattern));
      }),
      { numRuns: 20_000 },
    );
  });

  it("handles 100,000 nested groups without deep recursion", () => {
    const n = 100_000;
    expect(findRe2SyntaxError("(".repeat(n))).toEqual({ offset: 0, length: 1, reason: "missing closing `)`" });
    expect(findRe2SyntaxError(")".repeat(n))?.reason).toBe("unexpected `)`");
    expect(findRe2SyntaxError(`${"(?:".repeat(n)}a${")".repeat(n)}`)).toBeUndefined();
    // Capturing groups stack up in RE2's tree, which may be at most 1000 deep.
    expect(findRe2SyntaxError(`${"(".repeat(n)}a${")".repeat(n)}`)?.reason).toContain("nests too deeply");
    expect(findRe2SyntaxError("[".repeat(n))).toEqual({ offset: 0, length: 1, reason: "missing closing `]`" });
  });

  it("handles a 1 MB pattern", () => {
    const chunk = "(?:foo|ba[rz])\\d{2,3}[[:alpha:]_-]+\\pL*?|";
    const valid = chunk.repeat(Math.ceil(2 ** 20 / chunk.length)) + "x";
    expect(valid.length).toBeGreaterThan(2 ** 20);
    expect(findRe2SyntaxError(valid)).toBeUndefined();
    expect(findRe2SyntaxError(`${valid}(?=y)`)).toMatchObject({ offset: valid.length, reason: expect.stringContaining("lookahead") });
    // Each `[:` looks ahead for `:]`; with none left, the search must not restart every time.
    expect(findRe2SyntaxError("[[:a]".repeat(2 ** 18))).toBeUndefined();
    expect(findRe2SyntaxError(`[${"[:".repeat(2 ** 19)}`)).toEqual({ offset: 0, length: 1, reason: "missing closing `]`" });
  });
});
