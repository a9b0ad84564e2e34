import { describe, expect, it } from "vitest";
import { compileFilter, compileOrderBy } from "../../src/compile.js";

/*
 * The language, row by row: every form of the table in grammar/dfsq.ebnf and docs/language.md,
 * the precedence rules, each value form, and the canonical output shape. Each title is the input.
 */

const NOW = "2024-06-15T12:34:56Z";
const compile = (source: string) => compileFilter(source, { now: NOW });

type Row = readonly [source: string, expected: unknown];

function table(name: string, rows: readonly Row[]) {
  // oxlint-disable-next-line vitest/valid-title -- the title is the table's name
  describe(name, () => {
    it.each(rows)("%s", (source, expected) => {
      expect(compile(source)).toEqual(expected);
    });
  });
}

table("comparison operators", [
  ["f = 1", ["f", "=", 1]],
  ["f == 1", ["f", "=", 1]],
  ["f != 1", ["f", "<>", 1]],
  ["f <> 1", ["f", "<>", 1]],
  ["f < 1", ["f", "<", 1]],
  ["f <= 1", ["f", "<=", 1]],
  ["f > 1", ["f", ">", 1]],
  ["f >= 1", ["f", ">=", 1]],
  ["f>=1", ["f", ">=", 1]],
]);

table("lists", [
  ["f in (1, 2)", ["f", "in", [1, 2]]],
  ["f in [1, 2]", ["f", "in", [1, 2]]],
  ["f in (\"a\")", ["f", "in", ["a"]]],
  ["f not in (1, 2)", ["f", "not_in", [1, 2]]],
  ["f not_in (1, 2)", ["f", "not_in", [1, 2]]],
  ["f not_in ['a', \"b\", 3, true]", ["f", "not_in", ["a", "b", 3, true]]],
]);

table("pattern operators", [
  ['f like "%s%"', ["f", "like", "%s%"]],
  ['f not like "%s%"', ["f", "not_like", "%s%"]],
  ['f not_like "%s%"', ["f", "not_like", "%s%"]],
  ['f ilike "%S%"', ["f", "ilike", "%S%"]],
  ['f not ilike "%S%"', ["f", "not_ilike", "%S%"]],
  ['f not_ilike "%S%"', ["f", "not_ilike", "%S%"]],
  ['f regex "^a"', ["f", "regex", "^a"]],
  ['f ~ "^a"', ["f", "regex", "^a"]],
  ['f not regex "^a"', ["f", "not_regex", "^a"]],
  ['f !~ "^a"', ["f", "not_regex", "^a"]],
  ['f not_regex "^a"', ["f", "not_regex", "^a"]],
  ['f match "phone"', ["f", "match", "phone"]],
  ['f not match "phone"', ["f", "not_match", "phone"]],
  ['f not_match "phone"', ["f", "not_match", "phone"]],
]);

table("array membership", [
  ['f has "x"', ["f", "has", "x"]],
  ["f has 10994", ["f", "has", 10994]],
  ['f not has "x"', ["f", "has_not", "x"]],
  ['f has_not "x"', ["f", "has_not", "x"]],
]);

table("between, null, bare fields", [
  ["f between 1 and 5", [["f", ">=", 1], "and", ["f", "<=", 5]]],
  ["f not between 1 and 5", [["f", "<", 1], "or", ["f", ">", 5]]],
  ["f is null", ["f", "=", null]],
  ["f is not null", ["f", "<>", null]],
  ["f = null", ["f", "=", null]],
  ["dofollow", ["dofollow", "=", true]],
  ["not dofollow", ["dofollow", "=", false]],
  ["!dofollow", ["dofollow", "=", false]],
]);

table("field references", [
  ['metrics.organic.pos_1 > "$item->metrics.organic.pos_2_3"', ["metrics.organic.pos_1", ">", "$item->metrics.organic.pos_2_3"]],
  ['a = "$item->b"', ["a", "=", "$item->b"]],
  ["a = '$item->b'", ["a", "=", "$item->b"]],
  ['not (a >= "$item->b")', ["a", "<", "$item->b"]],
  // Only a comparison takes a reference: elsewhere the string is a value.
  ['a like "$item->b"', ["a", "like", "$item->b"]],
  ['a in ("$item->b")', ["a", "in", ["$item->b"]]],
]);

