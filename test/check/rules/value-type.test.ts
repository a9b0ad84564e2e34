import { describe, expect, it } from "vitest";
import { compileFilter } from "../../../src/compile.js";
import { expectDiagnostics } from "../../helpers/diagnostics.js";
import { expectTyped } from "../../helpers/typed.js";

const RD = "backlinks/referring_domains";

describe("type_mismatch", () => {
  it.each([
    ['rank = "high"', '"high"'],
    ["domain = 5", "5"],
    ["rank = true", "true"],
    ["rank in (1, 'x', 3)", "'x'"],
    ["first_seen > 5", "5"],
  ])("%s", (source, text) => {
    expectTyped(RD, source, [["type_mismatch", text]]);
  });

  it("checks the element of has against the array's element type", () => {
    expectTyped("content_analysis/search", 'content_info.text_category has "x"', [["type_mismatch", '"x"']]);
    expectTyped("content_analysis/search", 'page_types has 3', [["type_mismatch", "3"]]);
  });

  it("checks both bounds of between", () => {
    expectTyped(RD, 'rank between "a" and 5', [["type_mismatch", '"a"']]);
  });

  it("checks a boolean field against strings other than true and false", () => {
    expectTyped("backlinks/backlinks", 'dofollow = "yes"', [["type_mismatch", '"yes"']]);
  });
});

describe("quoted_number and quoted_boolean", () => {
  it("warns for a number written as a string and keeps it as written", () => {
    const [d] = expectTyped(RD, 'rank > "80"', [["quoted_number", '"80"']]);
    expect(d?.severity).toBe("warning");
    expect(compileFilter('rank > "80"', { endpoint: RD })).toEqual(["rank", ">", "80"]);
  });
  it("warns for a boolean written as a string", () => {
    expectTyped("backlinks/page_intersection", '1.dofollow = "true"', [["quoted_boolean", '"true"']]);
  });
});

describe("times", () => {
  it("normalises ISO strings on time fields to the API's format", () => {
    expect(compileFilter('first_seen > "2024-01-31"', { endpoint: RD })).toEqual(["first_seen", ">", "2024-01-31 00:00:00 +00:00"]);
    expect(compileFilter('first_seen > "2024-01-31T10:00:00+02:00"', { endpoint: RD })).toEqual([
      "first_seen",
      ">",
      "2024-01-31 08:00:00 +00:00",
    ]);
    expect(compileFilter('first_seen < "2021-01-29 15:02:37 +00:00"', { endpoint: RD })).toEqual([
      "first_seen",
      "<",
      "2021-01-29 15:02:37 +00:00",
    ]);
  });

  it("leaves strings on other fields alone", () => {
    expect(compileFilter('domain = "2024-01-31"', { endpoint: RD })).toEqual(["domain", "=", "2024-01-31"]);
  });

  it("rejects a string on a time field that is not a time", () => {
    const [d] = expectTyped(RD, 'first_seen > "yesterday"', [["invalid_date", '"yesterday"']]);
    expect(d?.hint).toContain("2024-01-31");
    expectTyped(RD, 'first_seen > "2024-02-30"', [["invalid_date", '"2024-02-30"']]);
  });
});

describe("quoted_time", () => {
  it("warns where no catalog says the field holds times: the quoted date goes out as written", () => {
    const [d] = expectDiagnostics('first_seen > "2024-01-31"', [["quoted_time", '"2024-01-31"']]);
    expect(d?.fixes).toEqual([{ title: "write 2024-01-31", edits: [{ span: { start: 13, end: 25 }, insert: "2024-01-31" }] }]);
    expect(compileFilter("first_seen > 2024-01-31")).toEqual(["first_seen", ">", "2024-01-31 00:00:00 +00:00"]);
  });

  it("is quiet for a string already in the API's format, for text, for =, and where the catalog converts it", () => {
    expectDiagnostics('first_seen > "2024-01-31 00:00:00 +00:00"', []);
    expectDiagnostics('title > "abc"', []);
    expectDiagnostics('title = "2024-01-31"', []);
    expectTyped("backlinks/backlinks", 'first_seen > "2024-01-31"', []);
  });
});
