import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { findRe2SyntaxError, RE2_UNICODE_CLASS_NAMES } from "../../src/values/re2-syntax.js";
import { re2jsAccepts } from "../helpers/re2.js";

/*
 * Golden table: each accepted pattern must get no problem; each rejected one the stated offset
 * and a reason containing the stated fragment. re2js (a port of Go's regexp/syntax, RE2's rules)
 * must give the same verdict on every row.
 */

interface Row {
  readonly pattern: string;
  readonly label: string | undefined;
  /** For rejected patterns: the expected offset, and a fragment of the reason. */
  readonly problem?: { readonly offset: number; readonly reason: string };
}

const ok = (pattern: string, label?: string): Row => ({ pattern, label });
const bad = (pattern: string, offset: number, reason: string, label?: string): Row => ({
  pattern,
  label,
  problem: { offset, reason },
});

const ROWS: Row[] = [
  // Literals, anchors, alternation, groups
  ok(""),
  ok("abc"),
  ok("a.b"),
  ok("^abc$"),
  ok("\\Aabc\\z"),
  ok("\\bfoo\\B"),
  ok("a|b|c"),
  ok("(a|b)*c"),
  ok("(?:ab)+"),
  ok("()*"),
  ok("(?:)+"),
  ok("é+😀{2}"),
  ok("^*", "an anchor can be repeated"),
  // Repetition
  ok("a*?b+?c??"),
  ok("a{2}b{2,}c{2,5}d{2,5}?"),
  ok("a{0}"),
  ok("a{1000}"),
  ok("a{,5}", "no minimum: literal braces"),
  ok("a{01}", "leading zero: literal braces"),
  ok("x{1001", "unclosed: literal brace"),
  ok("{"),
  ok("a{"),
  ok("}]"),
  ok("(a{2}){500}"),
  ok("((a{10}){10}){10}"),
  ok("((a{1000}){0}){1000}", "a zero repeat leaves its contents out of the count"),
  ok("a(?i)*", "a flag group does not separate a repeat from its operand"),
  ok("a*\\Q\\E*", "neither does an empty quote"),
  // Escapes
  ok("\\a\\f\\t\\n\\r\\v"),
  ok("\\0\\012\\101\\08"),
  ok("\\x7F\\x{0}\\x{10FFFF}\\x{000041}"),
  ok("\\Q.*+?()\\E"),
  ok("\\Qunterminated (["),
  ok("\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$\\\\\\-\\ \\_\\#"),
  ok("\\d\\D\\s\\S\\w\\W"),
  ok("\\pL\\PL\\pN"),
  ok("\\p{Greek}\\P{Latin}\\p{^Greek}\\P{^Han}"),
  ok("\\p{Any}\\p{Ascii}\\p{Assigned}\\p{Lc}\\p{LC}\\p{Emoji}"),
  // Classes
  ok("[a-z0-9_]"),
  ok("[]a]", "`]` first is a literal"),
  ok("[^]a]"),
  ok("[a-]"),
  ok("[-a]"),
  ok("[a-c-e]"),
  ok("[\\d-z]"),
  ok("[[:alpha:]]"),
  ok("[[:^digit:]x[:word:]]"),
  ok("[\\p{Greek}\\d\\x{1F600}-\\x{1F64F}]"),
  ok("[😀-😎]"),
  ok("[[]"),
  ok("[\\[\\]]"),
  ok("[.*+?(){}|^$]"),
  // Named groups and flags
  ok("(?P<year>\\d{4})-(?P<month>\\d\\d)"),
  ok("(?<name>x)(?P<_1>y)"),
  ok("(?i)abc"),
  ok("(?i:abc)def"),
  ok("(?i-s:a.b)"),
  ok("(?smU)a"),
  ok("(?i-i)a"),
  ok("(?)", "an empty flag group"),

  // Constructs RE2 does not support
  bad("(?=a)", 0, "lookahead `(?=` is not supported by RE2"),
  bad("a(?!b)", 1, "negative lookahead `(?!`"),
  bad("(?<=a)b", 0, "lookbehind `(?<=` is not supported"),
  bad("(?<!a)b", 0, "negative lookbehind `(?<!`"),
  bad("(?>a+)", 0, "atomic group `(?>`"),
  bad("(?#note)a", 0, "comment group"),
  bad("(?|a|b)", 0, "branch reset group"),
  bad("(?R)", 0, "recursion"),
  bad("(?'n'a)", 0, "named group `(?'`"),
  bad("(a)\\1", 3, "backreference `\\1` is not supported by RE2"),
  bad("\\9", 0, "backreference `\\9`"),
  bad("\\18", 0, "backreference `\\1`"),
  bad("(?P<n>a)\\k<n>", 8, "backreference `\\k<n>`"),
  bad("(?P<n>a)(?P=n)", 8, "backreference `(?P=n)`"),
  bad("a*+", 1, "possessive quantifier `*+` is not supported by RE2"),
  bad("a++", 1, "possessive quantifier `++`"),
  bad("a{2}+", 1, "possessive quantifier `{2}+`"),
  bad("\\Z", 0, "`\\Z` is not supported by RE2"),
  bad("\\C", 0, "`\\C` (any byte) is not supported"),
  // Repetition
  bad("a**", 1, "invalid nested repetition `**`"),
  bad("a*?*", 1, "invalid nested repetition `*?*`"),
  bad("a{2}{3}", 1, "invalid nested repetition `{2}{3}`"),
  bad("a???", 1, "invalid nested repetition `???`"),
  bad("*a", 0, "nothing to repeat before `*`"),
  bad("a|+b", 2, "nothing to repeat before `+`"),
  bad("(*)", 1, "nothing to repeat"),
  bad("(?i)*", 4, "nothing to repeat"),
  bad("{2}", 0, "nothing to repeat before `{2}`"),
  bad("a{1001}", 1, "repeat count over 1000 in `{1001}`"),
  bad("a{2,1001}", 1, "repeat count over 1000"),
  bad("a{123456789}", 1, "repeat count over 1000"),
  bad("a{5,2}", 1, "repeat count minimum exceeds maximum in `{5,2}`"),
  bad("(a{2}){501}", 6, "nested repeat counts multiply to over 1000 at `{501}`"),
  bad("((a{1000}){1,}){2}", 15, "multiply to over 1000"),
  // Groups
  bad("(a", 0, "missing closing `)`"),
  bad("(?:a(b)", 0, "missing closing `)`"),
  bad("a)", 1, "unexpected `)`"),
  bad("(a))", 3, "unexpected `)`"),
  bad("(?P<>a)", 0, "empty group name"),
  bad("(?P<a-b>x)", 4, "invalid group name `a-b`"),
  bad("(?<é>x)", 3, "invalid group name"),
  bad("(?P<n>a)(?P<n>b)", 12, "duplicate group name `n`"),
  bad("(?P<n", 0, "missing `>` after group name"),
  bad("(?z)", 2, "invalid flag `z` in `(?z)`"),
  bad("(?x:a)", 2, "invalid flag `x`"),
  bad("(?i-)", 3, "missing flag after `-`"),
  bad("(?i-s-m)", 5, "second `-`"),
  bad("(?i", 0, "unterminated group `(?i`"),
  // Classes
  bad("[a", 0, "missing closing `]`"),
  bad("[]", 0, "missing closing `]`"),
  bad("x[^]", 1, "missing closing `]`"),
  bad("[a-", 0, "missing closing `]`"),
  bad("x[z-a]", 2, "invalid character class range `z-a`"),
  bad("[a-\\d]", 3, "invalid escape `\\d`"),
  bad("[[:foo:]]", 1, "invalid POSIX class `[:foo:]`"),
  bad("[[:]]", 1, "invalid POSIX class `[:]`", "re2js looks for `:]` from the `[`"),
  bad("[\\b]", 1, "invalid escape `\\b`"),
  bad("[\\p{Foo}]", 1, "invalid Unicode class `\\p{Foo}`"),
  // Escapes
  bad("\\q", 0, "invalid escape `\\q`"),
  bad("a\\E", 1, "invalid escape `\\E`"),
  bad("\\u0041", 0, "invalid escape `\\u`"),
  bad("\\é", 0, "invalid escape `\\é`"),
  bad("\\x{110000}", 0, "above U+10FFFF"),
  bad("\\x{}", 0, "invalid escape `\\x{}`"),
  bad("\\x{41", 0, "missing `}`"),
  bad("\\xZZ", 0, "invalid escape `\\xZZ`"),
  bad("\\x4", 0, "invalid escape `\\x4`"),
  bad("abc\\", 3, "trailing backslash"),
  bad("\\p{Foo}", 0, "invalid Unicode class `\\p{Foo}`"),
  bad("\\p{greek}", 0, "invalid Unicode class `\\p{greek}`"),
  bad("\\pX", 0, "invalid Unicode class `\\pX`"),
  bad("\\p{^}", 0, "invalid Unicode class"),
  bad("\\p", 0, "missing Unicode class name"),
  bad("\\p{Greek", 0, "unterminated Unicode class"),
  // Limits on the parsed tree
  ok(`${"(".repeat(999)}a${")".repeat(999)}`, "999 nested groups"),
  bad(`${"(".repeat(1000)}a${")".repeat(1000)}`, 2000, "nests too deeply", "1000 nested groups"),
  ok(`${"(?:".repeat(5000)}a${")".repeat(5000)}`, "5000 nested non-capturing groups"),
  ok(`(?:${"a".repeat(1398)}){1000}`, "1,398,000 instructions"),
  bad(`(?:${"a".repeat(1399)}){1000}`, 1403, "pattern too large", "1,399,000 instructions"),
  bad(`(?:${"(a)".repeat(467)}){1000}`, 1405, "pattern too large", "467 groups, 1000 times"),
];