table("fields", [
  ["rank > 1", ["rank", ">", 1]],
  ["keyword_info.search_volume > 1", ["keyword_info.search_volume", ">", 1]],
  ["1.rank > 1.5", ["1.rank", ">", 1.5]],
  ["intersection_result.1.rank_absolute = 1", ["intersection_result.1.rank_absolute", "=", 1]],
  ["referring_links_tld.com > 0", ["referring_links_tld.com", ">", 0]],
  ["`odd name` = 1", ["odd name", "=", 1]],
  ["`and` = 1", ["and", "=", 1]],
  ["`a\\`b` = 1", ["a`b", "=", 1]],
  ["android = 1", ["android", "=", 1]],
  ["notable = 1", ["notable", "=", 1]],
  ["in_stock", ["in_stock", "=", true]],
  ["NOW_x = 1", ["NOW_x", "=", 1]],
  ["a.`18-24` > 1", ["a.18-24", ">", 1]],
  ["keyword_data.clickstream_keyword_info.age_distribution.`18-24` > 10", ["keyword_data.clickstream_keyword_info.age_distribution.18-24", ">", 10]],
  ["`a b`.c.`d`.1 = 1", ["a b.c.d.1", "=", 1]],
  ["1.`x y` = 1", ["1.x y", "=", 1]],
  ["1.2.`x`.z = 1", ["1.2.x.z", "=", 1]],
  ["and.`x-y` = 1", ["and.x-y", "=", 1]],
  ["`a.b` = 1", ["a.b", "=", 1]],
  ["a.`b\\`c` = 1", ["a.b`c", "=", 1]],
  ['f > "$item->a.18-24"', ["f", ">", "$item->a.18-24"]],
]);

table("numbers", [
  ["f = 10", ["f", "=", 10]],
  ["f = -3", ["f", "=", -3]],
  ["f = - 3", ["f", "=", -3]],
  ["f = 1.5", ["f", "=", 1.5]],
  ["f = 2e3", ["f", "=", 2000]],
  ["f = 2E-3", ["f", "=", 0.002]],
  ["f = 1e+21", ["f", "=", 1e21]],
  ["f = 0", ["f", "=", 0]],
  ["f = -0", ["f", "=", -0]],
  ["f = 5e-324", ["f", "=", 5e-324]],
  ["f = 2.5e-310", ["f", "=", 2.5e-310]],
  ["f = 0.0e-400", ["f", "=", 0]],
]);

table("strings", [
  ['f = "a"', ["f", "=", "a"]],
  ["f = 'a'", ["f", "=", "a"]],
  ['f = "it\'s"', ["f", "=", "it's"]],
  ["f = 'say \"hi\"'", ["f", "=", 'say "hi"']],
  ['f = "\\" \\\' \\\\ \\/ \\b \\f \\n \\r \\t"', ["f", "=", "\" ' \\ / \b \f \n \r \t"]],
  ['f = "\\u00e9\\u0041"', ["f", "=", "éA"]],
  ['f = "\\ud83d\\ude00"', ["f", "=", "😀"]],
  ['f = "é 😀 中"', ["f", "=", "é 😀 中"]],
  ['f = ""', ["f", "=", ""]],
  ['f = "2024-01-31"', ["f", "=", "2024-01-31"]],
  ['f = "now"', ["f", "=", "now"]],
  ['f = "10"', ["f", "=", "10"]],
]);

table("raw strings: no escapes, for regex patterns", [
  ['f regex r"\\bseo\\b"', ["f", "regex", "\\bseo\\b"]],
  ["f ~ r'\\d+\\.\\d+'", ["f", "regex", "\\d+\\.\\d+"]],
  ['f !~ R"a\\\\"', ["f", "not_regex", "a\\\\"]],
  ["f regex r'say \"hi\"'", ["f", "regex", 'say "hi"']],
  ['f = r""', ["f", "=", ""]],
  ['f = r"\\u0041\\n"', ["f", "=", "\\u0041\\n"]],
]);

table("booleans and null", [
  ["f = true", ["f", "=", true]],
  ["f = FALSE", ["f", "=", false]],
  ["f <> null", ["f", "<>", null]],
]);

