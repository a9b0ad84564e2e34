import { describe, expect, it } from "vitest";
import { compileFilter, compileOrderBy } from "../../src/compile.js";
import { DfsqError } from "../../src/diagnostics/error.js";
import { printFilter, printOrderBy } from "../../src/print/print-filter.js";
import { dfsqError } from "../helpers/errors.js";
import { validateFilter, validateOrderBy } from "../../src/validate/validate.js";

/* Arrays → text: the shortest text that compiles back to the canonical arrays. Titles are inputs. */

const roundTrip = (x: unknown) => compileFilter(printFilter(x), { now: 0 });

describe("printFilter", () => {
  it.each([
    [["rank", ">", 10], "rank > 10"],
    [[["rank", ">", 10]], "rank > 10"],
    [["dofollow", "=", true], "dofollow"],
    [["dofollow", "=", false], "not dofollow"],
    [["f", "=", null], "f is null"],
    [["f", "<>", null], "f is not null"],
    [["f", "in", [1, "a", true]], 'f in (1, "a", true)'],
    [["f", "not_in", [1]], "f not in (1)"],
    [["f", "like", "%a%"], 'f like "%a%"'],
    [["f", "not_ilike", "%a%"], 'f not ilike "%a%"'],
    [["f", "regex", "^a\\d"], 'f regex r"^a\\d"'],
    [["f", "not_regex", '\\bsay "hi"\\b'], "f not regex r'\\bsay \"hi\"\\b'"],
    [["f", "regex", "\\d\"'"], 'f regex "\\\\d\\"\'"'],
    [["f", "regex", "\\d\t"], 'f regex "\\\\d\\t"'],
    [["f", "regex", "^a"], 'f regex "^a"'],
    [["f", "like", "%\\%"], 'f like "%\\\\%"'],
    [["f", "has_not", "x"], 'f not has "x"'],
    [["f", "=", "it's \"q\"\n"], 'f = "it\'s \\"q\\"\\n"'],
    [["f", ">", "2024-01-31 00:00:00 +00:00"], "f > 2024-01-31"],
    [["f", ">", "2024-01-31 10:20:30 +00:00"], "f > 2024-01-31T10:20:30Z"],
    [["f", ">", "2024-01-31 10:20:30 +02:00"], 'f > "2024-01-31 10:20:30 +02:00"'],
    [["f", ">", "$item->g.h"], 'f > "$item->g.h"'],
    [["f", ">", "$item->and"], 'f > "$item->and"'],
    [["f", "like", "$item->g"], 'f like "$item->g"'],
    [["f", "=", -0], "f = -0"],
    [["f", "=", 1e21], "f = 1e+21"],
    [["odd name", "=", 1], "`odd name` = 1"],
    [["in", "=", 1], "`in` = 1"],
    [["1.rank", ">", 1.5], "1.rank > 1.5"],
    [["a`b", "=", 1], "`a\\`b` = 1"],
    [["keyword_data.clickstream_keyword_info.age_distribution.18-24", ">", 1], "keyword_data.clickstream_keyword_info.age_distribution.`18-24` > 1"],
    [["a.odd name.1.and", "=", 1], "a.`odd name`.1.and = 1"],
    [["odd name.b", "=", 1], "`odd name`.b = 1"],
    [["1.2", "=", 1], "`1.2` = 1"],
    [["a..b", "=", 1], "`a..b` = 1"],
    [["f", ">", "$item->a.18-24"], 'f > "$item->a.18-24"'],
    [[["a", ">", 1], "and", ["b", ">", 2]], "a > 1 and b > 2"],
    [[[["a", ">", 1], "and", ["b", ">", 2]], "and", ["c", ">", 3]], "a > 1 and b > 2 and c > 3"],
    [[["a", ">", 1], "and", [["b", ">", 2], "and", ["c", ">", 3]]], "a > 1 and (b > 2 and c > 3)"],
    [[["a", ">", 1], "and", ["b", ">", 2], "and", ["c", ">", 3]], "a > 1 and b > 2 and c > 3"],
    [[["a", ">", 1], "or", [["b", ">", 2], "and", ["c", ">", 3]]], "a > 1 or b > 2 and c > 3"],
    [[[["a", ">", 1], "or", ["b", ">", 2]], "and", ["c", ">", 3]], "(a > 1 or b > 2) and c > 3"],
    [[["f", ">=", 1], "and", ["f", "<=", 5]], "f between 1 and 5"],
    [[["f", "<", 1], "or", ["f", ">", 5]], "f not between 1 and 5"],
    [[["g", "=", true], "and", [["f", ">=", 1], "and", ["f", "<=", 5]]], "g and f between 1 and 5"],
    [[["g", "=", true], "or", [["f", "<", 1], "or", ["f", ">", 5]]], "g or f not between 1 and 5"],
    [[["f", ">=", 1], "and", ["g", "<=", 5]], "f >= 1 and g <= 5"],
    [
      [["referring_domains", ">", 10], "and", [["domain", "like", "%seo%"], "or", ["rank", ">", 200]]],
      'referring_domains > 10 and (domain like "%seo%" or rank > 200)',
    ],
  ] as const)("%j", (input, text) => {
    expect(printFilter(input)).toBe(text);
  });

  it.each([
    [["f", "like", 5]],
    [["f", "in", []]],
    [["f", "in", 3]],
    [["f", "is", 3]],
    [["f", "=", { a: 1 }]],
    [["f", "=", Number.NaN]],
    [["", "=", 1]],
    [[["a", "=", 1], "and"]],
    [[["a", "=", 1], "xor", ["b", "=", 1]]],
    [[]],
    [["a", "="]],
    ["rank > 1"],
    [null],
  ])("refuses %j with a diagnostic", (input) => {
    expect(() => printFilter(input)).toThrow(DfsqError);
  });

  it("refuses a flat group that mixes and and or, pointing at the connective", () => {
    const [d] = dfsqError(() => printFilter([["a", "=", 1], "and", ["b", "=", 1], "or", ["c", "=", 1]])).diagnostics;
    expect(d?.code).toBe("mixed_connectives");
    expect(d?.path).toEqual([3]);
  });

  it("names the JSON path of a bad element", () => {
    const e = dfsqError(() => printFilter([["a", "=", 1], "and", [["b", "=", 1], "or", ["c", "~", 1]]]));
    expect(e.diagnostics.map((d) => [d.code, d.path])).toEqual([["invalid_filter", [2, 2, 1]]]);
  });

  it("reads 10,000 left-nested conditions without exhausting the stack", () => {
    let x: unknown = ["f0", "=", 0];
    for (let i = 1; i < 10_000; i++) x = [x, "and", [`f${i}`, "=", i]];
    const text = printFilter(x, { maxConditions: 10_000 });
    expect(text.startsWith("f0 = 0 and f1 = 1 and")).toBe(true);
    // Deep equality would recurse 10,000 levels; printing the recompiled arrays compares them flat.
    expect(printFilter(compileFilter(text, { maxConditions: 10_000, maxInputLength: Infinity }), { maxConditions: 10_000 })).toBe(text);
  });

  it("refuses right-nesting past the depth limit", () => {
    let x: unknown = ["f", "=", 0];
    for (let i = 1; i < 10_000; i++) x = [["g", "=", i], "and", x];
    expect(() => printFilter(x)).toThrow(/nested more than 32/);
  });

  it("round-trips what it prints", () => {
    for (const x of [
      [["a", ">", 1], "and", [["b", ">", 2], "and", ["c", ">", 3]]],
      [[[["a", ">", 1], "or", ["b", ">", 2]], "and", ["c", ">", 3]], "or", ["d", "=", false]],
      [["f", "<", "2024-01-31 00:00:00 +00:00"], "or", ["f", ">", "2024-02-01 12:00:00 +00:00"]],
    ]) {
      expect(roundTrip(x)).toEqual(x);
    }
  });
});

