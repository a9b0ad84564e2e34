import { describe, expect, it } from "vitest";
import { checkOrderBy } from "../../../src/compile.js";
import { validateOrderBy } from "../../../src/validate/validate.js";
import { OrderBySchema } from "../../../src/validate/schemas.js";
import { expectDiagnostics } from "../../helpers/diagnostics.js";

/* A sort field holds no line break: compiled text and raw arrays refuse it alike. */

describe("a line break in a sort field", () => {
  it.each(["\\n", "\\r", "\\u2028", "\\u2029"])("`a%sb` is refused where it is written", (escape) => {
    const source = `\`a${escape}b\` desc`;
    expectDiagnostics(source, [["invalid_order_by", `\`a${escape}b\``]], { mode: "orderBy" });
  });

  it.each(["\n", "\r", "\u2028", "\u2029"])("a raw rule with %j is refused at its path, as OrderBySchema refuses it", (brk) => {
    const r = validateOrderBy(["rank,asc", `a${brk}b,desc`]);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([["invalid_order_by", [1]]]);
    expect(OrderBySchema.safeParse([`a${brk}b,desc`]).success).toBe(false);
  });

  it("allows other odd characters, which the API may name", () => {
    expect(checkOrderBy("`a\\tb` desc, `odd name`").value).toEqual(["a\tb,desc", "odd name,asc"]);
  });
});