table("times", [
  ["f > 2024-01-31", ["f", ">", "2024-01-31 00:00:00 +00:00"]],
  ["f > 2024-01-31T10:00:00Z", ["f", ">", "2024-01-31 10:00:00 +00:00"]],
  ["f > 2024-01-31T10:00:00+02:00", ["f", ">", "2024-01-31 08:00:00 +00:00"]],
  ["f > 2024-01-31T01:00:00+0230", ["f", ">", "2024-01-30 22:30:00 +00:00"]],
  ["f > 2024-01-31T10:00:00-05:00", ["f", ">", "2024-01-31 15:00:00 +00:00"]],
  ["f > 2024-01-31T10:00", ["f", ">", "2024-01-31 10:00:00 +00:00"]],
  ["f > 2024-02-29", ["f", ">", "2024-02-29 00:00:00 +00:00"]],
  ["f > now", ["f", ">", "2024-06-15 12:34:56 +00:00"]],
  ["f > today", ["f", ">", "2024-06-15 00:00:00 +00:00"]],
  ["f > now - 30d", ["f", ">", "2024-05-16 12:34:56 +00:00"]],
  ["f > now-30d", ["f", ">", "2024-05-16 12:34:56 +00:00"]],
  ["f > today + 1w", ["f", ">", "2024-06-22 00:00:00 +00:00"]],
  ["f > now - 90s", ["f", ">", "2024-06-15 12:33:26 +00:00"]],
  ["f > now - 5m + 2h", ["f", ">", "2024-06-15 14:29:56 +00:00"]],
  ["f > 2024-01-31 + 1d", ["f", ">", "2024-02-01 00:00:00 +00:00"]],
  ["f > NOW", ["f", ">", "2024-06-15 12:34:56 +00:00"]],
  ["f between today - 7d and now", [["f", ">=", "2024-06-08 00:00:00 +00:00"], "and", ["f", "<=", "2024-06-15 12:34:56 +00:00"]]],
]);

table("keywords are case-insensitive", [
  ["a AND b", [["a", "=", true], "and", ["b", "=", true]]],
  ["a Or b", [["a", "=", true], "or", ["b", "=", true]]],
  ["NOT a", ["a", "=", false]],
  ["f IN (1)", ["f", "in", [1]]],
  ['f NOT LIKE "x"', ["f", "not_like", "x"]],
  ["f IS NOT NULL", ["f", "<>", null]],
  ["f BETWEEN 1 AND 2", [["f", ">=", 1], "and", ["f", "<=", 2]]],
]);

table("precedence: or below and below not", [
  ["a or b and c", [["a", "=", true], "or", [["b", "=", true], "and", ["c", "=", true]]]],
  ["a and b or c", [[["a", "=", true], "and", ["b", "=", true]], "or", ["c", "=", true]]],
  ["a || b && c", [["a", "=", true], "or", [["b", "=", true], "and", ["c", "=", true]]]],
  ["not a and b", [["a", "=", false], "and", ["b", "=", true]]],
  ["not (a and b)", [["a", "=", false], "or", ["b", "=", false]]],
  ["(a or b) and c", [[["a", "=", true], "or", ["b", "=", true]], "and", ["c", "=", true]]],
  ["! a || b", [["a", "=", false], "or", ["b", "=", true]]],
]);

table("canonical shape: binary groups nested to the left", [
  ["a > 1 and b > 2 and c > 3", [[["a", ">", 1], "and", ["b", ">", 2]], "and", ["c", ">", 3]]],
  ["(a > 1 and b > 2) and c > 3", [[["a", ">", 1], "and", ["b", ">", 2]], "and", ["c", ">", 3]]],
  ["a > 1 and (b > 2 and c > 3)", [["a", ">", 1], "and", [["b", ">", 2], "and", ["c", ">", 3]]]],
  ["((a > 1))", ["a", ">", 1]],
  ["(a > 1) and ((b > 2))", [["a", ">", 1], "and", ["b", ">", 2]]],
  ["a > 1 or b > 2 or c > 3 or d > 4", [[[["a", ">", 1], "or", ["b", ">", 2]], "or", ["c", ">", 3]], "or", ["d", ">", 4]]],
  [
    "referring_domains > 10 and (domain like \"%seo%\" or rank > 200)",
    [["referring_domains", ">", 10], "and", [["domain", "like", "%seo%"], "or", ["rank", ">", 200]]],
  ],
  ["f between 1 and 2 and g", [[["f", ">=", 1], "and", ["f", "<=", 2]], "and", ["g", "=", true]]],
  ["g and f between 1 and 2", [["g", "=", true], "and", [["f", ">=", 1], "and", ["f", "<=", 2]]]],
]);

