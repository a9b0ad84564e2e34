import { describe, expect, it } from "vitest";
import { FilterSchema, OrderBySchema } from "../../src/validate/schemas.js";
import { validateFilter, validateOrderBy } from "../../src/validate/validate.js";
import { z } from "zod";

describe("validateFilter", () => {
  it.each([
    [["rank", ">", 10]],
    [[["rank", ">", 10]]],
    [[["a", "=", 1], "and", ["b", "=", 2]]],
    [[["a", "=", 1], "and", ["b", "=", 2], "and", ["c", "in", [1, 2]]]],
    [[[["a", "=", 1], "or", ["b", "=", 2]], "and", ["c", "like", "%x%"]]],
  ])("accepts %j", (value) => {
    const r = validateFilter(value);
    expect(r.diagnostics).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it("returns the canonical form", () => {
    expect(validateFilter([["a", "=", 1], "and", ["b", "=", 2], "and", ["c", "=", 3]]).value).toEqual([
      [["a", "=", 1], "and", ["b", "=", 2]],
      "and",
      ["c", "=", 3],
    ]);
    expect(validateFilter([["rank", ">", 1]]).value).toEqual(["rank", ">", 1]);
  });

  it.each([
    ["x", "invalid_filter", []],
    [[["a", "~", 1]], "invalid_filter", [0, 1]],
    [[["a", "=", 1], "and"], "invalid_filter", []],
    [[["a", "=", 1], "and", ["b", "=", 2], "or", ["c", "=", 3]], "mixed_connectives", [3]],
    [[["a", "=", 1], "xor", ["b", "=", 2]], "invalid_filter", [1]],
    [[["a", "in", []], "and", ["b", "=", 1]], "empty_list", [0, 2]],
    [["a", "like", ["x"]], "invalid_filter", [2]],
    [["a", "in", "x"], "invalid_filter", [2]],
    [["", "=", 1], "empty_field_name", [0]],
    [["a", "=", { b: 1 }], "invalid_filter", [2]],
  ])("refuses %j with %s at %j", (value, code, path) => {
    const r = validateFilter(value);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toContainEqual([code, path]);
  });

  it("runs the same checks as compiled text: limits, operators, types with a catalog", () => {
    const nine = Array.from({ length: 9 }, (_, i) => [`f${i}`, ">", i]).flatMap((c, i) => (i === 0 ? [c] : ["and", c]));
    expect(validateFilter(nine).diagnostics.map((d) => [d.code, d.path])).toEqual([["too_many_conditions", [16]]]);
    const typed = validateFilter([["rank", "like", "%1%"], "and", ["referring_domain", ">", 1]], { endpoint: "backlinks/referring_domains" });
    expect(typed.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ["operator_not_allowed", [0]],
      ["unknown_field", [2, 0]],
    ]);
    expect(validateFilter([["first_seen", ">", "2024-01-31"]], { endpoint: "backlinks/referring_domains" }).value).toEqual([
      "first_seen",
      ">",
      "2024-01-31 00:00:00 +00:00",
    ]);
  });

  it("refuses absurd nesting before zod recurses", () => {
    let v: unknown = ["a", "=", 1];
    for (let i = 0; i < 5000; i++) v = [["b", "=", 1], "and", v];
    expect(validateFilter(v).diagnostics.map((d) => d.code)).toEqual(["nesting_too_deep"]);
  });
});

describe("validateOrderBy", () => {
  it("accepts and checks order-by arrays", () => {
    expect(validateOrderBy(["rank,desc", "backlinks,asc"]).value).toEqual(["rank,desc", "backlinks,asc"]);
    expect(validateOrderBy(["rank,up"]).diagnostics.map((d) => [d.code, d.path])).toEqual([["invalid_order_by", [0]]]);
    expect(validateOrderBy([]).ok).toBe(false);
    expect(validateOrderBy(["a,asc", "b,asc", "c,asc", "d,asc"]).diagnostics.map((d) => [d.code, d.path])).toEqual([
      ["too_many_sort_rules", [3]],
    ]);
    expect(validateOrderBy(["referring_links_tld.com,desc"], { endpoint: "backlinks/referring_domains" }).diagnostics[0]?.code).toBe(
      "field_not_sortable",
    );
  });
});

describe("the schemas compose into users' own", () => {
  it("works inside another zod object", () => {
    // zod/mini schemas: classic zod composes them through its functions (z.optional, z.array).
    const Task = z.object({ target: z.string(), filters: z.optional(FilterSchema), order_by: z.optional(OrderBySchema) });
    expect(Task.safeParse({ target: "x", filters: ["rank", ">", 1], order_by: ["rank,desc"] }).success).toBe(true);
    const bad = Task.safeParse({ target: "x", filters: [["a", "=", 1], "and", ["b", "=", 2], "or", ["c", "=", 3]] });
    expect(bad.success).toBe(false);
  });
});
