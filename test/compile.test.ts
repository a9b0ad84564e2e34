import { describe, expect, it } from "vitest";
import { checkFilter, checkOrderBy, compileFilter, compileOrderBy } from "../src/compile.js";
import type { Diagnostic } from "../src/diagnostics/diagnostic.js";
import { filter } from "../src/template/template.js";
import { validateFilter } from "../src/validate/validate.js";
import { expectDiagnostics } from "./helpers/diagnostics.js";

describe("warnings of the throwing API", () => {
  it("reach options.onWarning", () => {
    const seen: Diagnostic[] = [];
    expect(compileFilter('anchor like "seo"', { onWarning: (d) => seen.push(d) })).toEqual(["anchor", "like", "seo"]);
    expect(seen.map((d) => d.code)).toEqual(["like_without_wildcard"]);
  });

  it("reach it from compileOrderBy and the template tags too", () => {
    const seen: string[] = [];
    const onWarning = (d: Diagnostic) => seen.push(d.code);
    compileOrderBy("rank desc, rank", { onWarning });
    expect(filter({ onWarning })`anchor like ${"seo"}`).toEqual(["anchor", "like", "seo"]);
    expect(seen).toEqual(["duplicate_sort_field", "like_without_wildcard"]);
  });

  it("are not told when the compile fails (they are in the error)", () => {
    const seen: Diagnostic[] = [];
    expect(() => compileFilter('anchor like "seo" and rank >', { onWarning: (d) => seen.push(d) })).toThrow(/unexpected_end/);
    expect(seen).toEqual([]);
  });
});

describe("a repeated sort field", () => {
  it("is a warning: DataForSEO's own docs send one", () => {
    const [d] = expectDiagnostics("item.rating.value desc, item.rating.value desc", [["duplicate_sort_field", "item.rating.value"]], {
      mode: "orderBy",
    });
    expect(d?.severity).toBe("warning");
    expect(checkOrderBy("item.rating.value desc, item.rating.value desc").value).toEqual([
      "item.rating.value,desc",
      "item.rating.value,desc",
    ]);
  });
});

describe("rewrites made to fit the limit", () => {
  const nine = 'a = 1 or a = 2 or b = 3 or c = 4 or d = 5 or e = 6 or f = 7 or g = 8 or g = 8';

  it("are told: what was merged and dropped, and why", () => {
    const r = checkFilter(nine);
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["filter_rewritten"]);
    const [d] = r.diagnostics;
    expect(d?.severity).toBe("warning");
    expect(d?.message).toContain("9 conditions");
    expect(d?.message).toContain("into one `in`");
    expect(d?.message).toContain("dropped 1 repeated operand");
    expect(JSON.stringify(r.value)).toContain('["a","in",[1,2]]');
  });

  it("are told for raw arrays, whose sent form then differs from the input", () => {
    const text = checkFilter(nine, { chains: "flat", maxConditions: 9 });
    const r = validateFilter(text.value);
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["filter_rewritten"]);
  });

  it("need no word when asked for with optimize", () => {
    expect(checkFilter(nine, { optimize: true }).diagnostics).toEqual([]);
  });

  it("are not told when the filter still does not fit", () => {
    const ten = "a = 1 or a = 1 or b = 1 or c = 1 or d = 1 or e = 1 or f = 1 or g = 1 or h = 1 or i = 1";
    expect(checkFilter(ten).diagnostics.map((d) => d.code)).toEqual(["too_many_conditions"]);
  });
});