table("not is pushed to the leaves", [
  ["not a = 1", ["a", "<>", 1]],
  ["not a <> 1", ["a", "=", 1]],
  ["not a < 1", ["a", ">=", 1]],
  ["not a >= 1", ["a", "<", 1]],
  ["not a > 1", ["a", "<=", 1]],
  ["not a <= 1", ["a", ">", 1]],
  ["not a in (1)", ["a", "not_in", [1]]],
  ["not a not in (1)", ["a", "in", [1]]],
  ['not a like "x"', ["a", "not_like", "x"]],
  ['not a not like "x"', ["a", "like", "x"]],
  ['not a ilike "x"', ["a", "not_ilike", "x"]],
  ['not a regex "x"', ["a", "not_regex", "x"]],
  ['not a !~ "x"', ["a", "regex", "x"]],
  ['not a match "x"', ["a", "not_match", "x"]],
  ['not a has "x"', ["a", "has_not", "x"]],
  ['not a has_not "x"', ["a", "has", "x"]],
  ["not a is null", ["a", "<>", null]],
  ["not a is not null", ["a", "=", null]],
  ["not a between 1 and 2", [["a", "<", 1], "or", ["a", ">", 2]]],
  ["not a not between 1 and 2", [["a", ">=", 1], "and", ["a", "<=", 2]]],
  ["not not a", ["a", "=", true]],
  ["not (a > 1 or b > 2)", [["a", "<=", 1], "and", ["b", "<=", 2]]],
  ["not (a > 1 and (b > 2 or not c))", [["a", "<=", 1], "or", [["b", "<=", 2], "and", ["c", "=", true]]]],
  ["not (a > 1 and b > 2 and c > 3)", [[["a", "<=", 1], "or", ["b", "<=", 2]], "or", ["c", "<=", 3]]],
]);

table("whitespace is free", [
  ["  a>1\tand\n b<2  ", [["a", ">", 1], "and", ["b", "<", 2]]],
  ["a>1 and(b<2)", [["a", ">", 1], "and", ["b", "<", 2]]],
  ["f in(1,2)", ["f", "in", [1, 2]]],
]);

const flat = (source: string) => compileFilter(source, { chains: "flat", now: NOW });

describe("chains: flat", () => {
  it.each([
    ["a and b and c", [["a", "=", true], "and", ["b", "=", true], "and", ["c", "=", true]]],
    ["(a and b) and c", [["a", "=", true], "and", ["b", "=", true], "and", ["c", "=", true]]],
    ["a and (b and c)", [["a", "=", true], "and", [["b", "=", true], "and", ["c", "=", true]]]],
    ["a or b and c or d", [["a", "=", true], "or", [["b", "=", true], "and", ["c", "=", true]], "or", ["d", "=", true]]],
    ["a", ["a", "=", true]],
  ] as const)("%s", (source, expected) => {
    expect(flat(source)).toEqual(expected);
  });
});

describe("order-by", () => {
  it.each([
    ["rank desc, backlinks", ["rank,desc", "backlinks,asc"]],
    ["rank", ["rank,asc"]],
    ["rank ASC", ["rank,asc"]],
    ["metrics.organic.etv desc", ["metrics.organic.etv,desc"]],
    ["1.rank desc, 2.rank", ["1.rank,desc", "2.rank,asc"]],
    ["`odd name` desc", ["odd name,desc"]],
    ["  a desc ,b asc,  c  ", ["a,desc", "b,asc", "c,asc"]],
    ["rank,desc", ["rank,desc"]],
    ["rank,desc,backlinks,asc", ["rank,desc", "backlinks,asc"]],
    ["rank , DESC, backlinks", ["rank,desc", "backlinks,asc"]],
    ["a.`18-24`,desc", ["a.18-24,desc"]],
  ] as const)("%s", (source, expected) => {
    expect(compileOrderBy(source)).toEqual(expected);
  });
});

describe("relative times use options.now", () => {
  it("accepts a Date, epoch milliseconds and an ISO string", () => {
    const at = Date.UTC(2024, 0, 2, 3, 4, 5);
    for (const now of [new Date(at), at, "2024-01-02T03:04:05Z"]) {
      expect(compileFilter("f > now", { now })).toEqual(["f", ">", "2024-01-02 03:04:05 +00:00"]);
    }
  });
  it("defaults to the clock", () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const [, , value] = compileFilter("f > now") as [string, string, string];
    const after = Date.now();
    const ms = Date.parse(value.replace(" +00:00", "Z").replace(" ", "T"));
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(after);
  });
});
