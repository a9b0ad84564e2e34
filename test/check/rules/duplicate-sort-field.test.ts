import { describe, expect, it } from "vitest";
import { checkOrderBy } from "../../../src/compile.js";
import { expectDiagnostics } from "../../helpers/diagnostics.js";

describe("duplicate_sort_field", () => {
  it("warns at each repeat of a field, whatever its direction, and still compiles", () => {
    const ds = expectDiagnostics("rank desc, a, rank asc, rank", [
      ["duplicate_sort_field", "rank"],
      ["too_many_sort_rules", "rank"],
      ["duplicate_sort_field", "rank"],
    ], { mode: "orderBy" });
    expect(ds.map((d) => [d.code, d.severity, d.span.start])).toEqual([
      ["duplicate_sort_field", "warning", 14],
      ["too_many_sort_rules", "error", 24],
      ["duplicate_sort_field", "warning", 24],
    ]);
    expect(checkOrderBy("item.rating.value desc, item.rating.value desc")).toMatchObject({ ok: true, value: ["item.rating.value,desc", "item.rating.value,desc"] });
  });
});
