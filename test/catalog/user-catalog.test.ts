import { describe, expect, it } from "vitest";
import { compileFilter } from "../../src/compile.js";
import { expectDiagnostics } from "../helpers/diagnostics.js";

/* options.catalog: a live `available_filters` list in the API's own shape replaces the built-in one. */

const fields = { rank: "num", domain: "str", first_seen: "time", fresh_field: "num", tags: "array.str" };
const result = { referring_domains: fields, backlinks: { dofollow: "bool" } };
const response = {
  version: "0.1.20260901",
  status_code: 20000,
  tasks: [{ id: "x", status_code: 20000, result: [result] }],
};

describe("options.catalog", () => {
  it.each([
    ["the whole response", response],
    ["its result[0] object", result],
  ])("accepts %s with an endpoint", (_name, catalog) => {
    expect(compileFilter("fresh_field > 1", { endpoint: "backlinks/referring_domains", catalog })).toEqual(["fresh_field", ">", 1]);
    expect(compileFilter("dofollow", { endpoint: "backlinks/referring_domains", param: "backlinks_filters", catalog })).toEqual([
      "dofollow",
      "=",
      true,
    ]);
  });

  it("accepts one field map, with or without an endpoint", () => {
    expect(compileFilter("tags has 'x'", { catalog: fields })).toEqual(["tags", "has", "x"]);
    expect(compileFilter("tags has 'x'", { catalog: fields, endpoint: "backlinks/referring_domains" })).toEqual(["tags", "has", "x"]);
  });

  it("is authoritative: an unknown field is an error", () => {
    const [d] = expectDiagnostics("referring_domains > 1", [["unknown_field", "referring_domains"]], {
      endpoint: "backlinks/referring_domains",
      catalog: response,
    });
    expect(d?.severity).toBe("error");
  });

  it("applies the endpoint's operator table, or the common one without an endpoint", () => {
    expectDiagnostics('rank like "%x%"', [["operator_not_allowed", "like"]], { catalog: fields });
  });

  it.each([
    ["not an object", 42],
    ["no field map under the endpoint's keys", { other: fields }],
    ["unknown types", { rank: "integer" }],
  ])("reports a catalog it cannot use: %s", (_name, catalog) => {
    const [d] = expectDiagnostics("rank > 1", ["invalid_catalog"], { endpoint: "backlinks/referring_domains", catalog });
    expect(d?.option).toBe("catalog");
  });
});