describe("printOrderBy", () => {
  it.each([
    [["rank,desc"], "rank desc"],
    [["rank,desc", "backlinks,asc"], "rank desc, backlinks"],
    [["1.rank,desc", "odd name,asc"], "1.rank desc, `odd name`"],
    [["desc,desc"], "`desc` desc"],
    [["keyword_data.clickstream_keyword_info.age_distribution.55-64,desc"], "keyword_data.clickstream_keyword_info.age_distribution.`55-64` desc"],
  ] as const)("%j", (input, text) => {
    expect(printOrderBy(input)).toBe(text);
    expect(compileOrderBy(text)).toEqual(input);
  });

  it.each([[[]], [["rank"]], [["rank,up"]], [[",desc"]], ["rank,desc"], [[1]]])("refuses %j", (input) => {
    expect(() => printOrderBy(input)).toThrow(DfsqError);
  });

  it.each([
    [["rank,asc", "rank,desc"]],
    [["rank,asc", "rank,asc"]],
    [["a,asc", "b,asc", "c,asc", "d,asc"]],
    [["a\nb,asc"]],
    [["a,b,asc"]],
  ])("%j: prints only what validates, and what it prints compiles to that value", (input) => {
    const v = validateOrderBy(input);
    const printed = v.ok ? printOrderBy(input) : (dfsqError(() => printOrderBy(input)), undefined);
    expect(printed === undefined ? undefined : compileOrderBy(printed)).toEqual(v.value);
  });

  it("refuses a hole instead of skipping it", () => {
    const sparse = ["rank,asc", "a,asc", "b,desc"];
    // oxlint-disable-next-line typescript/no-dynamic-delete -- a sparse array is the input under test
    delete sparse[1];
    expect(dfsqError(() => printOrderBy(sparse)).diagnostics.map((d) => [d.code, d.path])).toEqual([["invalid_order_by", [1]]]);
  });

  it("takes the options validation takes", () => {
    const rules = ["a,asc", "b,asc", "c,asc", "d,desc"];
    expect(() => printOrderBy(rules)).toThrow(DfsqError);
    expect(printOrderBy(rules, { maxSortRules: 4 })).toBe("a, b, c, d desc");
  });
});

