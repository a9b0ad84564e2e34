import { describe, expect, expectTypeOf, it } from "vitest";
import { checkFilter, checkOrderBy } from "../../src/compile.js";
import { DiagnosticBag, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { validateFilter, validateOrderBy } from "../../src/validate/validate.js";

/* The codes that carry facts besides their wording (DiagnosticData), from text and from arrays. */

const first = (diagnostics: readonly Diagnostic[], code: Diagnostic["code"]) => diagnostics.find((d) => d.code === code);
const BACKLINKS = { endpoint: "backlinks/backlinks" };

describe("diagnostic payloads", () => {
  it("narrow on `code` in the type", () => {
    const d = {} as Diagnostic;
    if (d.code === "type_mismatch") expectTypeOf(d.expected).toEqualTypeOf<string>();
    if (d.code === "too_many_conditions") expectTypeOf(d.max).toEqualTypeOf<number>();
    expectTypeOf<Extract<Diagnostic, { code: "unknown_field" }>["field"]>().toEqualTypeOf<string>();
  });

  it("type_mismatch: the field's type expected, the kind found", () => {
    expect(first(checkFilter("rank > true", BACKLINKS).diagnostics, "type_mismatch")).toMatchObject({ expected: "num", found: "boolean" });
    expect(first(validateFilter(["dofollow", "=", 5], BACKLINKS).diagnostics, "type_mismatch")).toMatchObject({ expected: "bool", found: "number", path: [2] });
  });

  it("type_mismatch: what the operator takes, whatever the field", () => {
    expect(first(checkFilter("a like 5").diagnostics, "type_mismatch")).toMatchObject({ expected: "pattern", found: "number" });
    expect(first(checkFilter("a > true").diagnostics, "type_mismatch")).toMatchObject({ expected: "orderable", found: "boolean" });
    expect(first(checkFilter("a has null").diagnostics, "type_mismatch")).toMatchObject({ expected: "element", found: "null" });
    expect(first(validateFilter(["a", "like", 5]).diagnostics, "type_mismatch")).toMatchObject({ expected: "pattern", found: "number", path: [2] });
  });

  it("unknown_field: the field as written, with its suggestions", () => {
    expect(first(checkFilter("rnak > 1", BACKLINKS).diagnostics, "unknown_field")).toMatchObject({ field: "rnak", suggestions: ["rank"] });
  });

  it("operator_not_allowed: the operator, the field and its type", () => {
    expect(first(checkFilter('rank like "%1%"', { endpoint: "backlinks/referring_domains" }).diagnostics, "operator_not_allowed")).toMatchObject({
      operator: "like",
      field: "rank",
      fieldType: "num",
    });
  });

  it("too_many_conditions and too_many_sort_rules: how many, and the most allowed", () => {
    const nine = Array.from({ length: 9 }, (_, i) => `f${i} = ${i}`).join(" and ");
    expect(first(checkFilter(nine).diagnostics, "too_many_conditions")).toMatchObject({ count: 9, max: 8 });
    expect(first(checkOrderBy("a, b, c, d").diagnostics, "too_many_sort_rules")).toMatchObject({ count: 4, max: 3 });
    expect(first(validateOrderBy(["a,asc", "b,asc", "c,asc", "d,asc"]).diagnostics, "too_many_sort_rules")).toMatchObject({ count: 4, max: 3 });
  });
});

describe("severity", () => {
  it("comes from the code; only the codes of SEVERITY_OVERRIDES take another at the call site", () => {
    const bag = new DiagnosticBag("x");
    const span = { start: 0, end: 1 };
    bag.report("unknown_field", span, "m", { severity: "warning", data: { field: "x" } });
    // @ts-expect-error: type_mismatch is always an error
    bag.report("type_mismatch", span, "m", { severity: "warning", data: { expected: "num", found: "string" } });
    // @ts-expect-error: type_mismatch carries its payload
    bag.report("type_mismatch", span, "m");
    expect(bag.items.map((d) => d.severity)).toEqual(["warning", "warning", "error"]);
  });
});
