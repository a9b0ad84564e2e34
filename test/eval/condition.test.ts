import { describe, expect, it } from "vitest";
import { prepareReference, prepareTest } from "../../src/eval/condition.js";
import { evaluateFilter } from "../../src/eval/evaluate.js";

/*
 * Golden tables, one per operator family: each row is a filter array, an item and whether the
 * item matches. Rows run through evaluateFilter, so they cover reading the arrays as well.
 */

type Row = readonly [filter: unknown, item: unknown, expected: boolean];

function table(rows: readonly Row[]) {
  it.each(rows.map(([filter, item, expected]) => [JSON.stringify(filter), JSON.stringify(item) ?? "undefined", expected, filter, item] as const))(
    "%s on %s is %s",
    (_f, _i, expected, filter, item) => {
      expect(evaluateFilter(filter, item)).toBe(expected);
    },
  );
}

describe("= and <>", () => {
  table([
    [["rank", "=", 5], { rank: 5 }, true],
    [["rank", "=", 5], { rank: 5.0 }, true],
    [["rank", "=", 5], { rank: 6 }, false],
    [["rank", "=", 5], { rank: "5" }, false],
    [["rank", "=", "5"], { rank: 5 }, false],
    [["dofollow", "=", true], { dofollow: true }, true],
    [["dofollow", "=", true], { dofollow: 1 }, false],
    [["dofollow", "=", true], { dofollow: "true" }, false],
    [["domain", "=", "a.com"], { domain: "a.com" }, true],
    [["domain", "=", "a.com"], { domain: "A.com" }, false],
    [["tags", "=", "a"], { tags: ["a"] }, false],
    [["rank", "<>", 5], { rank: 6 }, true],
    [["rank", "<>", 5], { rank: 5 }, false],
    [["rank", "<>", 5], { rank: "5" }, true],
    [["tags", "<>", "a"], { tags: ["a"] }, true],
  ]);
});

describe("null and missing fields", () => {
  table([
    [["lost_date", "=", null], { lost_date: null }, true],
    [["lost_date", "=", null], {}, true],
    [["lost_date", "=", null], { lost_date: "2024-01-01" }, false],
    [["lost_date", "=", null], { lost_date: 0 }, false],
    [["lost_date", "=", null], { lost_date: "" }, false],
    [["lost_date", "<>", null], { lost_date: "2024-01-01" }, true],
    [["lost_date", "<>", null], { lost_date: false }, true],
    [["lost_date", "<>", null], { lost_date: null }, false],
    [["lost_date", "<>", null], {}, false],
    // Every other comparison with a null or missing field is false, negated operators included.
    [["rank", "=", 5], {}, false],
    [["rank", "<>", 5], {}, false],
    [["rank", "<>", 5], { rank: null }, false],
    [["rank", "<", 5], { rank: null }, false],
    [["rank", ">=", 5], {}, false],
    [["rank", "in", [1, 5]], {}, false],
    [["rank", "not_in", [1, 5]], {}, false],
    [["rank", "not_in", [1, 5]], { rank: null }, false],
    [["domain", "like", "%"], {}, false],
    [["domain", "not_like", "%x%"], {}, false],
    [["domain", "not_ilike", "%x%"], { domain: null }, false],
    [["domain", "not_regex", "x"], {}, false],
    [["domain", "not_match", "x"], {}, false],
    [["tags", "has_not", "x"], {}, false],
    [["tags", "has_not", "x"], { tags: null }, false],
    // The item itself is not an object: every field is missing.
    [["rank", "=", null], null, true],
    [["rank", "=", null], "text", true],
    [["rank", "<>", 5], 42, false],
  ]);
});

describe("< <= > >=", () => {
  table([
    [["rank", ">", 5], { rank: 6 }, true],
    [["rank", ">", 5], { rank: 5 }, false],
    [["rank", ">=", 5], { rank: 5 }, true],
    [["rank", "<", 5], { rank: -1.5 }, true],
    [["rank", "<=", 5], { rank: 5.0001 }, false],
    [["rank", ">", 5], { rank: "6" }, false],
    [["rank", "<=", 5], { rank: "6" }, false],
    [["rank", ">", "5"], { rank: 6 }, false],
    [["rank", ">", 5], { rank: true }, false],
    [["rank", ">", 5], { rank: [6] }, false],
    [["domain", ">", "b"], { domain: "c" }, true],
    [["domain", ">", "b"], { domain: "B" }, false],
    [["domain", "<", "b"], { domain: "ab" }, true],
    [["version", "<", "10"], { version: "9" }, false],
  ]);
});

