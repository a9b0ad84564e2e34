import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DfsqError } from "../../src/diagnostics/error.js";
import { arbitraryExpression, arbitraryFilter, arbitraryItem, arbitraryOrderBy } from "../../src/testing/index.js";
import { validateFilter } from "../../src/validate/index.js";

/** The codes of the DfsqError `f` throws (none if it throws something else, or nothing). */
function thrownCodes(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    return e instanceof DfsqError ? e.diagnostics.map((d) => d.code) : [];
  }
  return [];
}

describe("dfsq/testing refuses options it cannot honour, before generating anything", () => {
  it.each([
    ["arbitraryFilter", () => arbitraryFilter({ endpoint: "backlinks/refering_domains" })],
    ["arbitraryExpression", () => arbitraryExpression({ endpoint: "backlinks/refering_domains" })],
    ["arbitraryOrderBy", () => arbitraryOrderBy({ endpoint: "backlinks/refering_domains" })],
    ["arbitraryItem", () => arbitraryItem({ endpoint: "backlinks/refering_domains" })],
  ])("%s: an unknown endpoint is a DfsqError (unknown_endpoint)", (_name, make) => {
    expect(thrownCodes(make)).toEqual(["unknown_endpoint"]);
  });

  it("a parameter the endpoint does not take, or order_by where it takes none, is a DfsqError (unsupported_parameter)", () => {
    expect(thrownCodes(() => arbitraryFilter({ endpoint: "backlinks/backlinks", param: "backlinks_filters" }))).toEqual(["unsupported_parameter"]);
    expect(thrownCodes(() => arbitraryOrderBy({ endpoint: "on_page/links" }))).toEqual(["unsupported_parameter"]);
  });

  it.each([
    ["more conditions than the API takes", () => arbitraryFilter({ endpoint: "backlinks/backlinks", maxConditions: 9 })],
    ["more conditions than the endpoint takes", () => arbitraryExpression({ endpoint: "on_page/redirect_chains", maxConditions: 2 })],
    ["no conditions", () => arbitraryFilter({ endpoint: "backlinks/backlinks", maxConditions: 0 })],
    ["more sort rules than the API takes", () => arbitraryOrderBy({ endpoint: "backlinks/backlinks", maxRules: 4 })],
    ["a null rate past 1", () => arbitraryItem({ endpoint: "backlinks/backlinks", nullRate: 2 })],
    ["an endpoint without a catalog of its fields", () => arbitraryFilter({ endpoint: "dataforseo_labs/google/historical_search_volume" })],
  ])("%s is a RangeError", (_name, make) => {
    expect(make).toThrow(RangeError);
  });

  it("takes a live catalog, and what it makes validates against that catalog", () => {
    const options = { endpoint: "dataforseo_labs/google/historical_search_volume", catalog: { keyword: "str", search_volume: "num" } };
    fc.assert(
      fc.property(arbitraryFilter(options), (filters) => {
        expect(validateFilter(filters, options).diagnostics).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
