import { describe, expect, it } from "vitest";
import { checkOrderBy } from "../../../src/compile.js";
import { expectDiagnostics } from "../../helpers/diagnostics.js";

describe("too_many_sort_rules", () => {
  it("marks the first rule past three, once, as an error", () => {
    const [d] = expectDiagnostics("a, b desc, c, d asc, e", [["too_many_sort_rules", "d asc"]], { mode: "orderBy" });
    expect(d?.severity).toBe("error");
    expect(d?.message).toContain("5 rules");
  });

  it("takes three, and follows maxSortRules", () => {
    expectDiagnostics("a, b, c", [], { mode: "orderBy" });
    expectDiagnostics("a, b", [["too_many_sort_rules", "b"]], { mode: "orderBy", maxSortRules: 1 });
    expect(checkOrderBy("a, b, c, d", { maxSortRules: 4 }).ok).toBe(true);
  });
});
