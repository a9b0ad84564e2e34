import { describe, expect, it } from "vitest";
import { readPath, splitPath } from "../../src/eval/path.js";

const read = (item: unknown, path: string) => readPath(item, splitPath(path));

describe("readPath", () => {
  const item = {
    rank: 5,
    keyword_info: { search_volume: 1000, empty: null },
    "1": { rank: 7 },
    intersection_result: { "1": { rank_absolute: 3 } },
    serp: [{ rank: 1 }, { rank: 2 }],
    referring_links_tld: { com: 10 },
    referring_links_semantic_locations: { "": 900 },
    tags: ["a", "b"],
  };

  it.each([
    ["rank", 5],
    ["keyword_info.search_volume", 1000],
    ["keyword_info.empty", null],
    ["1.rank", 7],
    ["intersection_result.1.rank_absolute", 3],
    ["serp.0.rank", 1],
    ["serp.1.rank", 2],
    ["referring_links_tld.com", 10],
    ["referring_links_semantic_locations.", 900],
    ["tags.1", "b"],
  ])("%s reads %j", (path, expected) => {
    expect(read(item, path)).toEqual(expected);
  });

  it.each([
    "missing",
    "rank.deeper",
    "keyword_info.empty.x",
    "serp.2.rank",
    "serp.01.rank",
    "serp.-1.rank",
    "serp.length",
    "tags.99999999999999999999",
    "2.rank",
    "constructor",
    "keyword_info.toString",
    "__proto__",
  ])("%s is missing", (path) => {
    expect(read(item, path)).toBeUndefined();
  });

  it("reads own keys only, including a JSON `__proto__` key", () => {
    const parsed: unknown = JSON.parse('{"__proto__": {"x": 1}}');
    expect(read(parsed, "__proto__.x")).toBe(1);
    expect(read(Object.create({ inherited: 1 }), "inherited")).toBeUndefined();
  });

  it("does not look into scalars or the item itself when it is not an object", () => {
    expect(read("text", "length")).toBeUndefined();
    expect(read(null, "a")).toBeUndefined();
    expect(read(42, "a")).toBeUndefined();
  });

  it("walks 100,000 levels without recursion", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(read(deep, Array.from({ length: 100_000 }, () => "a").join("."))).toBe(1);
  });
});