describe("times compare as instants", () => {
  table([
    [["first_seen", ">", "2024-01-01 00:00:00 +00:00"], { first_seen: "2024-01-01 00:00:01 +00:00" }, true],
    [["first_seen", ">", "2024-01-01 00:00:00 +00:00"], { first_seen: "2024-01-01 00:00:00 +00:00" }, false],
    [["first_seen", ">", "2024-01-01 00:00:00 +00:00"], { first_seen: "2024-01-01T01:00:00+02:00" }, false],
    [["first_seen", "<", "2024-01-01 00:00:00 +00:00"], { first_seen: "2023-12-31T23:00:00-02:00" }, false],
    [["first_seen", ">", "2024-01-01 00:00:00 +00:00"], { first_seen: "2023-12-31T23:00:00-02:00" }, true],
    [["first_seen", "=", "2024-01-31 08:00:00 +00:00"], { first_seen: "2024-01-31T10:00:00+02:00" }, true],
    [["first_seen", "<>", "2024-01-31 08:00:00 +00:00"], { first_seen: "2024-01-31T10:00:00+02:00" }, false],
    [["first_seen", "=", "2024-01-31 00:00:00 +00:00"], { first_seen: "2024-01-31" }, true],
    [["first_seen", "in", ["2024-01-31 00:00:00 +00:00"]], { first_seen: "2024-01-31T00:00:00Z" }, true],
    [["first_seen", "not_in", ["2024-01-31 00:00:00 +00:00"]], { first_seen: "2024-01-31T00:00:00Z" }, false],
    // A time against a number is no comparison; a time against other text compares as text.
    [["first_seen", ">", "2024-01-01 00:00:00 +00:00"], { first_seen: 1_800_000_000_000 }, false],
    [["first_seen", "<", "2024-01-01 00:00:00 +00:00"], { first_seen: "never" }, false],
    [["first_seen", ">", "2024-01-01 00:00:00 +00:00"], { first_seen: "never" }, true],
  ]);
});

describe("in and not_in", () => {
  table([
    [["rank", "in", [1, 5]], { rank: 5 }, true],
    [["rank", "in", [1, 5]], { rank: 2 }, false],
    [["rank", "in", [1, 5]], { rank: "5" }, false],
    [["rank", "not_in", [1, 5]], { rank: 2 }, true],
    [["rank", "not_in", [1, 5]], { rank: 5 }, false],
    [["domain", "in", ["a.com", "b.com"]], { domain: "b.com" }, true],
    [["flag", "in", [true]], { flag: true }, true],
    [["flag", "in", [true]], { flag: 1 }, false],
    [["tags", "in", ["a"]], { tags: ["a"] }, false],
    [["tags", "not_in", ["a"]], { tags: ["a"] }, true],
  ]);
});

describe("like and ilike", () => {
  table([
    [["anchor", "like", "%seo%"], { anchor: "best seo tools" }, true],
    [["anchor", "like", "%seo%"], { anchor: "best SEO tools" }, false],
    [["anchor", "ilike", "%seo%"], { anchor: "best SEO tools" }, true],
    [["anchor", "not_like", "%seo%"], { anchor: "best SEO tools" }, true],
    [["anchor", "not_ilike", "%seo%"], { anchor: "best SEO tools" }, false],
    [["anchor", "like", "seo"], { anchor: "seo tools" }, false],
    [["anchor", "like", "a_c"], { anchor: "abc" }, true],
    // Metacharacters of regular expressions are plain characters.
    [["domain", "like", "a.b%"], { domain: "a.bc" }, true],
    [["domain", "like", "a.b%"], { domain: "axbc" }, false],
    [["domain", "like", "%.com"], { domain: "example.com" }, true],
    [["domain", "like", "%.com"], { domain: "examplecom" }, false],
    [["domain", "like", "[a]%"], { domain: "[a]b" }, true],
    [["domain", "like", "a+%"], { domain: "aab" }, false],
    // Only strings take patterns.
    [["rank", "like", "%1%"], { rank: 1 }, false],
    [["rank", "not_like", "%1%"], { rank: 1 }, false],
    [["tags", "like", "%a%"], { tags: ["a"] }, false],
  ]);
});

describe("regex", () => {
  table([
    [["url", "regex", "^https?://"], { url: "https://a.com" }, true],
    [["url", "regex", "^https?://"], { url: "ftp://a.com" }, false],
    [["url", "not_regex", "^https?://"], { url: "ftp://a.com" }, true],
    [["url", "regex", "\\.com$"], { url: "https://a.com" }, true],
    [["url", "regex", "com"], { url: "https://a.com/x" }, true],
    [["url", "regex", "(?i)A\\.COM"], { url: "https://a.com" }, true],
    [["rank", "regex", "1"], { rank: 1 }, false],
    [["rank", "not_regex", "1"], { rank: 1 }, false],
  ]);
});

describe("match", () => {
  table([
    [["keyword", "match", "phone"], { keyword: "best phone case" }, true],
    [["keyword", "match", "phone"], { keyword: "iphone case" }, false],
    [["keyword", "match", "Phone Case"], { keyword: "case for a PHONE" }, true],
    [["keyword", "not_match", "phone"], { keyword: "iphone case" }, true],
    [["keyword", "not_match", "phone"], { keyword: "phone" }, false],
    [["keyword", "match", ""], { keyword: "phone" }, false],
    [["keyword", "not_match", ""], { keyword: "phone" }, true],
    [["keyword", "match", "1"], { keyword: 1 }, false],
  ]);
});

