import { describe, expect, it } from "vitest";
import { checkFilter, compileFilter } from "../../src/compile.js";

/* The meaning-preserving rewrites that bring a filter under the API's condition limit. */

const eight = "a > 1 and b > 1 and c > 1 and d > 1 and e > 1 and f > 1 and g > 1";

describe("rewrites apply only over the limit", () => {
  it("leaves a filter under the limit as written", () => {
    expect(compileFilter("x = 1 or x = 2")).toEqual([["x", "=", 1], "or", ["x", "=", 2]]);
    expect(compileFilter("a > 1 and a > 1")).toEqual([["a", ">", 1], "and", ["a", ">", 1]]);
  });

  it("applies them always with optimize", () => {
    expect(compileFilter("x = 1 or x = 2", { optimize: true })).toEqual(["x", "in", [1, 2]]);
    expect(compileFilter("a > 1 and a > 1", { optimize: true })).toEqual(["a", ">", 1]);
  });
});

describe("rewrites", () => {
  it("merges = and in on one field inside an or chain into one in, at the first one's place", () => {
    expect(compileFilter('tld = "com" or rank > 5 or tld = "org" or tld in ("net", "com")', { optimize: true })).toEqual([
      ["tld", "in", ["com", "org", "net"]],
      "or",
      ["rank", ">", 5],
    ]);
  });

  it("merges <> and not_in on one field inside an and chain into one not_in", () => {
    expect(compileFilter("x <> 1 and y and x not in (2, 3) and x <> 1", { optimize: true })).toEqual([
      ["x", "not_in", [1, 2, 3]],
      "and",
      ["y", "=", true],
    ]);
  });

  it("does not merge across connectives, fields, null or field references", () => {
    expect(compileFilter("x = 1 and x = 2", { optimize: true })).toEqual([["x", "=", 1], "and", ["x", "=", 2]]);
    expect(compileFilter("x = 1 or y = 2", { optimize: true })).toEqual([["x", "=", 1], "or", ["y", "=", 2]]);
    expect(compileFilter("x = null or x = 1", { optimize: true })).toEqual([["x", "=", null], "or", ["x", "=", 1]]);
    expect(compileFilter('x = "$item->y" or x = 1', { optimize: true })).toEqual([["x", "=", "$item->y"], "or", ["x", "=", 1]]);
  });

  it("flattens a chain whatever its parentheses before merging", () => {
    expect(compileFilter("x = 1 or (x = 2 or (x = 3 or z))", { optimize: true })).toEqual([
      ["x", "in", [1, 2, 3]],
      "or",
      ["z", "=", true],
    ]);
  });

  it("drops exact duplicates, including repeated groups", () => {
    expect(compileFilter("(a or b) and c and (a or b)", { optimize: true })).toEqual([
      [["a", "=", true], "or", ["b", "=", true]],
      "and",
      ["c", "=", true],
    ]);
  });

  it("merges inside nested groups and lets a collapsed group join its parent", () => {
    expect(compileFilter("k and (x = 1 or x = 2)", { optimize: true })).toEqual([["k", "=", true], "and", ["x", "in", [1, 2]]]);
  });

  it("brings 9 conditions under the limit when they merge", () => {
    const r = checkFilter(`${eight} and (h = 1 or h = 2)`);
    expect(r.ok).toBe(true);
    expect(JSON.stringify(r.value)).toContain('["h","in",[1,2]]');
  });

  it("reports too_many_conditions when the rewrites are not enough, counting after them", () => {
    const r = checkFilter(`${eight} and h > 1 and i > 1 and i > 1`);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["too_many_conditions"]);
    expect(r.diagnostics[0]?.message).toContain("9 conditions");
  });

  it("never merges a list past maxListLength", () => {
    expect(compileFilter("x in (1, 2) or x = 3", { optimize: true, maxListLength: 2 })).toEqual([
      ["x", "in", [1, 2]],
      "or",
      ["x", "=", 3],
    ]);
  });
});
