import { RE2JS } from "re2js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { compileFilter } from "../../src/compile.js";
import { compileMatcher, evaluateFilter, matchItems } from "../../src/eval/evaluate.js";
import { dfsqError } from "../helpers/errors.js";

const ITEMS = [
  { domain: "seo-tools.com", rank: 250, referring_domains: 40, dofollow: true },
  { domain: "example.org", rank: 120, referring_domains: 12, dofollow: false },
  { domain: "myseo.net", rank: 90, referring_domains: 5, dofollow: true },
  { domain: "blog.io", rank: 300, referring_domains: 3 },
];

describe("evaluateFilter", () => {
  it("evaluates the README example", () => {
    const filters = compileFilter('referring_domains > 10 and (domain like "%seo%" or rank > 200)');
    expect(ITEMS.map((item) => evaluateFilter(filters, item))).toEqual([true, false, false, false]);
  });

  it("reads every shape the API accepts: bare, wrapped once, binary and flat groups", () => {
    const item = { a: 1, b: 2, c: 3 };
    expect(evaluateFilter(["a", "=", 1], item)).toBe(true);
    expect(evaluateFilter([["a", "=", 1]], item)).toBe(true);
    expect(evaluateFilter([["a", "=", 1], "and", ["b", "=", 2]], item)).toBe(true);
    expect(evaluateFilter([["a", "=", 1], "and", ["b", "=", 2], "and", ["c", "=", 4]], item)).toBe(false);
    expect(evaluateFilter([["a", "=", 0], "or", ["b", "=", 0], "or", ["c", "=", 3]], item)).toBe(true);
    expect(evaluateFilter([[["a", "=", 0], "or", ["b", "=", 2]], "and", ["c", "=", 3]], item)).toBe(true);
    expect(evaluateFilter([["a", "=", 0], "or", [["b", "=", 2], "and", ["c", "=", 3]]], item)).toBe(true);
  });

  it("evaluates 10,000 conditions, left-nested or flat, without recursion", () => {
    let nested: unknown = ["n", "<>", 0];
    const flat: unknown[] = [["n", "<>", 0]];
    for (let i = 1; i < 10_000; i++) {
      nested = [nested, "and", ["n", "<>", i]];
      flat.push("and", ["n", "<>", i]);
    }
    expect(evaluateFilter(nested, { n: 10_000 })).toBe(true);
    expect(evaluateFilter(nested, { n: 9_999 })).toBe(false);
    expect(evaluateFilter(flat, { n: -1 })).toBe(true);
  });

  it("refuses nesting deeper than maxDepth, and takes a larger one", () => {
    let deep: unknown = ["n", "=", 0];
    for (let i = 0; i < 40; i++) deep = [["n", "=", 1], "or", deep];
    expect(dfsqError(() => evaluateFilter(deep, { n: 0 })).diagnostics.map((d) => d.code)).toEqual(["nesting_too_deep"]);
    expect(evaluateFilter(deep, { n: 0 }, { maxDepth: 64 })).toBe(true);
  });

  it("takes longer lists with maxListLength", () => {
    const list = Array.from({ length: 1500 }, (_, i) => i);
    expect(dfsqError(() => evaluateFilter(["n", "in", list], { n: 1 })).diagnostics.map((d) => d.code)).toEqual(["list_too_long"]);
    expect(evaluateFilter(["n", "in", list], { n: 1499 }, { maxListLength: 2000 })).toBe(true);
  });
});

describe("invalid filters throw DfsqError with the reader's codes and JSON paths", () => {
  it.each<[unknown, string, (string | number)[]]>([
    ["rank > 10", "invalid_filter", []],
    [{ rank: 10 }, "invalid_filter", []],
    [[], "invalid_filter", []],
    [["rank", ">"], "invalid_filter", []],
    [["rank", "gt", 10], "invalid_filter", [1]],
    [["", "=", 1], "empty_field_name", [0]],
    [["rank", "in", []], "empty_list", [2]],
    [["rank", "in", 5], "invalid_filter", [2]],
    [["rank", "=", [5]], "invalid_filter", [2]],
    [["rank", "=", { a: 1 }], "invalid_filter", [2]],
    [[["a", "=", 1], "and", ["b", "=", 1], "or", ["c", "=", 1]], "mixed_connectives", [3]],
    [[["a", "=", 1], "xor", ["b", "=", 1]], "invalid_filter", [1]],
    [[["a", "=", 1], "and", "b"], "invalid_filter", [2]],
    [["rank", "like", 5], "type_mismatch", [2]],
    [["rank", "<", true], "type_mismatch", [2]],
    [["tags", "has", null], "type_mismatch", [2]],
    [["rank", "in", [1, null]], "type_mismatch", [2, 1]],
    [[["a", "=", 1], "and", ["url", "regex", "(?<=x)y"]], "invalid_regex", [2, 2]],
    [["url", "not_regex", "("], "invalid_regex", [2]],
  ])("%j → %s", (filters, code, path) => {
    const e = dfsqError(() => evaluateFilter(filters, {}));
    expect(e.diagnostics.map((d) => [d.code, d.path])).toEqual([[code, path]]);
  });

  it("reports every problem, not only the first", () => {
    const e = dfsqError(() => compileMatcher([["a", "regex", "("], "and", ["b", "regex", "(?=x)"]]));
    expect(e.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ["invalid_regex", [0, 2]],
      ["invalid_regex", [2, 2]],
    ]);
    expect(e.diagnostics[0]!.message).toContain("RE2");
  });

  it("checks the filter before looking at items, even with none", () => {
    expect(dfsqError(() => matchItems(["a", "regex", "("], [])).diagnostics[0]!.code).toBe("invalid_regex");
  });
});