describe("has and has_not", () => {
  table([
    [["serp_item_types", "has", "featured_snippet"], { serp_item_types: ["organic", "featured_snippet"] }, true],
    [["serp_item_types", "has", "featured_snippet"], { serp_item_types: ["organic"] }, false],
    [["serp_item_types", "has_not", "featured_snippet"], { serp_item_types: ["organic"] }, true],
    [["serp_item_types", "has_not", "featured_snippet"], { serp_item_types: ["featured_snippet"] }, false],
    [["serp_item_types", "has_not", "featured_snippet"], { serp_item_types: [] }, true],
    [["text_category", "has", 10994], { text_category: [1, 10994] }, true],
    [["text_category", "has", 10994], { text_category: ["10994"] }, false],
    [["dates", "has", "2024-01-31 00:00:00 +00:00"], { dates: ["2024-01-31"] }, true],
    [["tags", "has", "a"], { tags: [null, "a"] }, true],
    // Not an array: neither has nor has_not.
    [["tags", "has", "a"], { tags: "a" }, false],
    [["tags", "has_not", "a"], { tags: "b" }, false],
    [["tags", "has_not", "a"], { tags: { 0: "b" } }, false],
  ]);
});

describe("$item-> references", () => {
  table([
    [["metrics.organic.pos_1", ">", "$item->metrics.organic.pos_2_3"], { metrics: { organic: { pos_1: 5, pos_2_3: 3 } } }, true],
    [["metrics.organic.pos_1", ">", "$item->metrics.organic.pos_2_3"], { metrics: { organic: { pos_1: 3, pos_2_3: 3 } } }, false],
    [["metrics.organic.pos_1", ">=", "$item->metrics.organic.pos_2_3"], { metrics: { organic: { pos_1: 3, pos_2_3: 3 } } }, true],
    [["a", "=", "$item->b"], { a: "x", b: "x" }, true],
    [["a", "=", "$item->b"], { a: "2024-01-31", b: "2024-01-31 00:00:00 +00:00" }, true],
    [["a", "=", "$item->b"], { a: [1, { c: 2 }], b: [1, { c: 2 }] }, true],
    [["a", "<>", "$item->b"], { a: 1, b: "1" }, true],
    [["a", "<", "$item->b"], { a: 1, b: "2" }, false],
    [["first_seen", "<", "$item->last_seen"], { first_seen: "2024-01-31T10:00:00+02:00", last_seen: "2024-01-31 09:00:00 +00:00" }, true],
    // A null or missing side matches nothing, `=` included.
    [["a", "=", "$item->b"], {}, false],
    [["a", "=", "$item->b"], { a: null, b: null }, false],
    [["a", "<>", "$item->b"], { a: 1 }, false],
    [["a", "<>", "$item->b"], { b: 1 }, false],
    // Only comparison operators read `$item->`; elsewhere it is text.
    [["a", "in", ["$item->b"]], { a: "$item->b", b: "$item->b" }, true],
    [["a", "like", "$item->b"], { a: "$item->b" }, true],
    [["a", "has", "$item->b"], { a: ["$item->b"], b: "x" }, true],
    // `$item->` alone is a string.
    [["a", "=", "$item->"], { a: "$item->" }, true],
  ]);
});

describe("dotted paths", () => {
  table([
    [["keyword_info.search_volume", ">", 100], { keyword_info: { search_volume: 150 } }, true],
    [["1.rank", ">", 100], { "1": { rank: 150 } }, true],
    [["intersection_result.1.rank_absolute", "<=", 3], { intersection_result: { "1": { rank_absolute: 2 } } }, true],
    [["intersection_result.1.rank_absolute", "<=", 3], { intersection_result: [{ rank_absolute: 9 }, { rank_absolute: 2 }] }, true],
    [["referring_links_tld.com", ">", 0], { referring_links_tld: { com: 1 } }, true],
    [["referring_links_tld.com", ">", 0], { referring_links_tld: { org: 1 } }, false],
    [["referring_links_tld.com", "=", null], { referring_links_tld: { org: 1 } }, true],
    [["keyword_info.search_volume", ">", 100], { "keyword_info.search_volume": 150 }, false],
  ]);
});

describe("prepareTest and prepareReference", () => {
  it("match nothing for operand shapes the checks reject", () => {
    const none = [
      prepareTest("like", 5),
      prepareTest("regex", true),
      prepareTest("match", null),
      prepareTest("<", null),
      prepareTest("has", null),
      prepareTest("=", [1]),
    ];
    for (const prepared of none) {
      expect(prepared.ok && [1, "1", null, undefined, [1], { a: 1 }].some((v) => prepared.test(v))).toBe(false);
    }
    expect(prepareReference("like")("a", "a")).toBe(false);
    expect(prepareReference("has")(["a"], "a")).toBe(false);
  });

  it("reports a regex RE2 refuses", () => {
    expect(prepareTest("regex", "(?=a)")).toMatchObject({ ok: false, code: "invalid_regex" });
  });

  it("skips nulls inside lists", () => {
    const prepared = prepareTest("not_in", [null, 1]);
    expect(prepared.ok && prepared.test(2)).toBe(true);
    expect(prepared.ok && prepared.test(null)).toBe(false);
  });
});
