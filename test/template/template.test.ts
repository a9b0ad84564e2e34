import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileFilter } from "../../src/compile.js";
import { field } from "../../src/template/field-name.js";
import { filter, orderBy } from "../../src/template/template.js";
import { dfsqError, expectOnlyDfsqError } from "../helpers/errors.js";

describe("filter`…`", () => {
  it("compiles with the values in place", () => {
    const minRank = 200;
    const pattern = "%seo%";
    expect(filter`rank > ${minRank} and domain like ${pattern}`).toEqual([["rank", ">", 200], "and", ["domain", "like", "%seo%"]]);
  });

  it("keeps every value a value, whatever it holds", () => {
    for (const s of ['" or 1=1 or "', "a) or (b", "x`y", "\\", "and", "rank > 0", "${0}", "2024-01-31", "now", ""]) {
      expect(filter`domain = ${s}`).toEqual(["domain", "=", s]);
    }
  });

  it("interpolates arrays as in lists, Dates as times, null, booleans and numbers", () => {
    expect(filter`tld in ${["com", "org"]}`).toEqual(["tld", "in", ["com", "org"]]);
    expect(filter`tld not in ${[1, true, null].slice(0, 2)}`).toEqual(["tld", "not_in", [1, true]]);
    expect(filter`first_seen > ${new Date("2024-01-02T03:04:05Z")} - 1d`).toEqual(["first_seen", ">", "2024-01-01 03:04:05 +00:00"]);
    expect(filter`f = ${null} or g = ${false} or h = ${-2.5} or i = ${10n}`).toEqual([
      [[["f", "=", null], "or", ["g", "=", false]], "or", ["h", "=", -2.5]],
      "or",
      ["i", "=", 10],
    ]);
  });

  it("takes field names only through field()", () => {
    expect(filter`${field("odd name")} > 1 and x = ${field("y")}`).toEqual([["odd name", ">", 1], "and", ["x", "=", "$item->y"]]);
    const [d] = dfsqError(() => filter`${"domain"} = 1`).diagnostics;
    expect(d?.code).toBe("unexpected_token");
    expect(d?.hint).toContain("field(");
  });

  it("takes compile options by call", () => {
    expect(() => filter({ endpoint: "dataforseo_labs/google/ranked_keywords" })`nope > ${1}`).toThrow(/not a field/);
    expect(filter({ chains: "flat" })`a = ${1} and b = ${2} and c = ${3}`).toEqual([["a", "=", 1], "and", ["b", "=", 2], "and", ["c", "=", 3]]);
  });

  it("reports bad values at their place in the template", () => {
    const r = filter.check`rank = ${["a"]} and x > ${Number.NaN} and y in ${[[1]]} and z = ${{}} and w = ${undefined}`;
    expect(r.ok).toBe(false);
    const text = "rank = ${0} and x > ${1} and y in ${2} and z = ${3} and w = ${4}";
    expect(r.diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end)])).toEqual([
      ["unexpected_token", "${0}"],
      ["invalid_interpolation", "${1}"],
      ["invalid_interpolation", "${2}"],
      ["invalid_interpolation", "${3}"],
      ["invalid_interpolation", "${4}"],
    ]);
  });

  it("reads backslashes in the template text as written (like String.raw)", () => {
    expect(filter`url regex "^a\\d" and x = ${1}`).toEqual([["url", "regex", "^a\\d"], "and", ["x", "=", 1]]);
  });

  it("is the same as the text for literal-only templates", () => {
    expect(filter`referring_domains > 10 and (domain like "%seo%" or rank > 200)`).toEqual(
      compileFilter('referring_domains > 10 and (domain like "%seo%" or rank > 200)'),
    );
  });
});

describe("orderBy`…`", () => {
  it("interpolates field names", () => {
    expect(orderBy`${field("rank")} desc, ${field("odd name")}`).toEqual(["rank,desc", "odd name,asc"]);
  });
  it("refuses a string where a field belongs", () => {
    expect(() => orderBy`${"rank"} desc`).toThrow(/expected a field name/);
  });
});

describe("properties", () => {
  it("filter`domain = ${s}` is [\"domain\", \"=\", s] for every string s", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.constantFrom('")', "' or '", "`", "${", "\n")), (s) => {
        expect(filter`domain = ${s}`).toEqual(["domain", "=", s]);
      }),
      { numRuns: 3000 },
    );
  });

  it("in lists keep every element as a value", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.integer(), fc.boolean()), { minLength: 1, maxLength: 20 }), (xs) => {
        expect(filter`tld in ${xs}`).toEqual(["tld", "in", xs]);
      }),
      { numRuns: 1000 },
    );
  });

  it("never throws anything but DfsqError for arbitrary values", () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expectOnlyDfsqError(() => filter`x = ${v} and y in ${v}`);
      }),
      { numRuns: 2000 },
    );
  });
});
