import { describe, expect, it } from "vitest";
import { compileLike } from "../../src/eval/like.js";

describe("compileLike", () => {
  it.each<[pattern: string, value: string, like: boolean]>([
    ["%seo%", "best seo tools", true],
    ["%seo%", "SEO", false],
    ["seo", "seo", true],
    ["seo", "seo tools", false],
    ["seo%", "seo tools", true],
    ["%tools", "seo tools", true],
    ["%tools", "tools seo", false],
    ["%", "", true],
    ["", "", true],
    ["", "a", false],
    ["%%", "anything", true],
    ["a%b%c", "abc", true],
    ["a%b%c", "aXbYc", true],
    ["a%b%c", "acb", false],
    ["ab%ba", "aba", false],
    ["ab%ba", "abba", true],
    ["a%a%a", "aa", false],
    ["a%a%a", "aaa", true],
    // `_` is exactly one character.
    ["_", "a", true],
    ["_", "", false],
    ["_", "ab", false],
    ["a_c", "abc", true],
    ["a_c", "ac", false],
    ["%_%", "", false],
    ["%_%", "x", true],
    ["__%", "a", false],
    ["_", "😀", true],
    ["a_b", "a😀b", true],
    ["%😀", "x😀", true],
    ["%\uD83D%", "😀", false],
    // Regex metacharacters are themselves.
    ["a.b%", "a.bc", true],
    ["a.b%", "axbc", false],
    ["%(x+)+%", "a(x+)+b", true],
    ["%[a-z]%", "b", false],
    ["%$%", "a$", true],
    ["^a%", "^ab", true],
    ["a*", "aaa", false],
    // No escape character: a backslash is a backslash.
    ["a\\%", "a\\b", true],
    ["a\\%", "a%", false],
    ["a\\_", "a\\x", true],
  ])("%j like %j is %s", (pattern, value, expected) => {
    expect(compileLike(pattern, false)(value)).toBe(expected);
  });

  it.each<[pattern: string, value: string, ilike: boolean]>([
    ["%seo%", "Best SEO Tools", true],
    ["SEO", "seo", true],
    ["%ÉTÉ%", "un été chaud", true],
    ["straße", "STRASSE", false],
    ["_x", "ÄX", true],
    ["İ", "i̇", true],
  ])("%j ilike %j is %s", (pattern, value, expected) => {
    expect(compileLike(pattern, true)(value)).toBe(expected);
  });

  it("runs a long value against a pattern with wildcards", () => {
    const value = `${"a".repeat(100_000)}b`;
    expect(compileLike("%a_a%a%b", false)(value)).toBe(true);
    expect(compileLike("%a%a%a%c", false)(value)).toBe(false);
    expect(compileLike("%a_%c", false)(value)).toBe(false);
  });
});
