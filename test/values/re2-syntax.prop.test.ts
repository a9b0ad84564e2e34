import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findRe2SyntaxError, type RegexProblem } from "../../src/values/re2-syntax.js";
import { edited } from "../arbitraries/edits.js";
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

const FRAGMENTS = [
  ..."()[]{}*+?|^$.\\-,:=!<>'#&_P^ab0179dwspQExkimsUCLZAzbB",
  "é",
  "😀",
  "\uD83D", // a lone surrogate
  "{2}",
  "{1,3}",
  "{0}",
  "{2,}",
  "{,2}",
  "{1001}",
  "(?:",
  "(?i)",
  "(?-i:",
  "(?P<",
  "(?<",
  "(?P<n>",
  "[:alpha:]",
  "[:",
  ":]",
  "\\p{",
  "Greek}",
  "\\x{",
  "F}",
  "\\Q",
  "\\E",
];

const soup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 20 }).map((parts) => parts.join(""));

const ATOMS = [
  "a", "é", "😀", ".", "^", "$", "\\d", "\\W", "\\pL", "\\p{Greek}", "\\P{^Han}", "\\x41", "\\x{1F600}", "\\0",
  "\\101", "\\.", "\\b", "\\A", "\\z", "\\Qa*\\E", "[a-z]", "[^\\d\\s]", "[[:alpha:]_]", "[]a]", "[a-]", "\\n",
  "{", "}", "]",
];
// Flag groups and empty quotes add no node, so a repeat after them would apply to what precedes.
const BARE = ["(?i)", "(?-i)", "(?s)", "\\Q\\E"];
// Large counts are rare so that nested ones only sometimes multiply past 1000.
const repeat = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.constantFrom("", "", "", "*", "+", "?", "*?", "+?", "??", "{2}", "{0}", "{1,}", "{0,3}", "{3,5}?"),
  },
  { weight: 1, arbitrary: fc.constantFrom("{10}", "{100}", "{1000}") },
);
// `(?P<g>` and `(?<g>` get distinct names afterwards.
const OPENERS = ["(", "(", "(?:", "(?i:", "(?P<g>", "(?<g>"];
const EDITS = [..."()[]*+?{}\\|-:P<>=", "{2}", "(?", ""];

const { regex } = fc.letrec<{ regex: string; term: string; item: string }>((tie) => ({
  regex: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("term"),
    fc.tuple(tie("term"), tie("regex")).map(([a, b]) => `${a}|${b}`),
  ),
  term: fc.array(tie("item"), { minLength: 1, maxLength: 3 }).map((items) => items.join("")),
  item: fc.oneof(
    {
      weight: 9,
      arbitrary: fc
        .tuple(
          fc.oneof(
            { depthSize: "small", withCrossShrink: true },
            fc.constantFrom(...ATOMS),
            fc.tuple(fc.constantFrom(...OPENERS), tie("regex")).map(([open, body]) => `${open}${body})`),
          ),
          repeat,
        )
        .map(([atom, count]) => atom + count),
    },
    { weight: 1, arbitrary: fc.constantFrom(...BARE) },
  ),
}));

const named = regex.map((source) => {
  let n = 0;
  return source.replace(/\(\?(P?)<g>/g, (_, p: string) => `(?${p}<g${n++}>`);
});

const withEdits = edited(named, fc.constantFrom(...EDITS), { maxEdits: 2, maxDelete: 1 });

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
