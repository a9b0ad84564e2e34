import { describe, expect, expectTypeOf, it } from "vitest";
import { BuiltFilter } from "../../src/builder/built-filter.js";
import { where, whereFor } from "../../src/builder/where.js";
import { checkFilter, compileFilter } from "../../src/compile.js";
import { printFilter } from "../../src/print/print-filter.js";
import { field } from "../../src/template/field-name.js";
import { dfsqError } from "../helpers/errors.js";

describe("where", () => {
  it("builds the issue's example, which compiles like its text", () => {
    const built = where.and(where.gt("rank", 200), where.or(where.like("domain", "%seo%"), where.in("tld", ["com", "org"])));
    expect(String(built)).toBe('rank > 200 and (domain like "%seo%" or tld in ("com", "org"))');
    expect(compileFilter(built)).toEqual(compileFilter(String(built)));
    expect(compileFilter(built)).toEqual([["rank", ">", 200], "and", [["domain", "like", "%seo%"], "or", ["tld", "in", ["com", "org"]]]]);
  });

  it.each([
    [where.eq("a", 1), '["a","=",1]'],
    [where.ne("a", "x"), '["a","<>","x"]'],
    [where.lt("a", 1), '["a","<",1]'],
    [where.le("a", 1), '["a","<=",1]'],
    [where.ge("a", 1), '["a",">=",1]'],
    [where.notIn("a", [1, 2]), '["a","not_in",[1,2]]'],
    [where.notLike("a", "%x%"), '["a","not_like","%x%"]'],
    [where.ilike("a", "%x%"), '["a","ilike","%x%"]'],
    [where.notIlike("a", "%x%"), '["a","not_ilike","%x%"]'],
    [where.regex("a", "^x"), '["a","regex","^x"]'],
    [where.notRegex("a", "^x"), '["a","not_regex","^x"]'],
    [where.match("a", "phone"), '["a","match","phone"]'],
    [where.notMatch("a", "phone"), '["a","not_match","phone"]'],
    [where.has("a", "x"), '["a","has","x"]'],
    [where.hasNot("a", 3), '["a","has_not",3]'],
    [where.between("a", 1, 5), '[["a",">=",1],"and",["a","<=",5]]'],
    [where.notBetween("a", 1, 5), '[["a","<",1],"or",["a",">",5]]'],
    [where.isNull("a"), '["a","=",null]'],
    [where.isNotNull("a"), '["a","<>",null]'],
    [where.is("dofollow"), '["dofollow","=",true]'],
    [where.not(where.is("dofollow")), '["dofollow","=",false]'],
    [where.not(where.and(where.gt("a", 1), where.lt("b", 2))), '[["a","<=",1],"or",["b",">=",2]]'],
    [where.gt("a", field("b")), '["a",">","$item->b"]'],
    [where.gt("first_seen", new Date("2024-01-31T00:00:00Z")), '["first_seen",">","2024-01-31 00:00:00 +00:00"]'],
    [where.eq("odd name", 'quote " and'), '["odd name","=","quote \\" and"]'],
    [where.and(where.eq("a", 1)), '["a","=",1]'],
  ])("%s", (built, json) => {
    expect(JSON.stringify(compileFilter(built))).toBe(json);
  });

  it("prints readable text for a saved filter", () => {
    const built = where.or(where.and(where.is("a"), where.is("b")), where.not(where.eq("c", "x")));
    expect(printFilter(built)).toBe('a and b or not c = "x"');
    expect(JSON.stringify(built)).toBe(JSON.stringify('a and b or not c = "x"'));
  });

  it("goes through the same checks: diagnostics point into its text", () => {
    const built = where.and(where.like("rank", "%1%"), where.gt("nope", 1));
    const r = checkFilter(built, { endpoint: "backlinks/referring_domains" });
    const text = String(built);
    expect(r.diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end)])).toEqual([
      ["operator_not_allowed", "like"],
      ["unknown_field", "nope"],
    ]);
  });

  it("refuses values that are not values, with DfsqError", () => {
    expect(dfsqError(() => where.eq("a", Number.NaN)).diagnostics[0]?.code).toBe("invalid_interpolation");
    expect(dfsqError(() => where.eq("a", {} as never)).diagnostics[0]?.code).toBe("invalid_interpolation");
    expect(dfsqError(() => where.eq("", 1)).diagnostics[0]?.code).toBe("empty_field_name");
    expect(dfsqError(() => where.and({} as BuiltFilter)).diagnostics[0]?.code).toBe("invalid_interpolation");
  });
});

describe("whereFor", () => {
  it("types field names by the endpoint's catalog", () => {
    const w = whereFor("backlinks/referring_domains");
    expect(compileFilter(w.gt("referring_domains", 10))).toEqual(["referring_domains", ">", 10]);
    expectTypeOf(w.gt).parameter(0).toExtend<string>();
    expectTypeOf<"referring_domains">().toExtend<Parameters<typeof w.gt>[0]>();
    expectTypeOf<"referring_domain">().not.toExtend<Parameters<typeof w.gt>[0]>();
    const b = whereFor("backlinks/referring_domains", "backlinks_filters");
    expectTypeOf<"dofollow">().toExtend<Parameters<typeof b.is>[0]>();
  });
});