describe("matchItems and compileMatcher", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("returns the matching items themselves, in order", () => {
    const matched = matchItems(["dofollow", "=", true], ITEMS);
    expect(matched).toEqual([ITEMS[0], ITEMS[2]]);
    expect(matched[0]).toBe(ITEMS[0]);
    expect(matchItems(["rank", ">", 1000], ITEMS)).toEqual([]);
  });

  it("compiles each pattern once, however many items", () => {
    const compile = vi.spyOn(RE2JS, "compile");
    const items = Array.from({ length: 500 }, (_, i) => ({ url: `https://site${i}.com/${i % 7 === 0 ? "blog" : "shop"}` }));
    const matched = matchItems([["url", "regex", "/blog$"], "or", ["url", "regex", "^http://"]], items);
    expect(matched).toHaveLength(72);
    expect(compile).toHaveBeenCalledTimes(2);
  });

  it("prepares once and evaluates many", () => {
    const matches = compileMatcher(compileFilter('domain ilike "%SEO%" and not dofollow'));
    expect(ITEMS.map(matches)).toEqual([false, false, false, false]);
    const also = compileMatcher(compileFilter('domain ilike "%SEO%" and dofollow'));
    expect(ITEMS.map(also)).toEqual([true, false, true, false]);
  });
});

describe("hostile items", () => {
  it("evaluates a catastrophic regex against 10,000 characters in linear time", () => {
    const value = `${"a".repeat(10_000)}!`;
    expect(evaluateFilter(["s", "regex", "(a+)+$"], { s: value })).toBe(false);
    expect(evaluateFilter(["s", "not_regex", "^(a|a?)+$"], { s: value })).toBe(true);
    expect(evaluateFilter(["s", "regex", "(.*a){20}"], { s: value })).toBe(true);
  });

  it("takes megabyte strings in every string operator", () => {
    const huge = `${"seo ".repeat(250_000)}end`;
    const item = { s: huge, tags: [huge, "x"] };
    expect(evaluateFilter(["s", "like", "%seo_end"], item)).toBe(true);
    expect(evaluateFilter(["s", "ilike", "%SEO%END"], item)).toBe(true);
    expect(evaluateFilter(["s", "like", "%x%y%"], item)).toBe(false);
    expect(evaluateFilter(["s", "match", "end seo"], item)).toBe(true);
    expect(evaluateFilter(["s", "regex", "end$"], item)).toBe(true);
    expect(evaluateFilter(["s", ">", "seo"], item)).toBe(true);
    expect(evaluateFilter(["s", "=", "2024-01-01 00:00:00 +00:00"], item)).toBe(false);
    expect(evaluateFilter(["tags", "has", "x"], item)).toBe(true);
  });

  it("reads a path 10,000 levels deep and compares deep structures by $item->", () => {
    let a: unknown = 1;
    let b: unknown = 1;
    for (let i = 0; i < 10_000; i++) {
      a = { x: a };
      b = { x: b };
    }
    const deepPath = Array.from({ length: 10_000 }, () => "x").join(".");
    expect(evaluateFilter([`a.${deepPath}`, "=", 1], { a })).toBe(true);
    expect(evaluateFilter(["a", "=", "$item->b"], { a, b })).toBe(true);
    expect(evaluateFilter(["a", "<>", "$item->b"], { a, b: { x: 2 } })).toBe(true);
  });

  it("ends on cyclic items", () => {
    const a: Record<string, unknown> = { n: 1 };
    a.self = a;
    const b: Record<string, unknown> = { n: 1 };
    b.self = b;
    expect(evaluateFilter(["self.self.self.n", "=", 1], a)).toBe(true);
    expect(evaluateFilter(["a", "=", "$item->b"], { a, b })).toBe(true);
  });

  it("treats values JSON cannot hold as values that equal no filter value", () => {
    const odd = { n: 10n, d: new Date(0), m: new Map([["a", 1]]), f: () => 1, u: undefined, s: Symbol("x"), boxed: Object("a") };
    for (const field of Object.keys(odd)) {
      for (const [op, value] of [["=", 1], ["<>", 1], [">", 0], ["like", "%"], ["in", [1]], ["has", 1]] as const) {
        expect(typeof evaluateFilter([field, op, value], odd)).toBe("boolean");
      }
    }
    expect(evaluateFilter(["u", "=", null], odd)).toBe(true);
    expect(evaluateFilter(["boxed", "=", "a"], odd)).toBe(false);
    expect(evaluateFilter(["m.a", "=", 1], odd)).toBe(false);
  });
});