describe("printFilter prints only what validates", () => {
  it.each<[string, unknown]>([
    ["nine conditions", Array.from({ length: 9 }, (_, i) => [`f${i}`, ">", i]).flatMap((c, i) => (i === 0 ? [c] : ["and", c]))],
    ["an invalid regex", ["f", "regex", "a("]],
    ["a group wrapped once", [[["a", "=", 1], "and", ["b", "=", 2]]]],
  ])("%s: refused as validateFilter refuses it", (_, input) => {
    const v = validateFilter(input);
    expect(v.ok).toBe(false);
    expect(dfsqError(() => printFilter(input)).diagnostics.map((d) => d.code)).toEqual(v.diagnostics.map((d) => d.code));
  });

  it("with raised limits, prints what they allow", () => {
    const nine = Array.from({ length: 9 }, (_, i) => [`f${i}`, ">", i]).flatMap((c, i) => (i === 0 ? [c] : ["and", c]));
    expect(compileFilter(printFilter(nine, { maxConditions: 9 }), { maxConditions: 9 })).toEqual(validateFilter(nine, { maxConditions: 9 }).value);
  });

  it("prints `f = false` where `not f` would nest past maxDepth", () => {
    const x = [["a", "=", 1], "and", [["b", "=", 1], "or", ["c", "=", false]]];
    expect(printFilter(x)).toBe("a = 1 and (b = 1 or not c)");
    expect(printFilter(x, { maxDepth: 1 })).toBe("a = 1 and (b = 1 or c = false)");
    expect(compileFilter(printFilter(x, { maxDepth: 1 }), { maxDepth: 1 })).toEqual(x);
  });
});
