import { describe, expect, it } from "vitest";
import { readFilter, readOrderBy } from "../../src/mcp/read-filter.js";
import { OPERATORS } from "../../src/syntax/ast.js";

describe("readFilter: a filters array in one line of English", () => {
  it.each([
    [["rank", ">", 10], "items where rank is greater than 10"],
    [["rank", "<=", 10], "items where rank is at most 10"],
    [["domain", "=", null], "items where domain is null"],
    [["domain", "<>", null], "items where domain is not null"],
    [["dofollow", "=", true], "items where dofollow is true"],
    [["tld", "in", ["com", "org"]], 'items where tld is one of "com", "org"'],
    [["anchor", "ilike", "%seo%"], 'items where anchor matches the pattern "%seo%" ignoring case'],
    [["keyword", "match", "phone case"], 'items where keyword contains the words "phone case"'],
    [["attributes", "has_not", "nofollow"], 'items where attributes does not have the element "nofollow"'],
    [["rank", ">", "$item->backlinks"], "items where rank is greater than the field backlinks"],
    [["domain", "like", "$item->x"], 'items where domain matches the pattern "$item->x"'],
    [["and", "=", 1], "items where `and` is 1"],
  ])("%j → %s", (filters, reading) => {
    expect(readFilter(filters)).toBe(reading);
  });

  it("gives every operator its own reading", () => {
    const readings = OPERATORS.map((op) => readFilter(["f", op, 1]));
    expect(new Set(readings).size).toBe(OPERATORS.length);
  });

  it("parenthesises a group inside a group of the other connective, not of the same one", () => {
    const a = ["a", "=", 1];
    const b = ["b", "=", 2];
    const c = ["c", "=", 3];
    expect(readFilter([a, "and", [b, "or", c]])).toBe("items where a is 1 and (b is 2 or c is 3)");
    expect(readFilter([[a, "and", b], "and", c])).toBe("items where a is 1 and b is 2 and c is 3");
    expect(readFilter([[a, "or", b], "and", c])).toBe("items where (a is 1 or b is 2) and c is 3");
  });

  it("reads flat groups and a condition wrapped once", () => {
    expect(readFilter([["a", "=", 1], "or", ["b", "=", 2], "or", ["c", "=", 3]])).toBe("items where a is 1 or b is 2 or c is 3");
    expect(readFilter([["a", ">", 1]])).toBe("items where a is greater than 1");
  });
});

describe("readOrderBy", () => {
  it("reads each rule with its direction, in order", () => {
    expect(readOrderBy(["rank,desc", "keyword_info.search_volume,asc"])).toBe("sorted by rank descending, then keyword_info.search_volume ascending");
  });

  it("takes the direction after the last comma", () => {
    expect(readOrderBy(["odd,name,asc"])).toBe("sorted by odd,name ascending");
  });
});
