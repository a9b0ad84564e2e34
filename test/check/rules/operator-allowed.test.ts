import { describe, expect, it } from "vitest";
import { expectTyped } from "../../helpers/typed.js";

describe("operator_not_allowed", () => {
  it.each([
    ["backlinks/referring_domains", 'rank like "%1%"', "like"],
    ["backlinks/referring_domains", 'domain > "a"', ">"],
    ["content_analysis/search", 'content_info.title ilike "%x%"', "ilike"],
    ["on_page/pages", 'meta.title ilike "%x%"', "ilike"],
    ["backlinks/referring_domains", "rank has 1", "has"],
    ["dataforseo_labs/google/keyword_ideas", 'serp_info.serp_item_types has "x" and keyword_properties.core_keyword has "a"', "has"],
  ])("%s: %s", (endpoint, source, op) => {
    const d = expectTyped(endpoint, source, [["operator_not_allowed", op]]);
    expect(d[0]?.hint).toMatch(/takes|no operator/);
  });

  it("is reported with the value's own mismatch", () => {
    expectTyped("backlinks/backlinks", "dofollow > true", [
      ["operator_not_allowed", ">"],
      ["type_mismatch", "true"],
    ]);
  });

  it("checks both operators of between, on the between's span", () => {
    expectTyped("backlinks/referring_domains", 'domain between "a" and "c"', [
      ["operator_not_allowed", 'domain between "a" and "c"'],
    ]);
  });

  it("allows has on array fields and the documented operators", () => {
    expectTyped("content_analysis/search", 'content_info.text_category has 10994 and page_types has_not "x" and domain_rank >= 5', []);
    expectTyped("backlinks/backlinks", 'domain_from_platform_type has "cms" and first_seen > 2024-01-01', []);
  });
});

describe("operator_conflict", () => {
  it("warns, naming the conflict, for time fields with operators the docs disagree on", () => {
    const [d] = expectTyped("backlinks/backlinks", "first_seen >= 2024-01-01", [["operator_conflict", ">="]]);
    expect(d?.severity).toBe("warning");
    expect(d?.message).toContain("per-field table");
  });

  it("warns for not_regex on On-Page strings", () => {
    expectTyped("on_page/resources", 'url not_regex "x"', [["operator_conflict", "not_regex"]]);
  });
});
