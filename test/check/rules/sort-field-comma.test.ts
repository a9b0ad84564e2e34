import { describe, expect, it } from "vitest";
import { checkOrderBy } from "../../../src/compile.js";
import { expectDiagnostics } from "../../helpers/diagnostics.js";

describe("invalid_order_by: a comma in a sort field", () => {
  it("refuses a backquoted field holding a comma, which the API would split", () => {
    const [d] = expectDiagnostics("rank, `a,b` desc", [["invalid_order_by", "`a,b`"]], { mode: "orderBy" });
    expect(d?.severity).toBe("error");
    expect(checkOrderBy("`a,b`").ok).toBe(false);
  });

  it("leaves other backquoted fields alone", () => {
    expectDiagnostics("`a b` desc", [], { mode: "orderBy" });
  });
});