const cases = (rows: readonly Row[]) => rows.map((row) => [row.label ?? JSON.stringify(row.pattern), row] as const);
const accepted = ROWS.filter((row) => !row.problem);
const rejected = ROWS.filter((row) => row.problem);

describe("findRe2SyntaxError golden table", () => {
  it("has enough rows of each kind", () => {
    expect(accepted.length).toBeGreaterThanOrEqual(30);
    expect(rejected.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases(accepted))("accepts %s", (_label, row) => {
    expect(findRe2SyntaxError(row.pattern)).toBeUndefined();
  });

  it.each(cases(rejected))("rejects %s", (_label, row) => {
    const found = findRe2SyntaxError(row.pattern);
    expect(found).toMatchObject({ offset: row.problem?.offset, reason: expect.stringContaining(row.problem?.reason ?? "?") });
    expect(found?.length ?? 0).toBeGreaterThanOrEqual(1);
  });
});


describe("re2js agrees with every golden row", () => {
  it.each(cases(ROWS))("%s", (_label, row) => {
    expect(re2jsAccepts(row.pattern)).toBe(!row.problem);
  });
});

describe("Unicode class names", () => {
  it.each(RE2_UNICODE_CLASS_NAMES.map((name) => [name]))("both accept %s in \\p{...}, \\P{^...} and [\\p{...}]", (name) => {
    for (const pattern of [`\\p{${name}}`, `\\P{^${name}}`, `[\\p{${name}}]`]) {
      expect(re2jsAccepts(pattern)).toBe(true);
      expect(findRe2SyntaxError(pattern)).toBeUndefined();
    }
  });

  it.each(["Foo", "greek", "GREEK", "L&", "IsGreek", "Script=Greek", "sc=Grek", "Latn", "", "^", " L", "toString", "constructor", "Ll "])(
    "\\p{%s} is rejected by both",
    (name) => {
      const pattern = `\\p{${name}}`;
      expect(re2jsAccepts(pattern)).toBe(false);
      expect(findRe2SyntaxError(pattern)?.reason).toMatch(/Unicode class/);
    },
  );

  it("single-letter names: both accept exactly the general categories", () => {
    const patterns = Array.from({ length: 0x7f - 0x21 }, (_, k) => `\\p${String.fromCharCode(0x21 + k)}`);
    const disagreements = patterns.filter((p) => (findRe2SyntaxError(p) === undefined) !== re2jsAccepts(p));
    expect(disagreements).toEqual([]);
    expect(patterns.filter((p) => findRe2SyntaxError(p) === undefined)).toEqual(["\\pC", "\\pL", "\\pM", "\\pN", "\\pP", "\\pS", "\\pZ"]);
  });

  it("the list holds every name in re2js's tables", () => {
    // The tables are not exported, so read them from the installed build: an upgrade that adds a
    // script or property must come with the new name here.
    const source = readFileSync(createRequire(import.meta.url).resolve("re2js"), "utf8");
    const start = source.indexOf("static CATEGORIES = new LazyMap({");
    const end = source.indexOf("static FOLD_CATEGORIES = new LazyMap({");
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const tableNames = [...source.slice(start, end).matchAll(/^\s+(\w+): \(\) =>/gm)].map((m) => m[1]!);
    expect(tableNames.length).toBeGreaterThan(200);
    const pseudo = ["Any", "Ascii", "Assigned", "Lc"];
    expect(RE2_UNICODE_CLASS_NAMES.toSorted()).toEqual([...tableNames, ...pseudo].toSorted());
  });
});
