import { readFileSync } from "node:fs";
import { tokenMatcher, type TokenType } from "chevrotain";
import { describe, expect, it } from "vitest";
import { scan } from "../../src/syntax/lexer.js";
import * as T from "../../src/syntax/tokens.js";

/*
 * grammar/dfsq.ebnf is the normative text of the language, tokens included. The parser's
 * productions are kept equal to it by grammar-sync.test.ts; this checks the scanner against its
 * token productions: the keywords, every operator spelling, the whitespace set, durations, numbers,
 * dates and field paths, both ways where the production is a closed set.
 */

const text = readFileSync(new URL("../../grammar/dfsq.ebnf", import.meta.url), "utf8").replace(/\(\*[\s\S]*?\*\)/g, "");
const productions = new Map([...text.matchAll(/^([a-z_]+)\s+=([\s\S]*?);\s*$/gm)].map((m) => [m[1]!, m[2]!]));

/** The quoted terminals of a production, escapes (`\t`, `\u2028`) read. */
function terminals(name: string): string[] {
  const body = productions.get(name);
  if (body === undefined) throw new Error(`no production ${name}`);
  return [...body.matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) =>
    (m[1] ?? m[2]!).replace(/\\u([0-9A-Fa-f]{4})|\\([tnr])/g, (_, hex: string | undefined, c: string | undefined) =>
      hex !== undefined ? String.fromCharCode(parseInt(hex, 16)) : ({ t: "\t", n: "\n", r: "\r" } as Record<string, string>)[c!]!,
    ),
  );
}

const tokensOf = (source: string) => {
  const { tokens, unmatched } = scan(source);
  return unmatched.length > 0 ? undefined : tokens;
};
/** The one token `source` scans to, or undefined. */
const single = (source: string) => {
  const tokens = tokensOf(source);
  return tokens?.length === 1 ? tokens[0] : undefined;
};
/** The units of `list` that make a duration after digits. */
const durations = (list: readonly string[]) => list.filter((unit) => single(`30${unit}`)?.tokenType === T.Duration);
const label = (type: TokenType) => (typeof type.LABEL === "string" ? type.LABEL.replaceAll("`", "") : type.name);

describe("grammar/dfsq.ebnf's tokens and the scanner agree", () => {
  it("keyword: the same words, each read as its keyword in any case, and as a field inside a longer name", () => {
    expect(new Set(terminals("keyword"))).toEqual(new Set(T.keywords.map(([word]) => word)));
    const read = T.keywords.flatMap(([word]) => [word, word.toUpperCase(), `${word}x`].map((s) => [s, single(s)?.tokenType.name]));
    const expected = T.keywords.flatMap(([word, type]) => [[word, type.name], [word.toUpperCase(), type.name], [`${word}x`, "FieldPath"]]);
    expect(read).toEqual(expected);
  });

  it.each([
    ["compare_op", T.CompareOp],
    ["negated_op", T.NegatedOp],
    ["or_op", T.OrOp],
    ["and_op", T.AndOp],
    ["not_op", T.NotOp],
  ] as const)("%s: each spelling is one token of its class, and the class has no other", (name, category) => {
    const spellings = terminals(name);
    const misread = spellings.filter((spelling) => {
      const token = single(spelling);
      return token === undefined || !tokenMatcher(token, category);
    });
    expect(misread).toEqual([]);
    const inClass = T.allTokens.filter((type) => type !== category && type.CATEGORIES?.includes(category));
    expect(new Set(inClass.map(label))).toEqual(new Set(spellings));
  });

  it("whitespace: exactly the characters the scanner skips", () => {
    const space = new Set(terminals("whitespace"));
    const skipped: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      const tokens = tokensOf(`a${ch}b`);
      if (tokens?.length === 2 && tokens[0]!.image === "a" && tokens[1]!.image === "b") skipped.push(ch);
    }
    expect(new Set(skipped)).toEqual(space);
  });

  it("duration: digits and one of its units, and no other unit", () => {
    const units = terminals("duration");
    expect(durations(units)).toEqual(units);
    expect(durations(["y", "M", "mo", "ms", "x"])).toEqual([]);
  });

  it.each(["0", "7", "10", "1.5", "0.25", "1e9", "2.5E-3", "1e+2"])("number: %s is one number", (source) => {
    expect(tokenMatcher(single(source)!, T.NumberLiteral)).toBe(true);
  });

  it.each(["01", "1.", ".5", "1e"])("number: %s is not one", (source) => {
    const token = single(source);
    expect(token !== undefined && token.tokenType === T.Number).toBe(false);
  });

  it.each(["2024-01-31", "2024-01-31T10:00", "2024-01-31t10:00:05", "2024-01-31T10:00:05.123Z", "2024-01-31T10:00:05+02:00", "2024-01-31T10:00:05-0230"])(
    "date: %s is one date",
    (source) => {
      expect(single(source)?.tokenType).toBe(T.DateTime);
    },
  );

  it.each(["rank", "_x", "a.b.c", "1.rank", "a.1.b", "a.`18-24`", "`odd name`", "`a.b`.c"])("field: %s is one field", (source) => {
    expect(tokenMatcher(single(source)!, T.FieldName)).toBe(true);
  });

  it.each(['"a\\"b"', "'it\\'s'", '"\\u00e9\\n"', 'r"\\bseo\\b"', "R'x'"])("string: %s is one string", (source) => {
    expect(tokenMatcher(single(source)!, T.StringLiteral)).toBe(true);
  });
});
