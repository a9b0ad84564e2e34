import { Lexer } from "chevrotain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scan } from "../../src/syntax/lexer.js";
import { allTokens, lexedTokens } from "../../src/syntax/tokens.js";

/*
 * tokens.ts is the normative token definition; the scanner in lexer.ts is a faster
 * implementation of it. Here a Chevrotain Lexer built from tokens.ts is the oracle: for every
 * input, both must produce the same tokens (type, text, offset) and the same unmatched runs.
 */

function oracle(): Lexer {
  // tokens.ts spells Chevrotain's markers by value so the runtime never loads the Lexer; the
  // oracle needs the real ones.
  for (const t of allTokens) {
    if (t.PATTERN instanceof RegExp && t.PATTERN.source === "NOT_APPLICABLE") t.PATTERN = Lexer.NA;
  }
  return new Lexer(lexedTokens, { positionTracking: "onlyOffset", ensureOptimizations: false });
}

const lexer = oracle();

function viaOracle(source: string) {
  const r = lexer.tokenize(source);
  return {
    tokens: r.tokens.map((t) => [t.tokenType.name, t.image, t.startOffset]),
    unmatched: r.errors.map((e) => [e.offset, e.length]),
  };
}

function viaScanner(source: string) {
  const r = scan(source);
  return {
    tokens: r.tokens.map((t) => [t.tokenType.name, t.image, t.startOffset]),
    unmatched: r.unmatched.map(([o, l]) => [o, l]),
  };
}

const PIECES = [
  ..."()[],.-+=<>!~&|'\"`\\ \t\n\r_:ZzTt",
  "and", "AND", "or", "not", "not_in", "not_inx", "in", "is", "ilike", "like", "has_not", "has", "between",
  "null", "true", "false", "asc", "desc", "now", "today", "android", "notable", "inx",
  "a", "x_1", "rank", "1", "0", "007", "12", "1.5", "2e3", "1e+21", ".5", "1.", "1.2.3", "30d", "5m", "7D",
  "e", "E", "e-", "0.5E-3", "00", "0e5", "9.", 
  "2024-01-31", "2024-01-31T10:00:00Z", "2024-01-31T10:00:00+02:00", "2024-1-5", "2024-", "T10:00",
  "“", "”", "‘", "’", "„", "é", "\u00a0", "\u2028", "\ufeff", "@", "#", "$", "{", "\\u0041", "\\q",
  "r", "R", "r\"", "r'", "==", "!=", "=>", "`x`", "`a b`", ".`", "`.", "a.", "1.", "18-24", "%", "/",
];

const text = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join("")),
  fc.string({ maxLength: 40 }),
  fc.string({ maxLength: 20, unit: "binary" }),
);

describe("the scanner matches tokens.ts", () => {
  it("on generated inputs", () => {
    fc.assert(
      fc.property(text, (source) => {
        expect(viaScanner(source)).toEqual(viaOracle(source));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    'referring_domains > 10 and (domain like "%seo%" or rank > 200)',
    "1.rank > 1.5 and a.1.b >= -2e3 && x != \"a\\\"b\"",
    "now-30d today+1w",
    "f between 2024-01-31 and 2024-01-31T10:00:00+02:00",
    "android and notable not_in [1,2] has_not x",
    '`odd name` = 01 @ 12abc 2024-1-5 "unterminated',
    "'a\\\nb' `x\\\ny` \"z\\",
    "“curly” ‘single’ „low“ “open",
    'r"\\bseo\\b" R\'a"b\' r"open rx"x" r \'x\'',
    "a.`18-24` > 1 and `a b`.c.`d`.1 and 1.`x` and 1.2.`y`.z and and.`x` and a.`b and `c`.",
    "a == 1 != 2 && b || c = d <> e",
  ])("%s", (source) => {
    expect(viaScanner(source)).toEqual(viaOracle(source));
  });
});
