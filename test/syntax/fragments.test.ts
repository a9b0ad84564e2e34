import { describe, expect, it } from "vitest";
import { checkFilter } from "../../src/compile.js";
import { dfsq } from "../helpers/cli.js";

const RD = { endpoint: "backlinks/referring_domains" };
const codes = (source: string, options = RD) => checkFilter(source, options).diagnostics.map((d) => `${d.code}@${d.span.start}`);

describe("catalog problems beside a syntax error", () => {
  it("reports an unknown field where the end of the filter is broken", () => {
    expect(codes("referring_domain > 10 and rank >")).toEqual(["unknown_field@0", "unexpected_end@32"]);
    expect(codes("referring_domain > 10 and (rank > 3")).toEqual(["unknown_field@0", "unexpected_end@35"]);
  });

  it("reads every kind of condition on its own: lists, between, not-operators, is not null", () => {
    const source = 'rankk in (1, 2) and backlinkz between 1 and 3 and domainn not like "%a%" and x is not null and (';
    expect(codes(source)).toEqual(["unknown_field@0", "unknown_field@20", "unknown_field@50", "unknown_field@77", "unexpected_end@96"]);
  });

  it("checks a value's type and a bare field there too, once each", () => {
    expect(codes('rank = "x" and backlinks and rank > 1 and (')).toEqual(["type_mismatch@7", "bare_field_not_bool@15", "unexpected_end@43"]);
    // Where recovery kept the condition, it is checked once.
    expect(codes("referring_domain > 10 and rank > 5 x")).toEqual(["unknown_field@0", "unexpected_token@35"]);
  });

  it("keeps a valid filter's diagnostics as they were, and reports nothing new without a catalog", () => {
    expect(codes("referring_domains > 10 and rank > 5")).toEqual([]);
    expect(codes("nope > 10 and rank >", {} as typeof RD)).toEqual(["unexpected_end@20"]);
  });

  it("shows in the CLI", () => {
    const r = dfsq(["compile", "referring_domain > 10 and rank >", "--endpoint", "backlinks/referring_domains"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("warning[unknown_field]");
    expect(r.stderr).toContain("error[unexpected_end]");
  });
});
